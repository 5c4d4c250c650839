import { CompletionPort, GskStatus, SecureEnvironment, gskStatusName, memoryPipe, type Overlapped, type OverlappedInput, type SecureSession, type TlsBackend } from '@tlsport/core';
import type { Issued, TestCa } from '@tlsport/testkit';
import { collect, sampleMemory, type MemorySample } from '../../fuzz/dist/memory.js';
import { linearFit } from './linearFit.js';

export interface SoakSample extends MemorySample {
  handshakes: number;
}

export interface SoakResult {
  backend: string;
  handshakes: number;
  bytes: number;
  seconds: number;
  failures: string[];
  samples: SoakSample[];
  /** Growth per 100k handshakes by linear fit over the samples after warm-up, each with its standard error. */
  growthPer100k: Record<'rssMb' | 'heapMb' | 'ssl' | 'ctx', { value: number; error: number }>;
}

const PAYLOAD = 16 << 10;
const NO_FIT = { value: 0, error: Infinity };

/**
 * Handshakes and transfers back to back on one completion port for `ms`, `backend` on both sides
 * over memory pipes, `concurrency` connections at a time; samples memory (after a full GC when
 * --expose-gc) and the openssl native counts about 60 times over the run.
 */
export async function soak(backend: TlsBackend, pki: { ca: TestCa; leaf: Issued }, ms: number, options: { concurrency?: number; sampleEveryMs?: number; warmupFraction?: number } = {}): Promise<SoakResult> {
  const port = CompletionPort.create();
  const clientEnv = await SecureEnvironment.open(backend, { ca: pki.ca.cert, servername: 'localhost' });
  const serverEnv = await SecureEnvironment.open(backend, { role: 'server', cert: pki.leaf.chain, key: pki.leaf.key });
  const result: SoakResult = { backend: backend.name, handshakes: 0, bytes: 0, seconds: 0, failures: [], samples: [], growthPer100k: { rssMb: NO_FIT, heapMb: NO_FIT, ssl: NO_FIT, ctx: NO_FIT } };
  const sampleEveryMs = options.sampleEveryMs ?? Math.max(250, ms / 60);
  // Completions go back to whoever started the operation (one port, many connections).
  const waiting = new Map<object, (c: Overlapped) => void>();
  const pump = (async () => {
    for (;;) {
      const c = await port.wait().catch(() => null);
      if (c === null) return;
      waiting.get(c)?.(c);
    }
  })();
  const completion = (o: OverlappedInput, status: GskStatus, asyncStatus: GskStatus): Promise<Overlapped> =>
    status === asyncStatus ? new Promise((resolve) => waiting.set(o, (c) => (waiting.delete(o), resolve(c)))) : Promise.resolve(o as Overlapped);
  const payload = new Uint8Array(PAYLOAD).fill(0x5a);

  const once = async (): Promise<void> => {
    const [a, b] = memoryPipe();
    const client = clientEnv.openSession(a, {}, { ownsSocket: true });
    const server = serverEnv.openSession(b, {}, { ownsSocket: true });
    try {
      const si = {};
      const ci = {};
      const inits = [completion(si, server.startInit(port, si), GskStatus.GSK_TLSPORT_ASYNCHRONOUS_SOC_INIT), completion(ci, client.startInit(port, ci), GskStatus.GSK_TLSPORT_ASYNCHRONOUS_SOC_INIT)];
      for (const c of await Promise.all(inits)) if (c.returnValue !== GskStatus.GSK_OK) throw new Error(`handshake: ${gskStatusName(c.returnValue)} ${c.error?.message}`);
      await transfer(client, server);
      await transfer(server, client);
      await Promise.all([client.shutdown(), server.shutdown()]);
      result.bytes += 2 * PAYLOAD;
    } finally {
      await Promise.all([client.close(), server.close()]);
    }
  };
  const transfer = async (from: SecureSession, to: SecureSession): Promise<void> => {
    const send = { buffer: payload };
    const recv = { buffer: new Uint8Array(PAYLOAD), fillBuffer: true };
    const [s, r] = await Promise.all([
      completion(send, from.startSend(port, send), GskStatus.GSK_IBMI_ASYNCHRONOUS_SEND),
      completion(recv, to.startRecv(port, recv), GskStatus.GSK_IBMI_ASYNCHRONOUS_RECV),
    ]);
    if (s.returnValue !== GskStatus.GSK_OK || r.returnValue !== GskStatus.GSK_OK || r.secureDataTransferSize !== PAYLOAD) {
      throw new Error(`transfer: send ${gskStatusName(s.returnValue)}, receive ${gskStatusName(r.returnValue)} ${r.secureDataTransferSize} bytes`);
    }
  };

  const began = performance.now();
  const sample = (): void => {
    collect();
    result.samples.push({ handshakes: result.handshakes, ...sampleMemory() });
  };
  sample();
  let nextSample = began + sampleEveryMs;
  const worker = async (): Promise<void> => {
    while (performance.now() - began < ms) {
      try {
        await once();
      } catch (error) {
        if (result.failures.length < 20) result.failures.push((error as Error).message);
      }
      result.handshakes++;
      if (performance.now() >= nextSample) {
        nextSample += sampleEveryMs;
        sample();
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 8 }, worker));
  result.seconds = (performance.now() - began) / 1000;
  port.destroy();
  await pump;
  await Promise.all([clientEnv.close(), serverEnv.close()]);
  sample();

  const warm = result.samples.slice(Math.floor(result.samples.length * (options.warmupFraction ?? 0.25)), -1);
  const per100k = (pick: (s: SoakSample) => number) => {
    const fit = linearFit(warm.map((s) => ({ x: s.handshakes, y: pick(s) })));
    return { value: fit.slope * 100_000, error: fit.slopeError * 100_000 };
  };
  result.growthPer100k = { rssMb: per100k((s) => s.rssMb), heapMb: per100k((s) => s.heapMb), ssl: per100k((s) => s.ssl), ctx: per100k((s) => s.ctx) };
  return result;
}
