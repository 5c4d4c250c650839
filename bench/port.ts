import { CompletionPort, GskStatus, SecureEnvironment, memoryPipe, type OverlappedInput, type TlsBackend } from '@tlsport/core';
import { TestCa } from '@tlsport/testkit';
import { repeat, stat, type Stat } from './measure.js';
import type { SingleMetric } from './results.js';
import { progress } from './suites/SuiteContext.js';

/** Completions per second, one post then one wait at a time. */
async function postThenWait(n: number): Promise<number> {
  const port = CompletionPort.create();
  const o: OverlappedInput = { operationId: 1 };
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    port.post(o);
    await port.wait(0);
  }
  return n / ((performance.now() - t0) / 1000);
}

/** Completions per second, posting bursts of 1000 and draining them with wait(0). */
async function burstThenWait(n: number): Promise<number> {
  const port = CompletionPort.create();
  const records = Array.from({ length: 1000 }, (_, i) => ({ operationId: i }));
  const t0 = performance.now();
  for (let done = 0; done < n; done += 1000) {
    for (const r of records) port.post(r);
    for (let i = 0; i < 1000; i++) await port.wait(0);
  }
  return n / ((performance.now() - t0) / 1000);
}

/** Completions per second delivered to a completions$ subscriber. */
function streamed(n: number): number {
  const port = CompletionPort.create();
  let seen = 0;
  const sub = port.completions$.subscribe(() => seen++);
  const o: OverlappedInput = {};
  const t0 = performance.now();
  for (let i = 0; i < n; i++) port.post(o);
  const rate = seen / ((performance.now() - t0) / 1000);
  sub.unsubscribe();
  return rate;
}

/**
 * ns per cancelOperation / isOperationPending on a real established session holding `pending`
 * pending receives (each with its own id).
 */
async function registryCost(backend: TlsBackend, ca: TestCa, pending: number, runs: number): Promise<{ cancel: Stat; isPending: Stat }> {
  const leaf = ca.issue();
  const port = CompletionPort.create();
  const clientEnv = await SecureEnvironment.open(backend, { ca: ca.cert, servername: 'localhost' });
  const serverEnv = await SecureEnvironment.open(backend, { role: 'server', cert: leaf.chain, key: leaf.key });
  const [a, b] = memoryPipe();
  const client = clientEnv.openSession(a, {}, { ownsSocket: true });
  const server = serverEnv.openSession(b, {}, { ownsSocket: true });
  server.startInit(port, {});
  client.startInit(port, {});
  for (let i = 0; i < 2; i++) {
    const c = await port.wait(5000);
    if (c?.returnValue !== GskStatus.GSK_OK) throw new Error(`bench handshake failed: ${String(c?.error)}`);
  }
  const buffer = new Uint8Array(1);
  for (let i = 0; i < pending; i++) server.startRecv(port, { buffer, operationId: i });
  const probes = 1000;
  const isPending = await repeat(`  isOperationPending @${pending}`, runs, () => {
    const t0 = performance.now();
    for (let i = 0; i < probes; i++) server.isOperationPending((i * 7919) % pending);
    return ((performance.now() - t0) * 1e6) / probes;
  });
  let next = 0;
  const cancel = await repeat(`  cancelOperation @${pending}`, runs, () => {
    const t0 = performance.now();
    for (let i = 0; i < 1000; i++) server.cancelOperation(next++);
    const ns = ((performance.now() - t0) * 1e6) / 1000;
    // Keep the pending count constant: replace what was cancelled.
    for (let i = next - 1000; i < next; i++) server.startRecv(port, { buffer, operationId: pending + i });
    while (port.queued > 0) void port.wait(0);
    return ns;
  });
  await Promise.all([client.close(), server.close()]);
  port.destroy();
  await Promise.all([clientEnv.close(), serverEnv.close()]);
  return { cancel, isPending };
}

/**
 * Metric 6: the completion port on its own (completions/s three ways) and the cost of
 * cancelOperation / isOperationPending on a session with 1k, 10k and 100k pending receives.
 */
export async function runPortBench(backend: TlsBackend, options: { completions: number; runs: number; warmup: boolean }): Promise<SingleMetric[]> {
  progress('Completion port');
  const n = options.completions;
  const runs = Math.max(options.runs, 5);
  const single: SingleMetric[] = [];
  const add = (id: string, title: string, unit: string, outcome: Stat): void => {
    single.push({ id, suite: 'port', title, unit, outcome });
  };
  add('port-post-wait', 'Completions/s, post + wait one at a time', 'completions/s', await repeat('  post+wait', runs, () => postThenWait(n)));
  add('port-burst-wait', 'Completions/s, bursts of 1000 then wait', 'completions/s', await repeat('  post burst+wait', runs, () => burstThenWait(n)));
  add('port-stream', 'Completions/s, completions$ subscriber', 'completions/s', await repeat('  completions$', runs, () => streamed(n)));
  const ca = TestCa.root();
  const cost: Record<number, { cancel: Stat; isPending: Stat }> = {};
  try {
    for (const pending of PENDING) {
      cost[pending] = await registryCost(backend, ca, pending, options.warmup ? Math.max(runs, 9) : runs);
      add(`port-cancel-${pending}`, `cancelOperation, ${pending} pending`, 'ns', cost[pending].cancel);
      add(`port-ispending-${pending}`, `isOperationPending, ${pending} pending`, 'ns', cost[pending].isPending);
    }
  } finally {
    ca.dispose();
  }
  const first = PENDING[0];
  const last = PENDING[PENDING.length - 1]!;
  add('port-cancel-growth', `cancelOperation cost growth, ${first} -> ${last} pending`, 'x', growth(cost[first]!.cancel, cost[last]!.cancel));
  add('port-ispending-growth', `isOperationPending cost growth, ${first} -> ${last} pending`, 'x', growth(cost[first]!.isPending, cost[last]!.isPending));
  return single;
}

const PENDING = [1_000, 10_000, 100_000] as const;

/** How many times dearer the operation got: median over median (1.0 = flat). */
function growth(small: Stat, large: Stat): Stat {
  return stat([large.median / small.median]);
}
