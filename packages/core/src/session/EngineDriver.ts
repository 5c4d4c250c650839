import { guardSink, type GuardedSink } from '../engine/guardSink.js';
import type { EngineSink, TlsEngine } from '../engine/spi.js';
import { Fifo } from '../port/Fifo.js';
import { TlsError } from '../tls/TlsError.js';
import type { LoopTurns } from './LoopTurns.js';

/** What the driver needs around each engine call. */
export interface DriverHooks {
  /** Before a call: corked, a synchronous engine's burst of records leaves as one write. */
  cork(): void;
  /** After a call: what it left buffered may be counted. */
  uncork(): void;
  /** The engine threw (a bug or an unexpected state): the session ends with this failure. */
  threw(error: TlsError): void;
}

/**
 * Drives one engine: one call at a time (a call made from inside an engine callback runs right
 * after the current one), and one guard that silences the engine's sink once it failed or is
 * being destroyed. While paced (the handshake), a call waits for a later event-loop turn when
 * this turn's share of main-thread engine work is spent (LoopTurns); later calls queue behind it.
 */
export class EngineDriver {
  private engine: TlsEngine | undefined;
  private busy = false;
  private turns: LoopTurns | undefined;
  /** A call waits in `calls` for a later turn. */
  private parked = false;
  private readonly unparked: (() => void)[] = [];
  private readonly calls = new Fifo<(engine: TlsEngine) => void>();
  private guard: GuardedSink | undefined;
  /** Received bytes waiting in `calls` for the engine (a chunk that arrived during a call). */
  private queuedInput = 0;
  private destroyed: Promise<void> | undefined;

  constructor(private readonly hooks: DriverHooks) {}

  /** Whether an engine is running (created and not destroyed). */
  get running(): boolean {
    return this.engine !== undefined;
  }

  /** The running engine, for synchronous queries that make no output (exportKeyingMaterial); never to drive it. */
  get current(): TlsEngine | undefined {
    return this.engine;
  }

  /** What the engine holds (input not yet processed, output not yet transmitted) and input queued for it. */
  get bufferedBytes(): number {
    return this.queuedInput + (this.engine?.bufferedBytes() ?? 0);
  }

  /** Creates the engine with `make`; its sink calls reach `sink` until the engine fails or is destroyed. Throws what `make` throws. */
  create(make: (sink: EngineSink) => TlsEngine, sink: EngineSink): void {
    this.guard = guardSink(sink);
    this.engine = make(this.guard.sink);
  }

  /** Share main-thread time with other sessions through `turns` (undefined: run every call at once). */
  pace(turns: LoopTurns | undefined): void {
    this.turns = turns;
  }

  /** Runs `call` on the engine now, or after the call in progress (or a later turn); dropped once the engine is gone. */
  call(call: (engine: TlsEngine) => void): void {
    if (this.engine === undefined) return;
    if (this.busy || this.parked) {
      this.calls.push(call);
      return;
    }
    if (this.turns !== undefined && !this.turns.mayRun()) {
      this.parked = true;
      this.calls.push(call);
      this.turns.defer(this.unpark);
      return;
    }
    this.runFrom(call);
  }

  /** Runs `first`, then what queued behind it. */
  private runFrom(first: (engine: TlsEngine) => void): void {
    for (let call: ((engine: TlsEngine) => void) | undefined = first; call !== undefined; call = this.calls.shift()) {
      const engine = this.engine;
      if (engine === undefined) return;
      this.busy = true;
      this.hooks.cork();
      try {
        call(engine);
      } catch (error) {
        this.hooks.threw(error instanceof TlsError ? error : new TlsError('internal', `engine threw: ${(error as Error).message}`, { cause: error }));
      } finally {
        this.busy = false;
        this.hooks.uncork();
      }
    }
  }

  private readonly unpark = (): void => {
    this.parked = false;
    const next = this.calls.shift();
    if (next !== undefined) this.runFrom(next);
    for (const resolve of this.unparked.splice(0)) resolve();
  };

  /** Ciphertext for the engine; counted while it waits behind the call in progress. */
  receive(chunk: Uint8Array): void {
    this.queuedInput += chunk.length;
    this.call((engine) => {
      this.queuedInput -= chunk.length;
      engine.receive(chunk);
    });
  }

  /**
   * The transport ended: resolves once an asynchronous engine has processed what it was given;
   * undefined when there is nothing to wait for (a synchronous engine, or none).
   */
  inputEnded(): Promise<void> | undefined {
    if (this.parked) return new Promise<void>((resolve) => this.unparked.push(resolve)).then(() => this.engine?.receiveEnd?.());
    return this.engine?.receiveEnd?.();
  }

  /** Silences the sink and destroys the engine; resolves when its resources are freed. Idempotent. */
  destroy(): Promise<void> {
    if (this.destroyed === undefined) {
      this.guard?.silence();
      const engine = this.engine;
      this.engine = undefined;
      this.calls.drain();
      this.queuedInput = 0;
      for (const resolve of this.unparked.splice(0)) resolve();
      this.destroyed = engine?.destroy() ?? Promise.resolve();
    }
    return this.destroyed;
  }
}
