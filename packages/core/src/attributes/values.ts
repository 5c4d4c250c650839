import { GskError } from '../gsk/GskError.js';
import { GskStatus } from '../gsk/status.js';
import type { SecureAttributes } from './SecureAttributes.js';
import { TicketKeyRing } from '../stores/TicketKeyRing.js';

/** A value check: undefined when the value is acceptable, else what was expected. */
type Check = (value: unknown) => string | undefined;

const isPem = (v: unknown): boolean => typeof v === 'string' || v instanceof Uint8Array;
const pem: Check = (v) => (isPem(v) ? undefined : 'a PEM string or Uint8Array');
const string: Check = (v) => (typeof v === 'string' ? undefined : 'a string');
const boolean: Check = (v) => (typeof v === 'boolean' ? undefined : 'a boolean');
const number: Check = (v) => (typeof v === 'number' && !Number.isNaN(v) ? undefined : 'a number');
const bytes: Check = (v) => (v instanceof Uint8Array ? undefined : 'a Uint8Array');
const callback: Check = (v) => (typeof v === 'function' ? undefined : 'a function');
const stringList: Check = (v) => (typeof v === 'string' || (Array.isArray(v) && v.every((s) => typeof s === 'string')) ? undefined : 'a string or an array of strings');
const pemList: Check = (v) => (isPem(v) || (Array.isArray(v) && v.every(isPem)) ? undefined : 'PEM (a string or Uint8Array) or an array of them');
const oneOf = (...allowed: readonly (string | boolean)[]): Check => (v) => (allowed.includes(v as string) ? undefined : `one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`);
const sniCertificates: Check = (v) => {
  const expected = 'an object of { cert, key, passphrase? } by host name';
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return expected;
  const ok = Object.values(v).every((p: unknown) => {
    const pair = p as { cert?: unknown; key?: unknown; passphrase?: unknown } | null;
    return typeof pair === 'object' && pair !== null && isPem(pair.cert) && isPem(pair.key) && (pair.passphrase === undefined || typeof pair.passphrase === 'string');
  });
  return ok ? undefined : expected;
};

const ticketKeyRing: Check = (v) => (v instanceof TicketKeyRing ? undefined : 'a TicketKeyRing (TicketKeyRing.open())');
const sessionCache: Check = (v) => {
  const cache = v as Partial<Record<'get' | 'set' | 'delete' | 'close', unknown>> | null;
  const ok = typeof cache === 'object' && cache !== null && (['get', 'set', 'delete', 'close'] as const).every((m) => typeof cache[m] === 'function');
  return ok ? undefined : 'a SessionCache (get, set, delete, close)';
};
const isPfxObject = (v: unknown): boolean => {
  const item = v as { buf?: unknown; passphrase?: unknown } | null;
  return typeof item === 'object' && item !== null && !(item instanceof Uint8Array) && isPem(item.buf) && (item.passphrase === undefined || typeof item.passphrase === 'string');
};
const pfx: Check = (v) => (isPem(v) || (Array.isArray(v) && v.every((item) => isPem(item) || isPfxObject(item))) ? undefined : 'PKCS#12 bytes (a Uint8Array or string) or an array of them and { buf, passphrase? } objects');

const ON_OFF = (id: string) => oneOf(`${id}_ON`, `${id}_OFF`, true, false);

/** Every attribute's expected type, and the status GSKit gives a value of the wrong kind. */
const CHECKS: Readonly<Record<keyof SecureAttributes, readonly [Check, GskStatus]>> = {
  role: [oneOf('client', 'server'), GskStatus.GSK_ATTRIBUTE_INVALID_ENUMERATION],
  ca: [pemList, GskStatus.GSK_IBMI_ERROR_INVALID_POINTER],
  cert: [pem, GskStatus.GSK_IBMI_ERROR_INVALID_POINTER],
  key: [pem, GskStatus.GSK_IBMI_ERROR_INVALID_POINTER],
  pfx: [pfx, GskStatus.GSK_IBMI_ERROR_INVALID_POINTER],
  passphrase: [string, GskStatus.GSK_IBMI_ERROR_INVALID_POINTER],
  sniCertificates: [sniCertificates, GskStatus.GSK_IBMI_ERROR_INVALID_POINTER],
  servername: [string, GskStatus.GSK_IBMI_ERROR_INVALID_POINTER],
  ALPNProtocols: [stringList, GskStatus.GSK_IBMI_ERROR_INVALID_POINTER],
  minVersion: [oneOf('TLSv1.2', 'TLSv1.3'), GskStatus.GSK_TLSPORT_ERROR_PROTOCOL_VERSION],
  maxVersion: [oneOf('TLSv1.2', 'TLSv1.3'), GskStatus.GSK_TLSPORT_ERROR_PROTOCOL_VERSION],
  cipherSuites: [string, GskStatus.GSK_IBMI_ERROR_INVALID_POINTER],
  ciphers: [string, GskStatus.GSK_IBMI_ERROR_INVALID_POINTER],
  groups: [stringList, GskStatus.GSK_IBMI_ERROR_INVALID_POINTER],
  requestCert: [boolean, GskStatus.GSK_ATTRIBUTE_INVALID_ENUMERATION],
  rejectUnauthorized: [boolean, GskStatus.GSK_ATTRIBUTE_INVALID_ENUMERATION],
  handshakeTimeoutMs: [number, GskStatus.GSK_ATTRIBUTE_INVALID_NUMERIC_VALUE],
  sessionTickets: [boolean, GskStatus.GSK_ATTRIBUTE_INVALID_ENUMERATION],
  ticketKeys: [ticketKeyRing, GskStatus.GSK_IBMI_ERROR_INVALID_POINTER],
  sessionCache: [sessionCache, GskStatus.GSK_IBMI_ERROR_INVALID_POINTER],
  requireExtendedMasterSecret: [boolean, GskStatus.GSK_ATTRIBUTE_INVALID_ENUMERATION],
  session: [bytes, GskStatus.GSK_IBMI_ERROR_INVALID_POINTER],
  keylog: [callback, GskStatus.GSK_IBMI_ERROR_INVALID_POINTER],
  onSession: [callback, GskStatus.GSK_IBMI_ERROR_INVALID_POINTER],
  maxBufferedBytes: [number, GskStatus.GSK_ATTRIBUTE_INVALID_NUMERIC_VALUE],
  idleTimeoutMs: [number, GskStatus.GSK_ATTRIBUTE_INVALID_NUMERIC_VALUE],
  GSK_SESSION_TYPE: [
    oneOf('GSK_CLIENT_SESSION', 'GSK_SERVER_SESSION', 'GSK_SERVER_SESSION_WITH_CL_AUTH', 'GSK_SERVER_SESSION_WITH_CL_AUTH_CRITICAL'),
    GskStatus.GSK_ATTRIBUTE_INVALID_ENUMERATION,
  ],
  GSK_PROTOCOL_TLSV13: [ON_OFF('GSK_PROTOCOL_TLSV13'), GskStatus.GSK_ATTRIBUTE_INVALID_ENUMERATION],
  GSK_PROTOCOL_TLSV12: [ON_OFF('GSK_PROTOCOL_TLSV12'), GskStatus.GSK_ATTRIBUTE_INVALID_ENUMERATION],
  GSK_TLSV13_CIPHER_SPECS_EX: [string, GskStatus.GSK_IBMI_ERROR_INVALID_POINTER],
  GSK_TLSV12_CIPHER_SPECS_EX: [string, GskStatus.GSK_IBMI_ERROR_INVALID_POINTER],
  GSK_ECDHE_CURVES: [string, GskStatus.GSK_IBMI_ERROR_INVALID_POINTER],
  GSK_HANDSHAKE_TIMEOUT: [number, GskStatus.GSK_ATTRIBUTE_INVALID_NUMERIC_VALUE],
  GSK_SSL_EXTN_SERVERNAME_REQUEST: [string, GskStatus.GSK_IBMI_ERROR_INVALID_POINTER],
  GSK_ALPN_PROTOCOLS: [string, GskStatus.GSK_IBMI_ERROR_INVALID_POINTER],
};

function describe(value: unknown): string {
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'an array' : value instanceof Uint8Array ? 'a Uint8Array' : 'an object';
}

/**
 * Checks one attribute: the id must be known (GSK_ATTRIBUTE_INVALID_ID) and the value of the
 * right kind, so `rejectUnauthorized: 'false'` is refused instead of read as true. Undefined
 * values are allowed: they mean "not set".
 */
export function checkAttribute(id: string, value: unknown): void {
  const entry = (CHECKS as Readonly<Record<string, readonly [Check, GskStatus]>>)[id];
  if (entry === undefined || !Object.hasOwn(CHECKS, id)) throw new GskError(GskStatus.GSK_ATTRIBUTE_INVALID_ID, `unknown attribute ${id}`);
  if (value === undefined) return;
  const expected = entry[0](value);
  if (expected !== undefined) throw new GskError(entry[1], `${id}: expected ${expected}, got ${describe(value)}`);
}

function checkObject(attrs: SecureAttributes): void {
  if (typeof attrs !== 'object' || attrs === null) throw new GskError(GskStatus.GSK_IBMI_ERROR_INVALID_POINTER, 'attributes: expected an object');
}

/** checkAttribute for every entry of `attrs`. */
export function checkAttributes(attrs: SecureAttributes): void {
  checkObject(attrs);
  for (const [id, value] of Object.entries(attrs)) checkAttribute(id, value);
}

/**
 * The value checks alone, for the resolvers: ids were checked where they were set, and a
 * resolver reads only the attributes it knows.
 */
export function checkAttributeValues(attrs: SecureAttributes): void {
  checkObject(attrs);
  for (const [id, value] of Object.entries(attrs)) if (Object.hasOwn(CHECKS, id)) checkAttribute(id, value);
}

/** The names SecureAttributes accepts. */
export const ATTRIBUTE_IDS: readonly (keyof SecureAttributes)[] = Object.keys(CHECKS) as (keyof SecureAttributes)[];
