import { randomBytes } from 'node:crypto';
import { AlertDescription } from '@tlsport/core';
import { opensslHasHybridGroups } from '@tlsport/core/openssl';
import { afterHandshake12, afterHandshake13, againstClient, duringHandshake, keyUpdateReplies, rawHello, type Arena, type AttackResult } from './attack.js';
import { CT, HS, handshakeMessage, record, u16, u32, u8, vec16, vec8 } from './support/wire.js';

/** What the RFCs ask of the target (and what the pure backend does). */
export interface Expected {
  /** The alert on the wire; undefined: none (the attack is harmless and the connection carries on). */
  readonly alert: AlertDescription | undefined;
  /** The GSK status of the target's StartInit (handshake attacks) or next StartRecv. */
  readonly status: string;
  /** Floods: how many no-op records pure accepts before it closes. */
  readonly accepted?: number;
}

/** One hostile peer: an item of the hardening issue, played against a target in one role. */
export interface HostileCase {
  readonly item: number;
  readonly name: string;
  readonly role: 'server' | 'client';
  readonly version: 'TLS 1.3' | 'TLS 1.2';
  readonly expected: Expected;
  /** A flood: `run(n)` sends n no-op units; the count accepted is searched up to `cap`. */
  readonly flood?: { readonly cap: number; readonly unit: string };
  /** A count the attack measures itself (`AttackResult.count`), e.g. replies. */
  readonly measures?: string;
  /** Where a backend does otherwise, what it does and why (documented, and held to by the test). */
  readonly differences?: Readonly<Record<string, Difference>>;
  run(arena: Arena, n: number): Promise<AttackResult>;
}

/** A documented difference: the fields that differ from `expected`, and the reason. */
export interface Difference {
  readonly alert?: AlertDescription | undefined;
  readonly status?: string;
  readonly accepted?: number | 'unbounded';
  readonly why: string;
}

/** The same difference on both backends over OpenSSL (openssl, node-tls). */
/** Whether the OpenSSL inside this Node predates 3.5 (Node 20 bundles 3.0). */
const OPENSSL_BEFORE_3_5 = !opensslHasHybridGroups(process.versions.openssl);

const onOpenSsl = (d: Difference): Readonly<Record<string, Difference>> => ({ openssl: d, 'node-tls': d });

const times = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));
const BAD_MESSAGE = 'GSK_ERROR_BAD_MESSAGE';
const refuse = (alert: AlertDescription, status = BAD_MESSAGE, accepted?: number): Expected => ({ alert, status, ...(accepted !== undefined && { accepted }) });
const carryOn: Expected = { alert: undefined, status: 'GSK_OK' };

/** A KeyUpdate (update_not_requested) cut into four fragments (RFC 8446 §5.1 forbids anything between them). */
const KEY_UPDATE_FRAGMENTS = [Buffer.from([HS.keyUpdate, 0]), Buffer.from([0]), Buffer.from([1]), Buffer.from([0])];

export const HOSTILE_CASES: readonly HostileCase[] = [
  // 1. Truncation (RFC 8446 §5, §6.1; RFC 5246 §6.2.3)
  {
    item: 1, name: 'plaintext close_notify after the handshake', role: 'server', version: 'TLS 1.3', expected: refuse(AlertDescription.unexpected_message),
    run: (a) => afterHandshake13(a, () => [record(CT.alert, Buffer.from([1, 0]))]),
  },
  {
    item: 1, name: 'plaintext fatal alert after the handshake', role: 'server', version: 'TLS 1.3', expected: refuse(AlertDescription.unexpected_message),
    run: (a) => afterHandshake13(a, () => [record(CT.alert, Buffer.from([2, AlertDescription.handshake_failure]))]),
  },
  {
    item: 1, name: 'plaintext close_notify after the handshake', role: 'client', version: 'TLS 1.3', expected: refuse(AlertDescription.unexpected_message),
    run: (a) => againstClient(a, 0x0303, () => [record(CT.alert, Buffer.from([1, 0]))]),
  },
  {
    item: 1, name: 'plaintext close_notify after ChangeCipherSpec', role: 'server', version: 'TLS 1.2', expected: refuse(AlertDescription.bad_record_mac, 'GSK_ERROR_BAD_MAC'),
    // OpenSSL 3.5 (Node 24, 26) says bad_record_mac here, as pure does.
    ...(OPENSSL_BEFORE_3_5 && { differences: onOpenSsl({ alert: AlertDescription.internal_error, status: 'GSK_INTERNAL_ERROR', why: 'refused too, but OpenSSL 3.0 takes a record shorter than its explicit nonce for an internal error (its GCM provider rejects the additional data) and says internal_error' }) }),
    run: (a) => afterHandshake12(a, () => [record(CT.alert, Buffer.from([1, 0]))]),
  },
  // 2. Interleaving (RFC 8446 §5.1)
  {
    item: 2, name: 'KeyUpdate in four records, application data between them', role: 'server', version: 'TLS 1.3', expected: refuse(AlertDescription.unexpected_message),
    run: (a) => afterHandshake13(a, (c) => KEY_UPDATE_FRAGMENTS.flatMap((f, i) => [c.seal(CT.handshake, f), ...(i < 3 ? [c.seal(CT.appData, Buffer.from('x'))] : [])])),
  },
  // 3. legacy_version (RFC 8446 §4.1.2, Appendix D.5)
  ...[0x0300, 0x0200, 0x0000].map((v): HostileCase => ({
    item: 3, name: `ClientHello.legacy_version 0x${v.toString(16).padStart(4, '0')} with supported_versions`, role: 'server', version: 'TLS 1.3', expected: refuse(AlertDescription.protocol_version, 'GSK_TLSPORT_ERROR_PROTOCOL_VERSION'),
    ...(v === 0x0300 && { differences: onOpenSsl({ alert: AlertDescription.handshake_failure, why: 'refused (bad legacy version), but OpenSSL 3.0 sends handshake_failure for 0x0300 itself, where Appendix D.5 asks for protocol_version' }) }),
    run: (a) => rawHello(a, (c) => c.sendClientHello({ legacyVersion: v })),
  })),
  {
    item: 3, name: 'ServerHello.legacy_version 0x0300 with supported_versions', role: 'client', version: 'TLS 1.3', expected: refuse(AlertDescription.protocol_version, 'GSK_TLSPORT_ERROR_PROTOCOL_VERSION'),
    run: (a) => againstClient(a, 0x0300),
  },
  // 4. Early data the server does not accept (RFC 8446 §4.2.10)
  {
    item: 4, name: 'early_data offered, three 0-RTT records sent', role: 'server', version: 'TLS 1.3', expected: carryOn,
    run: (a) => duringHandshake(a, { earlyData: true, afterHello: () => Buffer.concat(times(3, () => record(CT.appData, randomBytes(200)))) }),
  },
  {
    item: 4, name: 'early_data offered, 0-RTT records after a HelloRetryRequest', role: 'server', version: 'TLS 1.3', expected: carryOn,
    run: (a) => duringHandshake(a, { earlyData: true, retry: true, afterHello: () => Buffer.concat([record(CT.ccs, u8(1)), ...times(3, () => record(CT.appData, randomBytes(200)))]) }),
  },
  // 5. The flight goes out before the alert (RFC 8446 §6)
  {
    item: 5, name: 'ClientHello and a plaintext handshake record in one write', role: 'server', version: 'TLS 1.3', expected: refuse(AlertDescription.unexpected_message),
    run: (a) => rawHello(a, (c) => c.sendClientHello({}, record(CT.handshake, handshakeMessage(HS.finished, Buffer.alloc(32)))), true),
  },
  // 6. Reassembly (RFC 8446 §5.1): a ClientHello cut into 1-byte records
  {
    item: 6, name: 'ClientHello, its first n bytes in 1-byte records', role: 'server', version: 'TLS 1.3', expected: refuse(AlertDescription.unexpected_message, BAD_MESSAGE, 255),
    flood: { cap: 1024, unit: '1-byte handshake records' },
    differences: onOpenSsl({ alert: undefined, status: 'GSK_OK', accepted: 'unbounded', why: 'no bound on the records one message spans; OpenSSL reassembles into a buffer sized by the header, so each record costs only its copy' }),
    run: (a, n) => duringHandshake(a, { padding: 1200, frame: (h) => Buffer.concat([...times(n, (i) => record(CT.handshake, h.subarray(i, i + 1), 0x0301)), record(CT.handshake, h.subarray(n), 0x0301)]) }),
  },
  // 7. No-op floods
  {
    item: 7, name: 'ChangeCipherSpec records during the handshake', role: 'server', version: 'TLS 1.3', expected: refuse(AlertDescription.unexpected_message, BAD_MESSAGE, 31),
    flood: { cap: 1024, unit: 'CCS records (after the one middlebox CCS)' },
    run: (a, n) => duringHandshake(a, { beforeFinished: () => Buffer.concat(times(n, () => record(CT.ccs, u8(1)))) }),
  },
  {
    item: 7, name: 'empty application data records', role: 'server', version: 'TLS 1.3', expected: refuse(AlertDescription.unexpected_message, BAD_MESSAGE, 32),
    flood: { cap: 1024, unit: 'empty records' },
    run: (a, n) => afterHandshake13(a, (c) => times(n, () => c.seal(CT.appData, Buffer.alloc(0)))),
  },
  {
    item: 7, name: 'empty application data records', role: 'server', version: 'TLS 1.2', expected: refuse(AlertDescription.unexpected_message, BAD_MESSAGE, 32),
    flood: { cap: 1024, unit: 'empty records' },
    run: (a, n) => afterHandshake12(a, (c) => times(n, () => c.seal(CT.appData, Buffer.alloc(0)))),
  },
  {
    item: 7, name: 'user_canceled alerts', role: 'server', version: 'TLS 1.3', expected: refuse(AlertDescription.unexpected_message, BAD_MESSAGE, 4),
    flood: { cap: 1024, unit: 'warning alerts' },
    run: (a, n) => afterHandshake13(a, (c) => times(n, () => c.seal(CT.alert, Buffer.from([1, AlertDescription.user_canceled])))),
  },
  {
    item: 7, name: 'warning alerts (user_canceled)', role: 'server', version: 'TLS 1.2', expected: refuse(AlertDescription.unexpected_message, BAD_MESSAGE, 4),
    flood: { cap: 1024, unit: 'warning alerts' },
    run: (a, n) => afterHandshake12(a, (c) => times(n, () => c.seal(CT.alert, Buffer.from([1, AlertDescription.user_canceled])))),
  },
  {
    item: 7, name: 'renegotiation ClientHellos', role: 'server', version: 'TLS 1.2', expected: refuse(AlertDescription.unexpected_message, BAD_MESSAGE, 3),
    differences: {
      openssl: { alert: undefined, status: 'GSK_OK', accepted: 'unbounded', why: 'OpenSSL answers every renegotiation ClientHello with a no_renegotiation warning and carries on, without a bound' },
      'node-tls': { alert: undefined, why: 'Node counts renegotiations itself (tls.CLIENT_RENEG_LIMIT, 3) and destroys the socket without an alert (ERR_TLS_SESSION_ATTACK)' },
    },
    flood: { cap: 256, unit: 'ClientHellos' },
    run: (a, n) => afterHandshake12(a, (c) => times(n, () => c.seal(CT.handshake, c.clientHello(true)))),
  },
  // 8. KeyUpdate (RFC 8446 §4.6.3)
  {
    item: 8, name: 'KeyUpdate requests without application data', role: 'server', version: 'TLS 1.3', expected: refuse(AlertDescription.unexpected_message, BAD_MESSAGE, 32),
    flood: { cap: 1024, unit: 'KeyUpdates' },
    differences: onOpenSsl({ alert: undefined, status: 'GSK_OK', accepted: 'unbounded', why: 'OpenSSL 3.0 does not bound KeyUpdates; what bounds its replies is its write buffer (a peer that does not read stalls it)' }),
    run: (a, n) => afterHandshake13(a, (c) => times(n, () => c.keyUpdate(true))),
  },
  {
    item: 8, name: '20 KeyUpdate requests in one write', role: 'server', version: 'TLS 1.3', expected: { ...carryOn, accepted: 1 },
    measures: 'KeyUpdate replies',
    differences: onOpenSsl({ accepted: 20, why: 'OpenSSL answers each request with its own KeyUpdate (RFC 8446 §4.6.3 allows one reply for all)' }),
    run: (a) => keyUpdateReplies(a, 20),
  },
  // 9. Tickets and PSK identities
  {
    item: 9, name: 'ClientHello with 950 unknown PSK identities', role: 'server', version: 'TLS 1.3', expected: carryOn,
    run: (a) => duringHandshake(a, { pskIdentities: 950 }),
  },
  {
    item: 9, name: '1000 NewSessionTickets after the handshake', role: 'client', version: 'TLS 1.3', expected: carryOn,
    run: (a) => againstClient(a, 0x0303, (s) => times(1000, (i) => s.seal(CT.handshake, handshakeMessage(HS.newSessionTicket, Buffer.concat([u32(7200), u32(i), vec8(u32(i)), vec16(randomBytes(64)), u16(0)]))))),
  },
];
