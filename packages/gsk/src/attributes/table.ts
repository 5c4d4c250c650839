import { groupByName } from '@tlsport/core';
import * as id from '../constants/ids.js';
import * as rc from '../constants/returnCodes.js';
import { alpnCheck, cipherListCheck, enumCheck, listItems, notOffered, rangeCheck, textCheck } from './checks.js';
import type { AttributeSpec } from './spec.js';

type Row = Omit<AttributeSpec, 'ibm' | 'settable' | 'readable' | 'scope'> & Partial<Pick<AttributeSpec, 'ibm' | 'settable' | 'readable' | 'scope'>>;

function row(r: Row): AttributeSpec {
  return { ibm: r.id < 9000, settable: true, readable: true, scope: 'any', ...r };
}

const negotiated = (r: Row): AttributeSpec => row({ settable: false, scope: 'negotiated', ...r });
const onOff = (on: number, off: number): AttributeSpec['check'] => enumCheck([off], [on]);

function groupsCheck(value: unknown): number {
  if (typeof value !== 'string') return rc.GSK_ATTRIBUTE_INVALID_LENGTH;
  return listItems(value).every((g) => groupByName(g) !== undefined) ? rc.GSK_OK : rc.GSK_ATTRIBUTE_INVALID_ENUMERATION;
}

const TLS13_DEFAULT = 'TLS_AES_128_GCM_SHA256,TLS_AES_256_GCM_SHA384,TLS_CHACHA20_POLY1305_SHA256';
const TLS12_DEFAULT = [
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', 'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256', 'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256',
].join(',');

/** Every GSKit attribute id tlsport accepts, by number. An id not here answers GSK_ATTRIBUTE_INVALID_ID (701). */
export const ATTRIBUTES: ReadonlyMap<number, AttributeSpec> = new Map(
  [
    // buffers
    row({ name: 'GSK_USER_DATA', id: id.GSK_USER_DATA, kind: 'buffer', check: textCheck }),
    row({ name: 'GSK_KEYRING_FILE', id: id.GSK_KEYRING_FILE, kind: 'buffer', scope: 'environment', check: textCheck }),
    row({ name: 'GSK_KEYRING_PW', id: id.GSK_KEYRING_PW, kind: 'buffer', scope: 'environment', check: textCheck }),
    row({ name: 'GSK_KEYRING_LABEL', id: id.GSK_KEYRING_LABEL, kind: 'buffer', scope: 'environment', check: textCheck }),
    row({ name: 'GSK_KEYRING_STASH_FILE', id: id.GSK_KEYRING_STASH_FILE, kind: 'buffer', check: notOffered }),
    row({ name: 'GSK_KEYRING_LABEL_EX', id: id.GSK_KEYRING_LABEL_EX, kind: 'buffer', check: notOffered }),
    row({ name: 'GSK_IBMI_APPLICATION_ID', id: id.GSK_IBMI_APPLICATION_ID, kind: 'buffer', scope: 'environment', check: textCheck }),
    row({ name: 'GSK_V2_CIPHER_SPECS', id: id.GSK_V2_CIPHER_SPECS, kind: 'buffer', defaultValue: '', check: (v) => (v === '' ? rc.GSK_OK : rc.GSK_ERROR_BAD_V2_CIPHER) }),
    row({ name: 'GSK_V3_CIPHER_SPECS', id: id.GSK_V3_CIPHER_SPECS, kind: 'buffer', defaultValue: '', check: cipherListCheck(undefined) }),
    row({ name: 'GSK_TLSV10_CIPHER_SPECS', id: id.GSK_TLSV10_CIPHER_SPECS, kind: 'buffer', defaultValue: '', check: cipherListCheck(undefined) }),
    row({ name: 'GSK_TLSV11_CIPHER_SPECS', id: id.GSK_TLSV11_CIPHER_SPECS, kind: 'buffer', defaultValue: '', check: cipherListCheck(undefined) }),
    row({ name: 'GSK_TLSV12_CIPHER_SPECS', id: id.GSK_TLSV12_CIPHER_SPECS, kind: 'buffer', defaultValue: '', check: cipherListCheck(undefined) }),
    row({ name: 'GSK_V3_CIPHER_SPECS_EX', id: id.GSK_V3_CIPHER_SPECS_EX, kind: 'buffer', defaultValue: '', check: cipherListCheck(undefined) }),
    row({ name: 'GSK_TLSV10_CIPHER_SPECS_EX', id: id.GSK_TLSV10_CIPHER_SPECS_EX, kind: 'buffer', defaultValue: '', check: cipherListCheck(undefined) }),
    row({ name: 'GSK_TLSV11_CIPHER_SPECS_EX', id: id.GSK_TLSV11_CIPHER_SPECS_EX, kind: 'buffer', defaultValue: '', check: cipherListCheck(undefined) }),
    row({ name: 'GSK_TLSV12_CIPHER_SPECS_EX', id: id.GSK_TLSV12_CIPHER_SPECS_EX, kind: 'buffer', defaultValue: TLS12_DEFAULT, check: cipherListCheck('TLSv1.2') }),
    row({ name: 'GSK_TLSV13_CIPHER_SPECS_EX', id: id.GSK_TLSV13_CIPHER_SPECS_EX, kind: 'buffer', defaultValue: TLS13_DEFAULT, check: cipherListCheck('TLSv1.3') }),
    row({ name: 'GSK_TLS_ECURVE_LIST', id: id.GSK_TLS_ECURVE_LIST, kind: 'buffer', defaultValue: 'x25519,secp256r1,secp384r1', check: groupsCheck }),
    row({ name: 'GSK_SSL_EXTN_SERVERNAME_REQUEST', id: id.GSK_SSL_EXTN_SERVERNAME_REQUEST, kind: 'buffer', defaultValue: '', check: textCheck }),
    row({ name: 'GSK_SSL_EXTN_SERVERNAME_CRITICAL_REQUEST', id: id.GSK_SSL_EXTN_SERVERNAME_CRITICAL_REQUEST, kind: 'buffer', check: notOffered }),
    row({ name: 'GSK_SSL_EXTN_SERVERNAME_LIST', id: id.GSK_SSL_EXTN_SERVERNAME_LIST, kind: 'buffer', check: notOffered }),
    row({ name: 'GSK_ALPN_PROTOCOLS', id: id.GSK_ALPN_PROTOCOLS, kind: 'buffer', defaultValue: '', check: alpnCheck }),
    negotiated({ name: 'GSK_CONNECT_CIPHER_SPEC', id: id.GSK_CONNECT_CIPHER_SPEC, kind: 'buffer' }),
    negotiated({ name: 'GSK_CONNECT_CIPHER_SPEC_EX', id: id.GSK_CONNECT_CIPHER_SPEC_EX, kind: 'buffer' }),
    negotiated({ name: 'GSK_CONNECT_SEC_TYPE', id: id.GSK_CONNECT_SEC_TYPE, kind: 'buffer' }),
    negotiated({ name: 'GSK_ALPN_NEGOTIATED', id: id.GSK_ALPN_NEGOTIATED, kind: 'buffer' }),
    negotiated({ name: 'GSK_SSL_EXTN_SERVERNAME_NEGOTIATED', id: id.GSK_SSL_EXTN_SERVERNAME_NEGOTIATED, kind: 'buffer' }),
    // numeric
    row({ name: 'GSK_FD', id: id.GSK_FD, kind: 'numeric', scope: 'session', check: rangeCheck(0, 0x7fffffff) }),
    row({ name: 'GSK_V2_SESSION_TIMEOUT', id: id.GSK_V2_SESSION_TIMEOUT, kind: 'numeric', defaultValue: 0, check: notOffered }),
    row({ name: 'GSK_V3_SESSION_TIMEOUT', id: id.GSK_V3_SESSION_TIMEOUT, kind: 'numeric', defaultValue: 86400, check: rangeCheck(0, 86400) }),
    row({ name: 'GSK_HANDSHAKE_TIMEOUT', id: id.GSK_HANDSHAKE_TIMEOUT, kind: 'numeric', defaultValue: 30, check: rangeCheck(0, 0x7fffffff) }),
    row({ name: 'GSK_IBMI_READ_TIMEOUT', id: id.GSK_IBMI_READ_TIMEOUT, kind: 'numeric', defaultValue: 0, check: rangeCheck(0, 0x7fffffff) }),
    negotiated({ name: 'GSK_CERTIFICATE_VALIDATION_CODE', id: id.GSK_CERTIFICATE_VALIDATION_CODE, kind: 'numeric' }),
    row({ name: 'GSK_LAST_VALIDATION_ERROR', id: id.GSK_LAST_VALIDATION_ERROR, kind: 'numeric', settable: false, defaultValue: rc.GSK_OK }),
    // enums
    row({ name: 'GSK_SESSION_TYPE', id: id.GSK_SESSION_TYPE, kind: 'enum', defaultValue: id.GSK_CLIENT_SESSION, check: enumCheck([id.GSK_CLIENT_SESSION, id.GSK_SERVER_SESSION, id.GSK_SERVER_SESSION_WITH_CL_AUTH, id.GSK_SERVER_SESSION_WITH_CL_AUTH_CRITICAL]) }),
    row({ name: 'GSK_CLIENT_AUTH_TYPE', id: id.GSK_CLIENT_AUTH_TYPE, kind: 'enum', defaultValue: id.GSK_CLIENT_AUTH_FULL, check: enumCheck([id.GSK_CLIENT_AUTH_FULL, id.GSK_CLIENT_AUTH_PASSTHRU, id.GSK_OS400_CLIENT_AUTH_REQUIRED]) }),
    row({ name: 'GSK_SERVER_AUTH_TYPE', id: id.GSK_SERVER_AUTH_TYPE, kind: 'enum', defaultValue: id.GSK_SERVER_AUTH_FULL, check: enumCheck([id.GSK_SERVER_AUTH_FULL, id.GSK_SERVER_AUTH_PASSTHRU]) }),
    row({ name: 'GSK_PROTOCOL_SSLV2', id: id.GSK_PROTOCOL_SSLV2, kind: 'enum', defaultValue: id.GSK_PROTOCOL_SSLV2_OFF, check: onOff(id.GSK_PROTOCOL_SSLV2_ON, id.GSK_PROTOCOL_SSLV2_OFF) }),
    row({ name: 'GSK_PROTOCOL_SSLV3', id: id.GSK_PROTOCOL_SSLV3, kind: 'enum', defaultValue: id.GSK_PROTOCOL_SSLV3_OFF, check: onOff(id.GSK_PROTOCOL_SSLV3_ON, id.GSK_PROTOCOL_SSLV3_OFF) }),
    row({ name: 'GSK_PROTOCOL_TLSV1', id: id.GSK_PROTOCOL_TLSV1, kind: 'enum', defaultValue: id.GSK_PROTOCOL_TLSV1_OFF, check: enumCheck([id.GSK_PROTOCOL_TLSV1_OFF, id.GSK_FALSE], [id.GSK_PROTOCOL_TLSV1_ON, id.GSK_TRUE]) }),
    row({ name: 'GSK_PROTOCOL_TLSV10', id: id.GSK_PROTOCOL_TLSV10, kind: 'enum', defaultValue: id.GSK_FALSE, check: onOff(id.GSK_TRUE, id.GSK_FALSE) }),
    row({ name: 'GSK_PROTOCOL_TLSV11', id: id.GSK_PROTOCOL_TLSV11, kind: 'enum', defaultValue: id.GSK_FALSE, check: onOff(id.GSK_TRUE, id.GSK_FALSE) }),
    row({ name: 'GSK_PROTOCOL_TLSV12', id: id.GSK_PROTOCOL_TLSV12, kind: 'enum', defaultValue: id.GSK_TRUE, check: enumCheck([id.GSK_TRUE, id.GSK_FALSE]) }),
    row({ name: 'GSK_PROTOCOL_TLSV13', id: id.GSK_PROTOCOL_TLSV13, kind: 'enum', defaultValue: id.GSK_TRUE, check: enumCheck([id.GSK_TRUE, id.GSK_FALSE]) }),
    negotiated({ name: 'GSK_PROTOCOL_USED', id: id.GSK_PROTOCOL_USED, kind: 'enum' }),
    negotiated({ name: 'GSK_SID_FIRST', id: id.GSK_SID_FIRST, kind: 'enum' }),
    row({ name: 'GSK_ENVIRONMENT_CLOSE_OPTIONS', id: id.GSK_ENVIRONMENT_CLOSE_OPTIONS, kind: 'enum', scope: 'environment', defaultValue: id.GSK_NORMAL_ENVIRONMENT_CLOSE, check: enumCheck([id.GSK_NORMAL_ENVIRONMENT_CLOSE, id.GSK_DELAYED_ENVIRONMENT_CLOSE]) }),
    // callbacks
    row({ name: 'GSK_ENVIRONMENT_CLOSE_CALLBACK', id: id.GSK_ENVIRONMENT_CLOSE_CALLBACK, kind: 'callback', scope: 'environment', readable: false, check: (v) => (typeof v === 'function' ? rc.GSK_OK : rc.GSK_IBMI_ERROR_INVALID_POINTER) }),
    row({ name: 'GSK_CERT_VALIDATION_CALLBACK', id: id.GSK_CERT_VALIDATION_CALLBACK, kind: 'callback', readable: false, check: (v) => (typeof v === 'object' && v !== null && typeof (v as { validation_callback?: unknown }).validation_callback === 'function' ? rc.GSK_OK : rc.GSK_IBMI_ERROR_INVALID_POINTER) }),
  ].map((spec) => [spec.id, spec] as const),
);

/** Lookup by name too ("GSK_PROTOCOL_TLSV13"), with the OS400 spellings older code uses. */
const BY_NAME = new Map<string, AttributeSpec>([...ATTRIBUTES.values()].map((s) => [s.name, s]));
BY_NAME.set('GSK_OS400_APPLICATION_ID', ATTRIBUTES.get(id.GSK_IBMI_APPLICATION_ID)!);
BY_NAME.set('GSK_OS400_READ_TIMEOUT', ATTRIBUTES.get(id.GSK_IBMI_READ_TIMEOUT)!);

/** The spec for an id given as IBM's number or as its name; undefined when tlsport does not know it. */
export function attributeSpec(ref: number | string): AttributeSpec | undefined {
  return typeof ref === 'number' ? ATTRIBUTES.get(ref) : BY_NAME.get(ref);
}
