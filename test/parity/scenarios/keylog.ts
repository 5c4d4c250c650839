import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from '../types.js';
import { check } from './expectations.js';

/**
 * NSS key log lines: the side under test must log exactly the lines its peer logs for the same
 * connection (openssl -keylogfile, or the peer session's own keylog).
 */
export const keylogScenarios: Scenario[] = (['TLSv1.3', 'TLSv1.2'] as const).map((version) => ({
  feature: `key log (${version.replace('v', ' ')})`,
  roles: ['client', 'server'],
  async run(run) {
    const file = join(run.pki.ca.dir, `keylog-${run.backend.name}-${run.role}-${version}.txt`);
    const mine: string[] = [];
    const theirs: string[] = [];
    const setup = {
      local: { minVersion: version, maxVersion: version, keylog: (line: string) => mine.push(line) },
      peer: { keylog: (line: string) => theirs.push(line) },
      openssl: ['-keylogfile', file],
    };
    const link = await run.connect(setup, { exclusive: true });
    await link.established();
    await link.exchange();
    if (link.peer.transcript() !== undefined) {
      theirs.push(...readFileSync(file, 'utf8').split('\n').filter((l) => l !== '' && !l.startsWith('#')));
    }
    check(mine.length > 0, 'no key log lines');
    const [a, b] = [[...mine].sort(), [...theirs].sort()];
    check(JSON.stringify(a) === JSON.stringify(b), `logged ${labels(mine)}; the peer logged ${labels(theirs)}${a.length === b.length ? ' (secrets differ)' : ''}`);
  },
}));

function labels(lines: readonly string[]): string {
  return lines.map((l) => l.split(' ')[0]).sort().join(',') || 'nothing';
}
