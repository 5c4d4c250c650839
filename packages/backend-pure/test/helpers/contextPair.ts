import { resolveTlsConfig, type EngineContext, type SecureAttributes, type TlsBackend } from '@tlsport/core';
import { EngineSide } from '@tlsport/testkit';

/**
 * Like testkit's EnginePair, but over contexts the test keeps: session resumption needs a second
 * connection on the same server context (its ticket key lives there), which EnginePair cannot do.
 */
export class ContextPair {
  readonly client = new EngineSide();
  readonly server = new EngineSide();

  constructor(clientCtx: EngineContext, clientAttrs: SecureAttributes, serverCtx: EngineContext, serverAttrs: SecureAttributes) {
    const wire = (self: EngineSide, peer: EngineSide) => ({
      transmit: (bytes: Uint8Array) => {
        const copy = Uint8Array.from(bytes);
        self.wire.push(copy);
        setImmediate(() => {
          if (peer.error === undefined) peer.engine.receive(copy);
        });
      },
      plaintext: (data: Uint8Array) => self.received.push(Uint8Array.from(data)),
      handshakeComplete: (result: EngineSide['handshake']) => {
        self.handshake = result;
      },
      peerClosed: () => {
        self.peerClosed = true;
      },
      failed: (error: NonNullable<EngineSide['error']>) => {
        self.error = error;
      },
      keylog: (line: string) => self.keylog.push(line),
      session: (state: Uint8Array) => self.sessions.push(state),
    });
    this.client.engine = clientCtx.createEngine(resolveTlsConfig({ ...clientAttrs, role: 'client' }), wire(this.client, this.server));
    this.server.engine = serverCtx.createEngine(resolveTlsConfig({ ...serverAttrs, role: 'server' }), wire(this.server, this.client));
  }

  static async contexts(backend: TlsBackend, clientAttrs: SecureAttributes, serverAttrs: SecureAttributes): Promise<[EngineContext, EngineContext]> {
    return [
      await backend.createContext(resolveTlsConfig({ ...clientAttrs, role: 'client' })),
      await backend.createContext(resolveTlsConfig({ ...serverAttrs, role: 'server' })),
    ];
  }

  async handshake(timeoutMs = 5000): Promise<void> {
    this.server.engine.start();
    this.client.engine.start();
    const deadline = Date.now() + timeoutMs;
    while ((this.client.handshake === undefined || this.server.handshake === undefined) && this.client.error === undefined && this.server.error === undefined) {
      if (Date.now() > deadline) throw new Error('ContextPair: timed out');
      await new Promise((r) => setImmediate(r));
    }
  }

  async until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error('ContextPair: timed out waiting');
      await new Promise((r) => setImmediate(r));
    }
  }
}
