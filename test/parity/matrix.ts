import type { TlsBackend } from '@tlsport/core';
import { evaluate } from './evaluate.js';
import { OpensslServers } from './peers/OpensslServers.js';
import { parityPki, type ParityPki } from './pki.js';
import type { Outcome, PeerKind, Result, Role, Scenario } from './types.js';

export const PEERS: readonly PeerKind[] = ['same backend', 'openssl'];

/** One cell: a feature in one role on one backend, judged against every peer. */
export interface Cell {
  feature: string;
  role: Role;
  backend: string;
  result: Result;
  /** Why, for anything but a pass: each peer's reason. */
  reason?: string;
  /** The outcome against each peer. */
  peers: Record<PeerKind, Outcome>;
}

/**
 * A cell passes only if every peer passes. It is "not offered" only if the engine declined the
 * feature against every peer; declining against one peer and not the other is a fail.
 */
export function judge(peers: Record<PeerKind, Outcome>): Pick<Cell, 'result' | 'reason'> {
  const outcomes = PEERS.map((p) => ({ peer: p, ...peers[p] }));
  const explain = (result: Result): string =>
    outcomes
      .filter((o) => o.result === result)
      .map((o) => `${o.peer}: ${o.reason}`)
      .join('; ');
  if (outcomes.some((o) => o.result === 'fail')) return { result: 'fail', reason: explain('fail') };
  if (outcomes.every((o) => o.result === 'not offered')) {
    const reasons = [...new Set(outcomes.map((o) => o.reason))];
    return { result: 'not offered', reason: reasons.join('; ') };
  }
  if (outcomes.some((o) => o.result === 'not offered')) return { result: 'fail', reason: `offered against one peer only: ${explain('not offered')}` };
  return { result: 'pass' };
}

/** The resources every scenario run shares: one PKI, and the openssl servers by their arguments. */
export interface MatrixContext {
  pki: ParityPki;
  servers: OpensslServers;
  dispose(): Promise<void>;
}

export function matrixContext(): MatrixContext {
  const pki = parityPki();
  const servers = new OpensslServers();
  return {
    pki,
    servers,
    async dispose() {
      await servers.dispose();
      pki.dispose();
    },
  };
}

/** Every cell of the table: each scenario in each of its roles, on each backend. */
export function* cellsOf<B>(scenarios: readonly Scenario[], backends: readonly B[]): Generator<{ scenario: Scenario; role: Role; backend: B }> {
  for (const scenario of scenarios) {
    for (const role of scenario.roles) {
      for (const backend of backends) yield { scenario, role, backend };
    }
  }
}

/** One cell: the scenario against each peer in turn, judged together. */
export async function evaluateCell(scenario: Scenario, role: Role, backend: TlsBackend, context: MatrixContext): Promise<Cell> {
  const peers = {} as Record<PeerKind, Outcome>;
  for (const peer of PEERS) peers[peer] = await evaluate(scenario, backend, role, peer, context.pki, context.servers);
  return { feature: scenario.feature, role, backend: backend.name, ...judge(peers), peers };
}

/** Runs the whole table. */
export async function runMatrix(scenarios: readonly Scenario[], backends: readonly TlsBackend[], onCell?: (cell: Cell) => void): Promise<Cell[]> {
  const context = matrixContext();
  const cells: Cell[] = [];
  try {
    for (const { scenario, role, backend } of cellsOf(scenarios, backends)) {
      const cell = await evaluateCell(scenario, role, backend, context);
      cells.push(cell);
      onCell?.(cell);
    }
  } finally {
    await context.dispose();
  }
  return cells;
}
