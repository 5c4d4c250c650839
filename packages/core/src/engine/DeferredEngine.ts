import { TlsError } from '../tls/TlsError.js';
import type { SessionConfig } from './config.js';
import type { EngineContext, EngineSink, TlsEngine } from './spi.js';

/**
 * An engine whose context is still being built (a session that overrides context-level
 * attributes gets a context of its own, and backends build contexts asynchronously). Calls made
 * before the context exists are replayed on the real engine, in order; a context that cannot be
 * built fails the engine through its sink. `release` runs once the engine is destroyed.
 */
export class DeferredEngine implements TlsEngine {
  private inner: TlsEngine | undefined;
  private readonly pending: ((engine: TlsEngine) => void)[] = [];
  private ended = false;
  /** Received bytes copied into `pending` while the context is being built. */
  private heldBytes = 0;
  private readonly ready: Promise<void>;
  private destroyed: Promise<void> | undefined;

  constructor(context: Promise<EngineContext>, config: SessionConfig, private readonly sink: EngineSink, private readonly release: () => void) {
    this.ready = context
      .then((built) => {
        if (this.ended) return;
        this.inner = built.createEngine(config, sink);
        this.heldBytes = 0;
        for (const call of this.pending.splice(0)) call(this.inner);
      })
      .catch((error: unknown) => this.fail(error));
  }

  private fail(error: unknown): void {
    if (this.ended) return;
    this.ended = true;
    this.pending.length = 0;
    this.heldBytes = 0;
    this.sink.failed(error instanceof TlsError ? error : new TlsError('internal', `engine context: ${(error as Error).message}`, { alert: undefined, cause: error }));
  }

  private call(run: (engine: TlsEngine) => void): void {
    if (this.inner !== undefined) run(this.inner);
    else if (!this.ended) this.pending.push(run);
  }

  start(): void {
    this.call((engine) => engine.start());
  }

  receive(ciphertext: Uint8Array): void {
    // Held until the context exists: a copy, since the caller may reuse its buffer.
    const bytes = this.inner === undefined ? Uint8Array.from(ciphertext) : ciphertext;
    if (this.inner === undefined && !this.ended) this.heldBytes += bytes.length;
    this.call((engine) => engine.receive(bytes));
  }

  async receiveEnd(): Promise<void> {
    await this.ready;
    await this.inner?.receiveEnd?.();
  }

  send(data: Uint8Array, written: (error?: TlsError) => void): void {
    if (this.inner === undefined) written(new TlsError('unsupported', 'send() before the handshake completed', { alert: undefined }));
    else this.inner.send(data, written);
  }

  keyUpdate(requestPeer: boolean): void {
    if (this.inner === undefined) throw new TlsError('unsupported', 'KeyUpdate before the handshake completed', { alert: undefined });
    this.inner.keyUpdate(requestPeer);
  }

  exportKeyingMaterial(length: number, label: string, context: Uint8Array | undefined): Uint8Array {
    if (this.inner === undefined) throw new TlsError('unsupported', 'keying material before the handshake completed', { alert: undefined });
    if (this.inner.exportKeyingMaterial === undefined) throw new TlsError('unsupported', 'this backend cannot export keying material', { alert: undefined });
    return this.inner.exportKeyingMaterial(length, label, context);
  }

  bufferedBytes(): number {
    return this.inner?.bufferedBytes() ?? this.heldBytes;
  }

  closeNotify(): void {
    this.call((engine) => engine.closeNotify());
  }

  destroy(): Promise<void> {
    this.destroyed ??= (async () => {
      this.ended = true;
      this.pending.length = 0;
      this.heldBytes = 0;
      await this.ready;
      await this.inner?.destroy();
      this.release();
    })();
    return this.destroyed;
  }
}
