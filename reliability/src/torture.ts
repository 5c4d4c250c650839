import { CompletionPort, GskStatus, SecureEnvironment, gskStatusName, memoryPipe, type OperationId, type Overlapped, type SecureSession, type TlsBackend } from '@tlsport/core';
import type { TestCa, Issued } from '@tlsport/testkit';
import { Rng } from '../../fuzz/dist/rng.js';

/** Where in a handshake's life the torture strikes. */
export const MOMENTS = ['before-start', 'at-start', 'mid-handshake', 'native-step', 'after-completion', 'destroy-port', 'close-session', 'timeout'] as const;
export type Moment = (typeof MOMENTS)[number];

export interface TortureOptions {
  handshakes: number;
  seed: number;
  backends: readonly TlsBackend[];
  pki: { ca: TestCa; leaf: Issued };
  /** Handshakes in flight at once. */
  concurrency?: number;
  /** A handshake whose operations have not all completed after this long is reported as lost. */
  lostAfterMs?: number;
}

export interface TortureReport {
  handshakes: number;
  /** Completions seen, by moment and then by status name. */
  outcomes: Record<string, Record<string, number>>;
  /** cancelOperation calls that cancelled something. */
  cancelled: number;
  /** Contract violations: an operation completed twice or never, a cancel and a result both delivered. */
  violations: string[];
}

interface Side {
  session: SecureSession;
  overlapped: { operationId: OperationId; descriptorHandle: string };
  /** What cancelOperation returned for this side's id (undefined: not called). */
  cancelResult: number | undefined;
  deliveries: number;
}

/**
 * Runs `handshakes` session-level handshakes over memory pipes, client and server backends drawn
 * from `backends`, each struck at a random moment: cancelled before or right after startInit,
 * mid-handshake, while an OpenSSL step runs on the pool, just after completion; or its port
 * destroyed, its session closed, a handshake timeout of a few ms. Checks every operation completes
 * exactly once, and a cancel never comes with a result.
 */
export async function torture(options: TortureOptions): Promise<TortureReport> {
  const report: TortureReport = { handshakes: 0, outcomes: {}, cancelled: 0, violations: [] };
  // Promises, not environments: concurrent workers asking for the same one share a single open.
  const envs = new Map<string, Promise<SecureEnvironment>>();
  const env = (backend: TlsBackend, role: 'client' | 'server', timeoutMs: number): Promise<SecureEnvironment> => {
    const key = `${backend.name}/${role}/${timeoutMs}`;
    let e = envs.get(key);
    if (e === undefined) {
      e = SecureEnvironment.open(
        backend,
        role === 'client'
          ? { ca: options.pki.ca.cert, servername: 'localhost', handshakeTimeoutMs: timeoutMs }
          : { role: 'server', cert: options.pki.leaf.chain, key: options.pki.leaf.key, handshakeTimeoutMs: timeoutMs },
      );
      envs.set(key, e);
    }
    return e;
  };
  const concurrency = options.concurrency ?? 16;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < options.handshakes) {
      const i = next++;
      const rng = Rng.forInput(options.seed, i);
      const client = rng.pick(options.backends);
      const server = rng.pick(options.backends);
      const moment = rng.pick(MOMENTS);
      const timeoutMs = moment === 'timeout' ? 1 + rng.below(8) : 0;
      await one(i, rng, moment, await env(client, 'client', timeoutMs), await env(server, 'server', timeoutMs), report, options.lostAfterMs ?? 15_000);
      report.handshakes++;
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    await Promise.all([...envs.values()].map(async (e) => (await e).close()));
  }
  return report;
}

async function one(i: number, rng: Rng, moment: Moment, clientEnv: SecureEnvironment, serverEnv: SecureEnvironment, report: TortureReport, lostAfterMs: number): Promise<void> {
  const port = CompletionPort.create();
  const [a, b] = memoryPipe();
  const side = (session: SecureSession, name: string): Side => ({ session, overlapped: { operationId: session.generateOperationId(), descriptorHandle: name }, cancelResult: undefined, deliveries: 0 });
  const c = side(clientEnv.openSession(a, {}, { ownsSocket: true }), 'client');
  const s = side(serverEnv.openSession(b, {}, { ownsSocket: true }), 'server');
  const victim = rng.chance(0.5) ? c : s;
  const cancel = (x: Side): void => {
    x.cancelResult = x.session.cancelOperation(x.overlapped.operationId);
    report.cancelled += x.cancelResult;
  };
  const turns = (n: number) => (async () => {
    for (let k = 0; k < n; k++) await new Promise((r) => (rng.chance(0.5) ? setImmediate(r) : queueMicrotask(() => r(undefined))));
  })();

  if (moment === 'before-start') {
    cancel(victim);
    if (victim.cancelResult !== 0) report.violations.push(`#${i}: cancel before start cancelled ${victim.cancelResult}`);
    victim.cancelResult = undefined;
  }
  if (moment === 'native-step') {
    // The session's own 'data' listener runs first: by the time ours runs, the engine has taken the
    // bytes (the openssl engine has started a pool step with them).
    (victim === c ? a : b).once('data', () => cancel(victim));
  }
  s.session.startInit(port, s.overlapped);
  c.session.startInit(port, c.overlapped);
  if (moment === 'before-start' || moment === 'at-start') cancel(victim);

  const collect = async (until: () => boolean): Promise<void> => {
    const deadline = Date.now() + lostAfterMs;
    while (!until() && !port.destroyed && Date.now() < deadline) {
      const got = await port.wait(Math.max(1, deadline - Date.now())).catch(() => null);
      if (got === null) continue;
      const x = got === (c.overlapped as object) ? c : got === (s.overlapped as object) ? s : undefined;
      if (x === undefined) report.violations.push(`#${i}: a completion that belongs to no started operation`);
      else x.deliveries++;
    }
  };
  const bothDone = () => c.deliveries > 0 && s.deliveries > 0;

  switch (moment) {
    case 'mid-handshake':
      await turns(rng.below(12));
      cancel(victim);
      break;
    case 'destroy-port':
      await turns(rng.below(12));
      port.destroy();
      break;
    case 'close-session':
      await turns(rng.below(12));
      await victim.session.close();
      break;
    case 'after-completion':
      await collect(() => victim.deliveries > 0);
      cancel(victim);
      break;
    default:
      break;
  }
  await collect(bothDone);
  await Promise.all([c.session.close(), s.session.close()]);
  // Anything posted now would be a second completion.
  await new Promise((r) => setImmediate(r));
  await collect(() => port.queued === 0);

  for (const x of [c, s]) {
    const o = x.overlapped as unknown as Overlapped;
    const expected = port.destroyed ? (x.deliveries <= 1) : x.deliveries === 1;
    if (!expected) report.violations.push(`#${i} ${moment}: ${x.overlapped.descriptorHandle} StartInit delivered ${x.deliveries} times`);
    if (x.session.isOperationPending(x.overlapped.operationId)) report.violations.push(`#${i} ${moment}: ${x.overlapped.descriptorHandle} still pending`);
    if (o.returnValue === GskStatus.GSK_INTERNAL_ERROR) report.violations.push(`#${i} ${moment}: ${x.overlapped.descriptorHandle} (${clientEnv.backend.name} -> ${serverEnv.backend.name}) internal error: ${o.error?.message}`);
    if (o.returnValue === undefined) report.violations.push(`#${i} ${moment}: ${x.overlapped.descriptorHandle} never completed`);
    const cancelledStatus = o.returnValue === GskStatus.GSK_TLSPORT_ERROR_CANCELLED;
    if (x.cancelResult === 1 && !cancelledStatus) report.violations.push(`#${i} ${moment}: cancel returned 1 but ${x.overlapped.descriptorHandle} completed ${gskStatusName(o.returnValue)}`);
    if (x.cancelResult === 0 && x === victim && o.returnValue === GskStatus.GSK_TLSPORT_ERROR_CANCELLED && moment === 'after-completion') {
      report.violations.push(`#${i} ${moment}: cancel after completion changed the result`);
    }
    const bucket = (report.outcomes[moment] ??= {});
    const name = gskStatusName(o.returnValue);
    bucket[name] = (bucket[name] ?? 0) + 1;
  }
  port.destroy();
}
