import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * RFC 8448 traces from the shared vectors (/work/shared/vectors/README.md). This file compiles to
 * packages/backend-pure/dist/test/helpers/: five levels up is the repo root, then ../shared/vectors.
 */
const VECTORS = fileURLToPath(new URL('../../../../../../shared/vectors/rfc8448.json', import.meta.url));

interface Step {
  readonly who: 'client' | 'server';
  readonly action: string;
  readonly fields: Record<string, string>;
}

const all = JSON.parse(readFileSync(VECTORS, 'utf8')) as Record<string, Step[]>;

export type Section = '3 Simple 1-RTT Handshake' | '4 Resumed 0-RTT Handshake' | '5 HelloRetryRequest' | '6 Client Authentication' | '7 Compatibility Mode';

export function hex(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s, 'hex'));
}

/** One section's steps; `field(who, action, name)` returns a field as bytes (the n-th matching step). */
export class Trace {
  private readonly steps: Step[];

  constructor(section: Section) {
    const steps = all[section];
    if (steps === undefined) throw new Error(`no RFC 8448 section ${section}`);
    this.steps = steps;
  }

  field(who: 'client' | 'server', action: string, name: string, nth = 0): Uint8Array {
    const matches = this.steps.filter((s) => s.who === who && s.action.startsWith(action) && s.fields[name] !== undefined);
    const step = matches[nth];
    if (step === undefined) throw new Error(`RFC 8448: no ${who} step "${action}" with field "${name}" (#${nth})`);
    return hex(step.fields[name]!);
  }
}
