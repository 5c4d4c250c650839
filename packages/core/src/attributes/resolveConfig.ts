import { rootCertificates } from 'node:tls';
import type { CertificateKeyPair, TlsConfig } from '../engine/config.js';
import { GskError } from '../gsk/GskError.js';
import { GskStatus } from '../gsk/status.js';
import { CIPHER_SUITES, GROUPS, groupByName, suiteByName, type CipherSuiteInfo, type GroupName, type TlsVersion } from '../tls/suites.js';
import type { SecureAttributes } from './SecureAttributes.js';

const DEFAULT_HANDSHAKE_TIMEOUT_MS = 30_000;
const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

function text(value: string | Uint8Array): string {
  return typeof value === 'string' ? value : Buffer.from(value).toString('utf8');
}

/** Splits PEM bundles into single certificates. */
function certificatesOf(values: readonly (string | Uint8Array)[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    const found = text(v).match(PEM_BLOCK);
    if (found === null) throw new GskError(GskStatus.GSK_ERROR_BAD_CERTIFICATE, 'ca: no PEM certificate found');
    out.push(...found.map((c) => c + '\n'));
  }
  return out;
}

function list(value: string | readonly string[]): string[] {
  return (typeof value === 'string' ? value.split(/[:,\s]+/) : [...value]).map((s) => s.trim()).filter((s) => s !== '');
}

function suitesFrom(spec: string, version: TlsVersion, attribute: string): CipherSuiteInfo[] {
  const suites = list(spec).map((name) => {
    const suite = suiteByName(name);
    if (suite === undefined || suite.version !== version) {
      throw new GskError(GskStatus.GSK_ERROR_NO_CIPHERS, `${attribute}: "${name}" is not a ${version} suite tlsport supports`);
    }
    return suite;
  });
  if (suites.length === 0) throw new GskError(GskStatus.GSK_ERROR_NO_CIPHERS, `${attribute}: empty suite list`);
  return suites;
}

function onOff(value: string | boolean | undefined, name: string): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  if (value.endsWith('_ON')) return true;
  if (value.endsWith('_OFF')) return false;
  throw new GskError(GskStatus.GSK_ATTRIBUTE_INVALID_ENUMERATION, `${name}: ${value}`);
}

function pair(cert: string | Uint8Array, key: string | Uint8Array, attribute: string): CertificateKeyPair {
  const c = text(cert);
  const k = text(key);
  if (!PEM_BLOCK.test(c)) throw new GskError(GskStatus.GSK_ERROR_BAD_CERTIFICATE, `${attribute}: cert is not a PEM certificate`);
  PEM_BLOCK.lastIndex = 0;
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(k)) throw new GskError(GskStatus.GSK_ERROR_NO_PRIVATE_KEY, `${attribute}: key is not a PEM private key`);
  return { cert: c, key: k };
}

const VERSION_RANK: Record<TlsVersion, number> = { 'TLSv1.2': 2, 'TLSv1.3': 3 };

/**
 * Validates attributes and resolves them into the TlsConfig an engine runs with. Throws GskError
 * with the status GSKit would give for the bad attribute.
 */
export function resolveTlsConfig(attrs: SecureAttributes): TlsConfig {
  let role = attrs.role ?? 'client';
  let requestCert = attrs.requestCert ?? false;
  let rejectUnauthorized = attrs.rejectUnauthorized ?? true;
  switch (attrs.GSK_SESSION_TYPE) {
    case undefined:
      break;
    case 'GSK_CLIENT_SESSION':
      role = 'client';
      break;
    case 'GSK_SERVER_SESSION':
      role = 'server';
      break;
    case 'GSK_SERVER_SESSION_WITH_CL_AUTH':
      role = 'server';
      requestCert = true;
      rejectUnauthorized = false;
      break;
    case 'GSK_SERVER_SESSION_WITH_CL_AUTH_CRITICAL':
      role = 'server';
      requestCert = true;
      rejectUnauthorized = true;
      break;
    default:
      throw new GskError(GskStatus.GSK_ATTRIBUTE_INVALID_ENUMERATION, `GSK_SESSION_TYPE: ${String(attrs.GSK_SESSION_TYPE)}`);
  }
  if (role !== 'client' && role !== 'server') throw new GskError(GskStatus.GSK_ATTRIBUTE_INVALID_ENUMERATION, `role: ${String(role)}`);

  let minVersion: TlsVersion = attrs.minVersion ?? 'TLSv1.2';
  let maxVersion: TlsVersion = attrs.maxVersion ?? 'TLSv1.3';
  for (const [name, v] of [['minVersion', minVersion], ['maxVersion', maxVersion]] as const) {
    if (VERSION_RANK[v] === undefined) throw new GskError(GskStatus.GSK_TLSPORT_ERROR_PROTOCOL_VERSION, `${name}: ${String(v)} (tlsport speaks TLSv1.2 and TLSv1.3)`);
  }
  const tls13 = onOff(attrs.GSK_PROTOCOL_TLSV13, 'GSK_PROTOCOL_TLSV13');
  const tls12 = onOff(attrs.GSK_PROTOCOL_TLSV12, 'GSK_PROTOCOL_TLSV12');
  if (tls13 === false) maxVersion = 'TLSv1.2';
  if (tls12 === false) minVersion = 'TLSv1.3';
  if (tls13 === true && tls12 !== true && attrs.minVersion === undefined && tls12 === undefined) minVersion = 'TLSv1.2';
  if (VERSION_RANK[minVersion] > VERSION_RANK[maxVersion]) {
    throw new GskError(GskStatus.GSK_TLSPORT_ERROR_PROTOCOL_VERSION, `no protocol version enabled (min ${minVersion} > max ${maxVersion})`);
  }

  const spec13 = attrs.GSK_TLSV13_CIPHER_SPECS_EX ?? attrs.cipherSuites;
  const spec12 = attrs.GSK_TLSV12_CIPHER_SPECS_EX ?? attrs.ciphers;
  const suites13 = spec13 === undefined ? CIPHER_SUITES.filter((s) => s.version === 'TLSv1.3') : suitesFrom(spec13, 'TLSv1.3', 'TLS 1.3 suites');
  const suites12 = spec12 === undefined ? CIPHER_SUITES.filter((s) => s.version === 'TLSv1.2') : suitesFrom(spec12, 'TLSv1.2', 'TLS 1.2 suites');
  const cipherSuites = [
    ...(maxVersion === 'TLSv1.3' ? suites13 : []),
    ...(minVersion === 'TLSv1.2' ? suites12 : []),
  ];

  const groupSpec = attrs.GSK_ECDHE_CURVES ?? attrs.groups;
  const groups: GroupName[] = groupSpec === undefined
    ? GROUPS.map((g) => g.name)
    : list(groupSpec).map((name) => {
        const g = groupByName(name);
        if (g === undefined) throw new GskError(GskStatus.GSK_TLSPORT_ERROR_NO_SHARED_GROUP, `groups: "${name}" is not a group tlsport supports (x25519, P-256, P-384)`);
        return g.name;
      });
  if (groups.length === 0) throw new GskError(GskStatus.GSK_TLSPORT_ERROR_NO_SHARED_GROUP, 'groups: empty list');

  const caFromUser = attrs.ca !== undefined;
  const ca = caFromUser ? certificatesOf(Array.isArray(attrs.ca) ? (attrs.ca as readonly (string | Uint8Array)[]) : [attrs.ca as string | Uint8Array]) : [...rootCertificates];

  if ((attrs.cert === undefined) !== (attrs.key === undefined)) {
    throw new GskError(attrs.key === undefined ? GskStatus.GSK_ERROR_NO_PRIVATE_KEY : GskStatus.GSK_ERROR_NO_CERTIFICATE, 'cert and key must be given together');
  }
  const certificate = attrs.cert !== undefined && attrs.key !== undefined ? pair(attrs.cert, attrs.key, 'cert/key') : undefined;
  const sniCertificates = new Map<string, CertificateKeyPair>();
  for (const [name, p] of Object.entries(attrs.sniCertificates ?? {})) {
    sniCertificates.set(name.toLowerCase(), pair(p.cert, p.key, `sniCertificates["${name}"]`));
  }
  if (role === 'server' && certificate === undefined && sniCertificates.size === 0) {
    throw new GskError(GskStatus.GSK_ERROR_NO_CERTIFICATE, 'a server needs cert and key (or sniCertificates)');
  }

  const alpnSpec = attrs.GSK_ALPN_PROTOCOLS ?? attrs.ALPNProtocols;
  const alpnProtocols = alpnSpec === undefined ? [] : list(alpnSpec);
  for (const p of alpnProtocols) {
    if (Buffer.byteLength(p) > 255) throw new GskError(GskStatus.GSK_ATTRIBUTE_INVALID_LENGTH, `ALPN protocol longer than 255 bytes: ${p.slice(0, 20)}…`);
  }

  const timeout = attrs.GSK_HANDSHAKE_TIMEOUT !== undefined ? attrs.GSK_HANDSHAKE_TIMEOUT * 1000 : (attrs.handshakeTimeoutMs ?? DEFAULT_HANDSHAKE_TIMEOUT_MS);
  if (!Number.isFinite(timeout) || timeout < 0) throw new GskError(GskStatus.GSK_ATTRIBUTE_INVALID_NUMERIC_VALUE, `handshake timeout: ${timeout}`);

  const servername = attrs.GSK_SSL_EXTN_SERVERNAME_REQUEST ?? attrs.servername;

  return {
    role,
    minVersion,
    maxVersion,
    cipherSuites,
    groups,
    ca,
    caFromUser,
    certificate,
    sniCertificates,
    servername,
    alpnProtocols,
    requestCert,
    rejectUnauthorized,
    handshakeTimeoutMs: timeout,
    sessionTickets: attrs.sessionTickets ?? true,
    requireExtendedMasterSecret: attrs.requireExtendedMasterSecret,
    session: attrs.session,
    keylog: attrs.keylog !== undefined,
  };
}
