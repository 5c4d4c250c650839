import { Duplex } from 'node:stream';
import { TLSSocket, connect, type PeerCertificate, type SecureContext } from 'node:tls';
import { TlsError, type EngineSink, type SessionConfig, type TlsEngine } from '@tlsport/core/spi';
import { tlsErrorFromNode } from './faultTable.js';
import { clientGroup, handshakeResult } from './handshakeResult.js';
import { clientVerifyError, releaseServerSocket } from './nodeInternals.js';
import { ServerGroupObserver } from './ServerGroupObserver.js';
import { checkServerIdentityFromSan } from './serverIdentity.js';
import type { SecureContextSet } from './SecureContextSet.js';

/**
 * One connection on Node's tls: a TLSSocket wrapped around an in-memory duplex. `receive` pushes
 * ciphertext into the duplex's readable side; what the TLSSocket writes to the duplex goes to
 * `transmit`. The engine never touches a real socket.
 */
export class NodeTlsEngine implements TlsEngine {
  private readonly wire: Duplex;
  private socket: TLSSocket | undefined;
  private readonly groupObserver: ServerGroupObserver | undefined;
  private readonly role: 'client' | 'server';
  /** False once the connection failed or the engine is destroyed: input and sends are refused. */
  private live = true;
  private destroyed = false;
  private established = false;
  private closeNotifySent = false;
  /** Server: whether the context in use has a certificate (the default one, or one chosen by SNI). */
  private hasCertificate: boolean;
  private requestedName: string | undefined;

  constructor(
    private readonly contexts: SecureContextSet,
    private readonly config: SessionConfig,
    private readonly sink: EngineSink,
  ) {
    this.role = contexts.config.role;
    this.wire = new Duplex({
      read: () => {},
      write: (chunk: Buffer, _encoding, done) => {
        this.transmit(chunk);
        done();
      },
      final: (done) => done(),
    });
    this.groupObserver = this.role === 'server' ? new ServerGroupObserver() : undefined;
    this.hasCertificate = contexts.config.certificate !== undefined;
  }

  exportKeyingMaterial(length: number, label: string, context: Uint8Array | undefined): Uint8Array {
    if (this.socket === undefined || !this.established) throw new TlsError('internal', 'keying material needs a completed handshake', { alert: undefined });
    // Node's context is optional (its typings say otherwise): absent means "no context" (RFC 5705 §4).
    const socket = this.socket as { exportKeyingMaterial(length: number, label: string, context?: Buffer): Buffer };
    return context === undefined ? socket.exportKeyingMaterial(length, label) : socket.exportKeyingMaterial(length, label, Buffer.from(context));
  }

  start(): void {
    if (this.destroyed) return;
    const socket = this.role === 'client' ? this.connectClient() : this.acceptServer();
    this.socket = socket;
    socket.on('data', (data: Buffer) => this.sink.plaintext(data));
    socket.on('end', () => this.sink.peerClosed());
    socket.on('error', (error: unknown) => this.fail(this.explain(tlsErrorFromNode(error))));
    socket.on('close', () => {
      if (this.live && !(this.closeNotifySent && this.established)) {
        this.fail(new TlsError('internal', 'Node closed the TLS socket without reporting an error', { alert: undefined }));
      }
    });
    if (this.config.keylog) {
      socket.on('keylog', (line: Buffer) => this.sink.keylog(line.toString('latin1').trimEnd()));
    }
  }

  private connectClient(): TLSSocket {
    const expectedName = this.config.verifyName;
    const socket = connect({
      socket: this.wire,
      secureContext: this.contexts.main,
      ...(this.config.sni === undefined ? {} : { servername: this.config.sni }),
      ...(this.config.alpnProtocols.length === 0 ? {} : { ALPNProtocols: [...this.config.alpnProtocols] }),
      ...(this.config.session === undefined ? {} : { session: Buffer.from(this.config.session) }),
      rejectUnauthorized: this.config.rejectUnauthorized,
      // Match the configured name (DNS name or IP literal) against the SAN; with no name there is nothing to match.
      checkServerIdentity: (_host: string, cert: PeerCertificate) => (expectedName === undefined ? undefined : checkServerIdentityFromSan(expectedName, cert)),
    });
    socket.on('secureConnect', () => this.complete(socket.authorized === true));
    socket.on('session', (state: Buffer) => this.sink.session(state));
    return socket;
  }

  private acceptServer(): TLSSocket {
    const contexts = this.contexts;
    const socket = new TLSSocket(this.wire, {
      isServer: true,
      secureContext: contexts.main,
      requestCert: this.config.requestCert,
      rejectUnauthorized: this.config.requestCert && this.config.rejectUnauthorized,
      ...(this.config.alpnProtocols.length === 0 ? {} : { ALPNProtocols: [...this.config.alpnProtocols] }),
      ...(contexts.hasSniCertificates
        ? {
            SNICallback: (name: string, answer: (err: Error | null, ctx?: SecureContext) => void) => {
              // No certificate for the name: stay on the default context, so OpenSSL itself fails
              // the handshake and sends the alert; `explain` then names the real cause.
              const chosen = contexts.forServername(name);
              this.requestedName = name;
              this.hasCertificate = chosen !== undefined;
              answer(null, chosen);
            },
          }
        : {}),
    });
    socket.on('secure', () => this.serverSecure(socket));
    return socket;
  }

  /** Node verifies a client certificate only after its handshake; decide as tls.Server would. */
  private serverSecure(socket: TLSSocket): void {
    releaseServerSocket(socket);
    if (!this.config.requestCert) {
      this.complete(false);
      return;
    }
    const verifyError = clientVerifyError(socket);
    if (verifyError !== null && this.config.rejectUnauthorized) {
      this.fail(tlsErrorFromNode(verifyError));
      return;
    }
    this.complete(verifyError === null && socket.getPeerX509Certificate() !== undefined);
  }

  /** A server without a certificate for the client fails as "no shared cipher" in OpenSSL. */
  private explain(error: TlsError): TlsError {
    if (this.role !== 'server' || this.hasCertificate || error.fault !== 'no-shared-cipher') return error;
    const name = this.requestedName === undefined ? 'a client that sent no server name' : `server name "${this.requestedName}"`;
    return new TlsError('no-certificate', `no certificate for ${name}`, { alert: error.alert, cause: error });
  }

  private complete(peerVerified: boolean): void {
    const socket = this.socket;
    if (!this.live || socket === undefined) return;
    this.established = true;
    const server = this.role === 'server';
    this.sink.handshakeComplete(
      handshakeResult(socket, {
        group: server ? this.groupObserver!.group : clientGroup(socket),
        servername: server ? (typeof socket.servername === 'string' ? socket.servername : undefined) : this.config.sni,
        peerVerified,
      }),
    );
  }

  private transmit(chunk: Buffer): void {
    this.groupObserver?.observe(chunk);
    this.sink.transmit(chunk);
  }

  private fail(error: TlsError): void {
    if (!this.live) return;
    this.live = false;
    this.sink.failed(error);
    this.socket?.destroy();
  }

  receive(ciphertext: Uint8Array): void {
    if (!this.live) return;
    // Copied: the caller may reuse its buffer once this returns, and the duplex reads later.
    this.wire.push(Buffer.from(ciphertext));
  }

  /**
   * Node handles input asynchronously (the duplex delivers on later ticks, errors arrive on the
   * next tick): resolves once the duplex has handed over every byte and Node has reported what
   * they caused. The duplex itself is not ended: to Node, an end of input reads as close_notify.
   */
  async receiveEnd(): Promise<void> {
    do await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.live && this.wire.readableLength > 0);
  }

  send(data: Uint8Array, written: (error?: TlsError) => void): void {
    const refused = this.sendRefusal();
    if (refused !== undefined) {
      written(refused);
      return;
    }
    this.socket!.write(data, (error?: Error | null) => {
      if (!this.destroyed) written(error ? tlsErrorFromNode(error) : undefined);
    });
  }

  private sendRefusal(): TlsError | undefined {
    if (!this.live) return new TlsError('peer-closed', 'the connection is closed', { alert: undefined });
    if (!this.established) return new TlsError('internal', 'send() before the handshake completed', { alert: undefined });
    if (this.closeNotifySent) return new TlsError('peer-closed', 'close_notify already sent', { alert: undefined });
    return undefined;
  }

  /**
   * Node has no KeyUpdate API: TLSSocket and its native TLSWrap handle expose no SSL_key_update,
   * and renegotiate() is refused on TLS 1.3. So this engine cannot update keys on request.
   */
  keyUpdate(_requestPeer: boolean): void {
    throw new TlsError('unsupported', "KeyUpdate is not available on the node-tls backend: Node's tls module exposes no KeyUpdate API (use the openssl or pure backend)", { alert: undefined });
  }

  /**
   * Ciphertext not yet taken by Node's TLS layer. Plaintext queued in the TLSSocket is not
   * counted: it is the caller's own send buffer, referenced and not copied, until `written`.
   */
  bufferedBytes(): number {
    return this.wire.readableLength;
  }

  closeNotify(): void {
    if (this.closeNotifySent || !this.live || this.socket === undefined) return;
    this.closeNotifySent = true;
    this.socket.end();
  }

  async destroy(): Promise<void> {
    this.live = false;
    if (this.destroyed) return;
    this.destroyed = true;
    const socket = this.socket;
    if (socket !== undefined && !socket.closed) {
      await new Promise<void>((resolve) => {
        socket.once('close', () => resolve());
        socket.destroy();
      });
    }
    this.wire.destroy();
    // Node frees the native SSL on the turn after 'close' (lib/_tls_wrap.js onSocketCloseDestroySSL).
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
