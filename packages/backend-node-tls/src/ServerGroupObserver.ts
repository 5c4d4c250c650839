import { groupByCode, type GroupName } from '@tlsport/core/spi';

const RECORD_HEADER = 5;
const CONTENT_CHANGE_CIPHER_SPEC = 20;
const CONTENT_HANDSHAKE = 22;
const HANDSHAKE_SERVER_HELLO = 2;
const HANDSHAKE_SERVER_KEY_EXCHANGE = 12;
const EXTENSION_KEY_SHARE = 0x0033;
/** ECParameters.curve_type named_curve (RFC 8422 §5.4). */
const NAMED_CURVE = 3;
/** ServerHello.random of a HelloRetryRequest: SHA-256("HelloRetryRequest") (RFC 8446 §4.1.3). */
const HRR_RANDOM = Buffer.from('cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c', 'hex');

/**
 * Learns the key-exchange group a server engine chose by reading its own plaintext handshake
 * flight, because Node offers no server-side getter (getEphemeralKeyInfo is client-only).
 * TLS 1.3: the ServerHello key_share (RFC 8446 §4.2.8); TLS 1.2: the ServerKeyExchange named
 * curve (RFC 8422 §5.4). It reads only records sent before encryption starts.
 */
export class ServerGroupObserver {
  private pending: Buffer = Buffer.alloc(0);
  private handshake: Buffer = Buffer.alloc(0);
  private afterRetryRequest = false;
  private done = false;
  /** The chosen group; undefined until seen, and for a 1.2 resumption, which has no key exchange. */
  group: GroupName | undefined;

  /** Feeds bytes the server transmitted, in order. */
  observe(bytes: Uint8Array): void {
    if (this.done) return;
    this.pending = Buffer.concat([this.pending, bytes]);
    while (!this.done && this.pending.length >= RECORD_HEADER) {
      const length = this.pending.readUInt16BE(3);
      if (this.pending.length < RECORD_HEADER + length) return;
      const type = this.pending[0];
      const fragment = this.pending.subarray(RECORD_HEADER, RECORD_HEADER + length);
      this.pending = this.pending.subarray(RECORD_HEADER + length);
      if (type === CONTENT_HANDSHAKE) this.readHandshake(fragment);
      // TLS 1.3 middlebox compatibility sends a CCS after a HelloRetryRequest, then a plaintext
      // ServerHello; in every other case what follows a CCS (or any other record) is encrypted.
      else if (type !== CONTENT_CHANGE_CIPHER_SPEC || !this.afterRetryRequest) this.finish();
    }
  }

  private finish(): void {
    this.done = true;
    this.pending = Buffer.alloc(0);
    this.handshake = Buffer.alloc(0);
  }

  private readHandshake(fragment: Buffer): void {
    this.handshake = Buffer.concat([this.handshake, fragment]);
    while (!this.done && this.handshake.length >= 4) {
      const length = this.handshake.readUIntBE(1, 3);
      if (this.handshake.length < 4 + length) return;
      const type = this.handshake[0];
      const body = this.handshake.subarray(4, 4 + length);
      this.handshake = this.handshake.subarray(4 + length);
      if (type === HANDSHAKE_SERVER_HELLO) this.readServerHello(body);
      else if (type === HANDSHAKE_SERVER_KEY_EXCHANGE) this.readServerKeyExchange(body);
    }
  }

  private readServerHello(body: Buffer): void {
    const retry = body.subarray(2, 34).equals(HRR_RANDOM);
    let at = 34;
    at += 1 + body[at]!; // legacy_session_id_echo
    at += 2 + 1; // cipher_suite, legacy_compression_method
    if (at + 2 > body.length) return; // no extensions: TLS 1.2, the group comes in ServerKeyExchange
    const end = Math.min(body.length, at + 2 + body.readUInt16BE(at));
    at += 2;
    while (at + 4 <= end) {
      const type = body.readUInt16BE(at);
      const size = body.readUInt16BE(at + 2);
      if (type === EXTENSION_KEY_SHARE && size >= 2) {
        // ServerHello: KeyShareEntry.group; HelloRetryRequest: selected_group. Both lead.
        this.group = groupByCode(body.readUInt16BE(at + 4))?.name;
        if (retry) this.afterRetryRequest = true;
        else this.finish();
        return;
      }
      at += 4 + size;
    }
  }

  private readServerKeyExchange(body: Buffer): void {
    if (body.length >= 3 && body[0] === NAMED_CURVE) this.group = groupByCode(body.readUInt16BE(1))?.name;
    this.finish();
  }
}
