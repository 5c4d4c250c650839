/**
 * s_client -msg / -state: a trace of the TLS records on the wire, both ways, read from the record
 * headers (RFC 8446 §5.1, RFC 5246 §6.2.1) and, while handshake records are still in the clear,
 * from the handshake message headers inside them (RFC 8446 §4). What the engine encrypts shows
 * as encrypted records: the trace never needs the keys.
 */

export type Direction = '>>>' | '<<<';

/** One record as the trace reports it. */
export interface TracedRecord {
  readonly direction: Direction;
  readonly contentType: string;
  readonly length: number;
  /** Handshake messages in a cleartext handshake record, in order. */
  readonly messages: readonly string[];
  /** A record under the traffic keys: its content cannot be read. */
  readonly encrypted: boolean;
}

const CONTENT_TYPES: Readonly<Record<number, string>> = { 20: 'ChangeCipherSpec', 21: 'Alert', 22: 'Handshake', 23: 'ApplicationData' };
const HANDSHAKE_TYPES: Readonly<Record<number, string>> = {
  1: 'ClientHello', 2: 'ServerHello', 4: 'NewSessionTicket', 8: 'EncryptedExtensions', 11: 'Certificate',
  12: 'ServerKeyExchange', 13: 'CertificateRequest', 14: 'ServerHelloDone', 15: 'CertificateVerify',
  16: 'ClientKeyExchange', 20: 'Finished', 24: 'KeyUpdate',
};
const HANDSHAKE = 22;
const CHANGE_CIPHER_SPEC = 20;
const APPLICATION_DATA = 23;
const HEADER = 5;
/** RFC 8446 §5.2: a protected record is at most 2^14 + 256 bytes; anything longer is not TLS. */
const MAX_RECORD = (1 << 14) + 256;

/** What both directions of one connection learn: the version the ServerHello chose. */
export interface TraceState {
  tls13: boolean;
}

/** Follows one direction of the byte stream and reports each complete record. */
export class RecordTracer {
  private pending: Buffer = Buffer.alloc(0);
  /** Set after this direction's ChangeCipherSpec: in TLS 1.2 what follows is protected. */
  private afterChangeCipherSpec = false;
  private broken = false;

  constructor(
    private readonly direction: Direction,
    private readonly state: TraceState,
    private readonly report: (record: TracedRecord) => void,
  ) {}

  push(bytes: Uint8Array): void {
    if (this.broken) return;
    this.pending = Buffer.concat([this.pending, bytes]);
    while (this.pending.length >= HEADER) {
      const type = this.pending[0]!;
      const length = this.pending.readUInt16BE(3);
      if (length > MAX_RECORD) {
        // Not a TLS stream (or out of step): stop tracing rather than guess.
        this.broken = true;
        return;
      }
      if (this.pending.length < HEADER + length) return;
      this.record(type, this.pending.subarray(HEADER, HEADER + length));
      this.pending = this.pending.subarray(HEADER + length);
    }
  }

  private record(type: number, body: Buffer): void {
    // TLS 1.3 protects records as ApplicationData (RFC 8446 §5.2) and its ChangeCipherSpec is a
    // no-op for middleboxes (§D.4); in TLS 1.2 everything after ChangeCipherSpec is protected.
    const encrypted = type === APPLICATION_DATA || (this.afterChangeCipherSpec && !this.state.tls13);
    const messages = type === HANDSHAKE && !encrypted ? this.handshakeMessages(body) : [];
    this.report({ direction: this.direction, contentType: CONTENT_TYPES[type] ?? `type ${type}`, length: body.length, messages, encrypted });
    if (type === CHANGE_CIPHER_SPEC) this.afterChangeCipherSpec = true;
  }

  /** The names of the handshake messages that start in one record (a message may span records). */
  private handshakeMessages(body: Buffer): string[] {
    const names: string[] = [];
    for (let at = 0; at + 4 <= body.length; at += 4 + body.readUIntBE(at + 1, 3)) {
      const type = body[at]!;
      const message = body.subarray(at + 4, at + 4 + body.readUIntBE(at + 1, 3));
      if (type === SERVER_HELLO && choosesTls13(message)) this.state.tls13 = true;
      // RFC 8446 §4.1.3: a ServerHello whose random is this constant is a HelloRetryRequest.
      names.push(type === SERVER_HELLO && isHelloRetryRequest(message) ? 'HelloRetryRequest' : (HANDSHAKE_TYPES[type] ?? `handshake type ${type}`));
    }
    return names;
  }
}

const SERVER_HELLO = 2;
const SUPPORTED_VERSIONS = 43;

/** A ServerHello (or HelloRetryRequest) whose supported_versions says TLS 1.3 (RFC 8446 §4.2.1). */
function choosesTls13(hello: Buffer): boolean {
  // legacy_version, random, legacy_session_id_echo, cipher_suite, legacy_compression_method
  let at = 2 + 32;
  if (at >= hello.length) return false;
  at += 1 + hello[at]! + 2 + 1 + 2;
  while (at + 4 <= hello.length) {
    const type = hello.readUInt16BE(at);
    const length = hello.readUInt16BE(at + 2);
    if (type === SUPPORTED_VERSIONS && length === 2 && at + 6 <= hello.length) return hello.readUInt16BE(at + 4) === 0x0304;
    at += 4 + length;
  }
  return false;
}

const HRR_RANDOM = Buffer.from('cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c', 'hex');

function isHelloRetryRequest(serverHello: Buffer): boolean {
  return serverHello.length >= 34 && serverHello.subarray(2, 34).equals(HRR_RANDOM);
}

/** -msg: one line per record, in openssl's spirit (`>>> TLS record, Handshake [length 00c5], ClientHello`). */
export function msgLine(r: TracedRecord): string {
  const what = r.encrypted ? ' (encrypted)' : r.messages.length > 0 ? `, ${r.messages.join(', ')}` : '';
  return `${r.direction} TLS record, ${r.contentType} [length ${r.length.toString(16).padStart(4, '0')}]${what}`;
}

/**
 * -state: the handshake's progress as openssl's info callback names it (`SSL_connect:write
 * ClientHello`); while `handshaking`, encrypted records count as handshake flights (TLS 1.3).
 */
export function stateLines(r: TracedRecord, handshaking: boolean): string[] {
  const verb = r.direction === '>>>' ? 'write' : 'read';
  if (r.messages.length > 0) return r.messages.map((m) => `SSL_connect:${verb} ${m}`);
  if (r.contentType === 'ChangeCipherSpec') return [`SSL_connect:${verb} ChangeCipherSpec`];
  if (r.encrypted && handshaking) return [`SSL_connect:${verb} encrypted handshake record`];
  if (r.contentType === 'Alert' && !r.encrypted) return [`SSL_connect:${verb} alert`];
  return [];
}
