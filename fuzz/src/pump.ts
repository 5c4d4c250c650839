import { gskStatusName, type TlsEngine } from '@tlsport/core';
import type { FuzzInput, Outcome, Producer } from './input.js';
import { ObservedSink, peerSink } from './observer.js';
import { RecordSplitter } from './records.js';
import type { Contexts } from './targets.js';

/** Bytes the peer sends once both handshakes are done, so the post-handshake state is fuzzed too. */
const APPLICATION_DATA = new TextEncoder().encode('tlsport fuzz application data');

/** Exchanges without quiet that count as a livelock: a real handshake plus the post-handshake record needs about 20. */
const MAX_ROUNDS = 10_000;

export interface PumpOptions {
  /**
   * Per-input bound on this process's CPU time (all threads, the libuv pool included), ms. CPU
   * time, not wall time: an engine that burns this much on one input is a finding at any load,
   * while a slow, shared machine only stretches the wall clock.
   */
  cpuBoundMs: number;
  /** Corpus mode: the recorded records the target would receive, in order. */
  recorded?: readonly Uint8Array[];
}

/**
 * Runs one input against the target engine: genuine records up to `input.state`, then the injected
 * bytes, then (optionally) the rest; waits until nothing moves, destroys the engines and reports
 * what the target did and every contract violation.
 */
export async function runInput(contexts: Contexts, input: FuzzInput, produce: Producer, options: PumpOptions): Promise<Outcome> {
  const began = performance.now();
  const cpuAtStart = process.cpuUsage();
  const toTarget: Uint8Array[] = [];
  const toPeer: Uint8Array[] = [];
  let index = 0;
  let injected: Uint8Array | undefined;
  let afterHandshake = false;

  const fromPeer = (record: Uint8Array): void => {
    const i = index++;
    if (injected === undefined && (i === input.state || afterHandshake)) {
      injected = produce(record);
      toTarget.push(injected);
    } else if (injected === undefined || input.continueGenuine) {
      toTarget.push(record);
    }
  };
  const splitter = new RecordSplitter();
  const sink = new ObservedSink((bytes) => toPeer.push(bytes));
  const target = await contexts.get(input.target, input.role, input.variant);
  const engine = guarded(sink, () => target.context.createEngine(target.config, sink));

  let peer: TlsEngine | undefined;
  let peerDone = false;
  if (options.recorded === undefined) {
    const peerRole = input.role === 'client' ? 'server' : 'client';
    const p = await contexts.get(input.source, peerRole, input.variant);
    peer = p.context.createEngine(p.config, peerSink((bytes) => splitter.push(bytes).forEach(fromPeer), () => (peerDone = true)));
  } else {
    options.recorded.forEach(fromPeer);
    if (injected === undefined && options.recorded.length > 0) {
      // The transcript is shorter than `state`: replace its last record.
      toTarget.pop();
      injected = produce(options.recorded[options.recorded.length - 1]!);
      toTarget.push(injected);
    }
  }

  if (engine !== undefined) {
    if (input.role === 'server') call(sink, 'start', () => engine.start());
    peer?.start();
    if (input.role === 'client') call(sink, 'start', () => engine.start());
  }

  let idle = 0;
  let rounds = 0;
  let bound: string | undefined;
  while (engine !== undefined && idle < 2) {
    if (++rounds > MAX_ROUNDS) {
      bound = `no quiet within ${MAX_ROUNDS} exchanges`;
      break;
    }
    if (cpuMs(process.cpuUsage(cpuAtStart)) > options.cpuBoundMs) {
      bound = `no quiet within the ${options.cpuBoundMs} ms CPU bound`;
      break;
    }
    if (toTarget.length > 0 || toPeer.length > 0) {
      idle = 0;
      for (const bytes of toTarget.splice(0)) if (sink.failure === undefined) call(sink, 'receive', () => engine.receive(bytes));
      for (const bytes of toPeer.splice(0)) peer?.receive(bytes);
      continue;
    }
    // Both sides settled the handshake and nothing was injected yet: fuzz the first record after it.
    if (injected === undefined && peer !== undefined && peerDone && sink.handshake !== undefined && !afterHandshake) {
      afterHandshake = true;
      peer.send(APPLICATION_DATA, () => undefined);
      continue;
    }
    await Promise.all([engine.receiveEnd?.(), peer?.receiveEnd?.()]);
    await new Promise((resolve) => setImmediate(resolve));
    if (toTarget.length === 0 && toPeer.length === 0) idle++;
  }
  const elapsedMs = performance.now() - began;
  sink.ended = true;
  await Promise.all([engine?.destroy(), peer?.destroy()]);

  const problems = [...sink.problems];
  if (bound !== undefined) problems.push(bound);
  return {
    ended: sink.failure !== undefined ? 'failed' : sink.handshake !== undefined ? 'complete' : 'waiting',
    status: sink.failure === undefined ? undefined : gskStatusName(sink.failure.status),
    detail: sink.failure?.detail,
    problems,
    injected,
    elapsedMs,
  };
}

function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

/** Calls an engine method; an exception escaping it is a contract violation (engines report through the sink). */
function call(sink: ObservedSink, method: string, body: () => void): void {
  try {
    body();
  } catch (error) {
    sink.problems.push(`engine.${method} threw: ${(error as Error)?.stack ?? String(error)}`);
  }
}

function guarded<T>(sink: ObservedSink, body: () => T): T | undefined {
  try {
    return body();
  } catch (error) {
    sink.problems.push(`createEngine threw: ${(error as Error)?.message ?? String(error)}`);
    return undefined;
  }
}
