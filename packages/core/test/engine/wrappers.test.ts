import { expect } from 'chai';
import { resolveSessionConfig } from '../../src/attributes/resolveTlsConfig.js';
import { DeferredEngine } from '../../src/engine/DeferredEngine.js';
import type { EngineContext, EngineSink } from '../../src/engine/spi.js';
import { TlsPeerCheck } from '../../src/engine/TlsPeerCheck.js';
import { GskStatus } from '../../src/gsk/status.js';
import { TlsError } from '../../src/tls/TlsError.js';
import { RecordingContext } from './recordingEngine.js';

function failures(): { sink: EngineSink; errors: TlsError[] } {
  const errors: TlsError[] = [];
  const ignore = (): void => undefined;
  return { errors, sink: { transmit: ignore, plaintext: ignore, handshakeComplete: ignore, peerClosed: ignore, keylog: ignore, session: ignore, failed: (e) => errors.push(e) } };
}

describe('DeferredEngine: an engine whose context is still being built', () => {
  const config = resolveSessionConfig({});

  it('replays the calls made before the context existed, in order, with copies of the input', async () => {
    const context = new RecordingContext();
    let built!: (c: EngineContext) => void;
    let released = 0;
    const engine = new DeferredEngine(new Promise((resolve) => (built = resolve)), config, failures().sink, () => released++);
    const input = Uint8Array.of(1, 2);
    engine.start();
    engine.receive(input);
    input[0] = 9;  // the caller reuses its buffer
    engine.closeNotify();
    expect(engine.bufferedBytes()).to.equal(2); // the copy it holds counts against the session's bound
    built(context);
    await engine.receiveEnd();
    expect(engine.bufferedBytes()).to.equal(0); // from here on, what the real engine holds
    expect(context.engines[0]!.calls).to.deep.equal(['start', 'receive 0102', 'closeNotify']);
    engine.receive(Uint8Array.of(3));
    expect(context.engines[0]!.calls.at(-1)).to.equal('receive 03');
    await engine.destroy();
    expect([context.engines[0]!.destroyed, released]).to.deep.equal([true, 1]);
  });

  it('a context that cannot be built fails the engine through its sink, once', async () => {
    const { sink, errors } = failures();
    const engine = new DeferredEngine(Promise.reject(new TlsError('bad-certificate', 'unreadable anchors')), config, sink, () => undefined);
    engine.start();
    await engine.receiveEnd();
    expect(errors.map((e) => e.status)).to.deep.equal([GskStatus.GSK_ERROR_BAD_CERTIFICATE]);
    let refused: TlsError | undefined;
    engine.send(Uint8Array.of(1), (e) => (refused = e));
    expect(refused).to.be.instanceOf(TlsError);
  });

  it('destroyed before the context exists: no engine is made, and the lease is released', async () => {
    const context = new RecordingContext();
    let built!: (c: EngineContext) => void;
    let released = 0;
    const engine = new DeferredEngine(new Promise((resolve) => (built = resolve)), config, failures().sink, () => released++);
    engine.start();
    const destroyed = engine.destroy();
    built(context);
    await destroyed;
    expect([context.engines.length, released]).to.deep.equal([0, 1]);
  });
});

describe('engine wrappers forward exportKeyingMaterial', () => {
  const config = resolveSessionConfig({});

  it('DeferredEngine: refused before the context exists, forwarded once it does', async () => {
    const context = new RecordingContext();
    let built!: (c: EngineContext) => void;
    const engine = new DeferredEngine(new Promise((resolve) => (built = resolve)), config, failures().sink, () => undefined);
    expect(() => engine.exportKeyingMaterial(4, 'EXPORTER-x', undefined)).to.throw(TlsError, /before the handshake completed/);
    built(context);
    await engine.receiveEnd();
    expect(engine.exportKeyingMaterial(4, 'EXPORTER-x', Uint8Array.of(0xab))).to.deep.equal(Uint8Array.of(4, 4, 4, 4));
    expect(context.engines[0]!.calls).to.deep.equal(['exportKeyingMaterial 4 EXPORTER-x ab']);
  });

  it('TlsPeerCheck: forwarded to the inner engine', () => {
    const context = new RecordingContext();
    const engine = new TlsPeerCheck(context.createEngine(config, failures().sink), failures().sink);
    expect(engine.exportKeyingMaterial?.(2, 'EXPORTER-y', undefined)).to.deep.equal(Uint8Array.of(2, 2));
    expect(context.engines[0]!.calls).to.deep.equal(['exportKeyingMaterial 2 EXPORTER-y -']);
  });
});

describe('TlsPeerCheck: a client refuses a server that does not speak TLS', () => {
  const config = resolveSessionConfig({});

  it('"HTTP/1.1 400" as the first bytes: bad message naming them, nothing reaches the engine', () => {
    const context = new RecordingContext();
    const { sink, errors } = failures();
    const engine = new TlsPeerCheck(context.createEngine(config, sink), sink);
    engine.receive(Buffer.from('HTTP/1.1 400 Bad Request\r\n'));
    engine.receive(Buffer.from('more'));
    expect(context.engines[0]!.calls).to.deep.equal([]);
    expect(errors).to.have.length(1);
    expect(errors[0]!.status).to.equal(GskStatus.GSK_ERROR_BAD_MESSAGE);
    expect(errors[0]!.alert).to.equal(undefined);
    expect(errors[0]!.detail).to.include('it answered "HTTP/1.1 400 Bad Request"');
  });

  it('a TLS record (handshake, alert) passes, and later bytes are not checked', () => {
    for (const first of [22, 21]) {
      const context = new RecordingContext();
      const { sink, errors } = failures();
      const engine = new TlsPeerCheck(context.createEngine(config, sink), sink);
      engine.receive(Uint8Array.of(first, 3, 3));
      engine.receive(Uint8Array.of(0x48));
      expect(errors).to.deep.equal([]);
      expect(context.engines[0]!.calls).to.have.length(2);
    }
  });
});
