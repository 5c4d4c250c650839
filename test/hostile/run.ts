import type { TlsBackend } from '@tlsport/core';
import type { Pki } from '../support/sessions.js';
import type { Arena, AttackResult } from './attack.js';
import type { HostileCase } from './cases.js';
import { ClientTarget, ServerTarget } from './support/targets.js';
import { Tls13ServerListener } from './support/Tls13Server.js';

/** One case on one backend: the refusal (or acceptance) seen, and for a flood how many units went through. */
export interface HostileCell {
  readonly backend: string;
  readonly result: AttackResult;
  /** Floods: the largest n the target accepted (capped: it accepted the cap, no bound seen). */
  readonly accepted?: number;
  readonly capped?: boolean;
}

/** The arena for one backend: a tlsport server and client environment, and the attacker's TLS 1.3 server. */
export async function openArena(backend: TlsBackend, pki: Pki): Promise<Arena & { close(): Promise<void> }> {
  const server = await ServerTarget.open(backend, pki);
  const client = await ClientTarget.open(backend, pki);
  const attacker = await Tls13ServerListener.open({ chain: pki.leaf.chain, key: pki.leaf.key });
  return {
    pki, server, client, attacker,
    async close() {
      await Promise.all([server.close(), client.close(), attacker.close()]);
    },
  };
}

/**
 * The largest n in [0, cap] for which `trial(n)` is accepted, assuming acceptance is monotone:
 * the cap first (most targets that have no bound are done in one trial), then doubling from 1
 * and a binary search. Each trial is a fresh connection, so the count is exact, not timed.
 */
async function largestAccepted(trial: (n: number) => Promise<AttackResult>, cap: number): Promise<{ accepted: number; refusal: AttackResult; capped: boolean }> {
  const top = await trial(cap);
  if (top.accepted) return { accepted: cap, refusal: top, capped: true };
  let lo = 0;
  let hi = cap;
  let refusal = top;
  for (let n = 1; n < hi; n *= 2) {
    const r = await trial(n);
    if (!r.accepted) {
      hi = n;
      refusal = r;
      break;
    }
    lo = n;
  }
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    const r = await trial(mid);
    if (r.accepted) lo = mid;
    else {
      hi = mid;
      refusal = r;
    }
  }
  return { accepted: lo, refusal, capped: false };
}

export async function runCase(c: HostileCase, backend: string, arena: Arena): Promise<HostileCell> {
  if (c.flood === undefined) {
    const result = await c.run(arena, 0);
    return { backend, result, ...(result.count !== undefined && { accepted: result.count }) };
  }
  const { accepted, refusal, capped } = await largestAccepted((n) => c.run(arena, n), c.flood.cap);
  return { backend, result: refusal, accepted, capped };
}

export interface HostileRow {
  readonly hostile: HostileCase;
  readonly cells: readonly HostileCell[];
}

/** Every case on every backend. */
export async function hostileTable(cases: readonly HostileCase[], backends: readonly TlsBackend[], pki: Pki, onCell?: (c: HostileCase, cell: HostileCell) => void): Promise<HostileRow[]> {
  const cells = new Map<HostileCase, HostileCell[]>(cases.map((c) => [c, []]));
  for (const backend of backends) {
    const arena = await openArena(backend, pki);
    try {
      for (const c of cases) {
        const cell = await runCase(c, backend.name, arena);
        onCell?.(c, cell);
        cells.get(c)!.push(cell);
      }
    } finally {
      await arena.close();
    }
  }
  return cases.map((hostile) => ({ hostile, cells: cells.get(hostile)! }));
}
