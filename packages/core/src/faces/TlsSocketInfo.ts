import { X509Certificate } from 'node:crypto';
import type { AddressInfo, Socket } from 'node:net';
import { Duplex } from 'node:stream';
import type { CipherNameAndProtocol, DetailedPeerCertificate, EphemeralKeyInfo, PeerCertificate } from 'node:tls';
import type { Negotiated } from '../engine/negotiated.js';
import type { SecureSession } from '../session/SecureSession.js';
import { groupByName, suiteByName, type GroupName } from '../tls/suites.js';
import { ownCertificate, peerCertificate, unverifiedReason } from './peerCertificate.js';
import type { TlsSocketInit } from './TlsSocket.js';

/**
 * getEphemeralKeyInfo() as node:tls reports a classical group: the curve's OpenSSL short name
 * (not the TLS group name: P-256 is 'prime256v1') and its size in bits. Node on OpenSSL 3.5
 * reports a hybrid post-quantum group as a 'TLSGroup' under its OpenSSL group name, size undefined.
 */
const ECDH_INFO: Readonly<Partial<Record<GroupName, EphemeralKeyInfo>>> = {
  x25519: { type: 'ECDH', name: 'X25519', size: 253 },
  secp256r1: { type: 'ECDH', name: 'prime256v1', size: 256 },
  secp384r1: { type: 'ECDH', name: 'secp384r1', size: 384 },
};

function keyInfo(group: GroupName): EphemeralKeyInfo | { type: 'TLSGroup'; name: string; size: undefined } | undefined {
  const info = groupByName(group);
  if (info?.hybrid === true) return { type: 'TLSGroup', name: info.openssl, size: undefined };
  const ecdh = ECDH_INFO[group];
  return ecdh === undefined ? undefined : { ...ecdh };
}

/**
 * What a TlsSocket tells about its connection, in node:tls's names and shapes: the negotiated
 * parameters, certificates, and the transport's addresses and controls.
 */
export abstract class TlsSocketInfo extends Duplex {
  abstract readonly transport: Duplex;
  protected abstract get established(): Negotiated | undefined;
  protected abstract get sessionOf(): SecureSession | undefined;
  protected abstract get setup(): TlsSocketInit;
  /** Plaintext received and sent (net.Socket counts the bytes of its own stream the same way). */
  protected bytesReceived = 0;
  protected bytesSent = 0;

  /** The ALPN protocol chosen; false when none was; null before the handshake. */
  get alpnProtocol(): string | false | null {
    const n = this.established;
    return n === undefined ? null : (n.alpnProtocol ?? false);
  }

  /** Client: the name it sent; server: the name the client sent (false when none). */
  get servername(): string | false | null {
    const n = this.established;
    return n === undefined ? null : (n.servername ?? false);
  }

  get bytesRead(): number {
    return this.bytesReceived;
  }

  get bytesWritten(): number {
    return this.bytesSent;
  }

  getProtocol(): string | null {
    return this.established?.version ?? null;
  }

  getCipher(): CipherNameAndProtocol | undefined {
    const n = this.established;
    const suite = n === undefined ? undefined : suiteByName(n.cipherSuite);
    return suite === undefined ? undefined : { name: suite.openssl, standardName: suite.name, version: suite.version };
  }

  /** Node's shape; `{}` when the peer sent no certificate, null before the handshake. */
  getPeerCertificate(detailed: true): DetailedPeerCertificate;
  getPeerCertificate(detailed?: false): PeerCertificate;
  getPeerCertificate(detailed = false): PeerCertificate | DetailedPeerCertificate | null {
    const n = this.established;
    if (n === undefined) return null;
    return peerCertificate(n.peerCertificates, detailed, this.setup.anchors) as PeerCertificate;
  }

  getPeerX509Certificate(): X509Certificate | undefined {
    const leaf = this.established?.peerCertificates[0];
    return leaf === undefined ? undefined : new X509Certificate(leaf);
  }

  getCertificate(): PeerCertificate | object | null {
    return this.established === undefined ? null : ownCertificate(this.setup.certificate?.());
  }

  getX509Certificate(): X509Certificate | undefined {
    const pem = this.setup.certificate?.();
    return pem === undefined ? undefined : new X509Certificate(Buffer.from(pem));
  }

  /** Client: the resumption state to pass as `session` to a later connect(). */
  getSession(): Buffer | undefined {
    const state = this.sessionOf?.resumptionState;
    return state === undefined ? undefined : Buffer.from(state);
  }

  isSessionReused(): boolean {
    return this.established?.resumed ?? false;
  }

  /** Client: the key exchange group; `{}` on a server, as in node:tls; null before the handshake. */
  getEphemeralKeyInfo(): EphemeralKeyInfo | object | null {
    const n = this.established;
    if (n === undefined) return null;
    const info = this.setup.role === 'server' || n.group === undefined ? undefined : keyInfo(n.group);
    return info ?? {};
  }

  /** Keying material (RFC 5705; RFC 8446 §7.5), as node:tls's exportKeyingMaterial. */
  exportKeyingMaterial(length: number, label: string, context?: Uint8Array): Buffer {
    const session = this.sessionOf;
    if (session === undefined) throw Object.assign(new Error('TLS socket connection must be securely established'), { code: 'ERR_TLS_INVALID_STATE' });
    return Buffer.from(session.exportKeyingMaterial(length, label, context));
  }

  /** tlsport never renegotiates (TLS 1.2 renegotiation is refused on every backend). */
  disableRenegotiation(): void {}

  protected unverifiedReason(n: Negotiated): string {
    return unverifiedReason(n.peerCertificates, this.setup.hostname, this.setup.anchors);
  }

  // ---- the transport's addresses and controls --------------------------------------------------

  private get net(): Partial<Socket> {
    return this.transport as Partial<Socket>;
  }

  get remoteAddress(): string | undefined {
    return this.net.remoteAddress;
  }

  get remotePort(): number | undefined {
    return this.net.remotePort;
  }

  get remoteFamily(): string | undefined {
    return this.net.remoteFamily;
  }

  get localAddress(): string | undefined {
    return this.net.localAddress;
  }

  get localPort(): number | undefined {
    return this.net.localPort;
  }

  address(): AddressInfo | object {
    return this.net.address?.() ?? {};
  }

  get readyState(): string {
    if (this.net.connecting === true) return 'opening';
    if (this.readable && this.writable) return 'open';
    if (this.readable) return 'readOnly';
    return this.writable ? 'writeOnly' : 'closed';
  }

  setNoDelay(noDelay?: boolean): this {
    this.net.setNoDelay?.(noDelay);
    return this;
  }

  setKeepAlive(enable?: boolean, initialDelay?: number): this {
    this.net.setKeepAlive?.(enable, initialDelay);
    return this;
  }

  ref(): this {
    this.net.ref?.();
    return this;
  }

  unref(): this {
    this.net.unref?.();
    return this;
  }
}
