import type { Scenario } from '../types.js';
import { check, opensslSaw, traced } from './expectations.js';

/** Each protocol version in each role: pinned on the side under test, the peer offers both. */
export const versionScenarios: Scenario[] = (['TLSv1.3', 'TLSv1.2'] as const).map((version) => ({
  feature: `${version.replace('v', ' ')} handshake and data`,
  roles: ['client', 'server'],
  async run(run) {
    const link = await run.connect({ local: { minVersion: version, maxVersion: version } });
    const negotiated = await link.established();
    check(negotiated.version === version, `negotiated ${negotiated.version}`);
    await link.exchange();
    opensslSaw(link, traced(run.role === 'client' ? '>>>' : '<<<', version === 'TLSv1.3' ? '1.3' : '1.2', 'ServerHello'), `a ${version} ServerHello`);
  },
}));
