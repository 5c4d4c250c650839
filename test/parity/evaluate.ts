import { TlsError, type TlsBackend } from '@tlsport/core';
import type { OpensslServers } from './peers/OpensslServers.js';
import type { ParityPki } from './pki.js';
import { Run } from './run.js';
import type { Outcome, PeerKind, Role, Scenario } from './types.js';

/** A scenario that has not finished by then has hung: a fail, never a stuck suite. */
const SCENARIO_MS = 15_000;

/**
 * Runs one scenario with the backend under test in `role` against `peerKind`. A TlsError with
 * fault 'unsupported' is the engine saying it lacks the feature: "not offered", with its detail.
 */
export async function evaluate(scenario: Scenario, backend: TlsBackend, role: Role, peerKind: PeerKind, pki: ParityPki, servers: OpensslServers): Promise<Outcome> {
  const run = new Run(backend, role, peerKind, pki, servers);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not finish within ${SCENARIO_MS / 1000} s`)), SCENARIO_MS);
  });
  try {
    await Promise.race([scenario.run(run), deadline]);
    return { result: 'pass' };
  } catch (error) {
    if (error instanceof TlsError && error.fault === 'unsupported') return { result: 'not offered', reason: error.detail };
    return { result: 'fail', reason: oneLine(error) };
  } finally {
    clearTimeout(timer);
    await run.dispose();
  }
}

function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, ' ').trim().slice(0, 300);
}
