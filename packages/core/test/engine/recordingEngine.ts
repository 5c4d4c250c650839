import type { EngineContext, EngineSink, TlsEngine } from '../../src/engine/spi.js';
import type { SessionConfig } from '../../src/engine/config.js';
import type { TlsError } from '../../src/tls/TlsError.js';

/**
 * An engine that records the calls it gets, for testing core's engine wrappers in isolation
 * (core's tests cannot load a backend: the backends depend on core). The wrappers run against
 * the real backends in the repo-level suites (test/config).
 */
export class RecordingEngine implements TlsEngine {
  readonly calls: string[] = [];
  destroyed = false;
  constructor(readonly config: SessionConfig, readonly sink: EngineSink) {}
  start(): void {
    this.calls.push('start');
  }
  receive(ciphertext: Uint8Array): void {
    this.calls.push(`receive ${Buffer.from(ciphertext).toString('hex')}`);
  }
  send(data: Uint8Array, written: (error?: TlsError) => void): void {
    this.calls.push(`send ${data.length}`);
    written();
  }
  keyUpdate(requestPeer: boolean): void {
    this.calls.push(`keyUpdate ${requestPeer}`);
  }
  exportKeyingMaterial(length: number, label: string, context: Uint8Array | undefined): Uint8Array {
    this.calls.push(`exportKeyingMaterial ${length} ${label} ${context === undefined ? '-' : Buffer.from(context).toString('hex')}`);
    return new Uint8Array(length).fill(length);
  }

  bufferedBytes(): number {
    return 0;
  }
  closeNotify(): void {
    this.calls.push('closeNotify');
  }
  async destroy(): Promise<void> {
    this.destroyed = true;
  }
}

export class RecordingContext implements EngineContext {
  readonly engines: RecordingEngine[] = [];
  disposed = false;
  createEngine(config: SessionConfig, sink: EngineSink): TlsEngine {
    const engine = new RecordingEngine(config, sink);
    this.engines.push(engine);
    return engine;
  }
  async dispose(): Promise<void> {
    this.disposed = true;
  }
}
