import { CompletionPort, GskStatus, SecureEnvironment, memoryPipe, type OverlappedInput, type TlsBackend } from '@tlsport/core';
import { TestCa } from '@tlsport/testkit';
import { format, repeat, table, type Stat } from './measure.js';

export interface PortResults {
  postWait: Stat;
  postBatchWait: Stat;
  stream: Stat;
  cancel: Record<string, Stat>;
  isPending: Record<string, Stat>;
}

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
async function registryCost(backend: TlsBackend, ca: TestCa, pending: number): Promise<{ cancel: Stat; isPending: Stat }> {
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
  const isPending = await repeat(`isOperationPending @${pending}`, 9, () => {
    const t0 = performance.now();
    for (let i = 0; i < probes; i++) server.isOperationPending((i * 7919) % pending);
    return ((performance.now() - t0) * 1e6) / probes;
  });
  let next = 0;
  const cancel = await repeat(`cancelOperation @${pending}`, 9, () => {
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

export async function runPortBench(backend: TlsBackend, options: { quick: boolean }): Promise<PortResults> {
  const n = options.quick ? 200_000 : 2_000_000;
  const runs = options.quick ? 3 : 5;
  const postWait = await repeat('post+wait', runs, () => postThenWait(n));
  const postBatchWait = await repeat('post burst+wait', runs, () => burstThenWait(n));
  const stream = await repeat('completions$', runs, () => streamed(n));
  const ca = TestCa.root();
  const cancel: Record<string, Stat> = {};
  const isPending: Record<string, Stat> = {};
  try {
    for (const pending of [1_000, 10_000, 100_000]) {
      const r = await registryCost(backend, ca, pending);
      cancel[pending] = r.cancel;
      isPending[pending] = r.isPending;
    }
  } finally {
    ca.dispose();
  }
  console.log('\nCompletion port');
  table(
    ['metric', 'median', 'min', 'max'],
    [
      ['completions/s, post+wait one at a time', format(postWait.median), format(postWait.min), format(postWait.max)],
      ['completions/s, bursts of 1000 then wait', format(postBatchWait.median), format(postBatchWait.min), format(postBatchWait.max)],
      ['completions/s, completions$ subscriber', format(stream.median), format(stream.min), format(stream.max)],
      ...Object.keys(cancel).flatMap((k) => [
        [`cancelOperation ns, ${k} pending`, format(cancel[k]!.median), format(cancel[k]!.min), format(cancel[k]!.max)],
        [`isOperationPending ns, ${k} pending`, format(isPending[k]!.median), format(isPending[k]!.min), format(isPending[k]!.max)],
      ]),
    ],
  );
  return { postWait, postBatchWait, stream, cancel, isPending };
}
