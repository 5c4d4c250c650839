import { appendFileSync, readFileSync } from 'node:fs';
import type { SecureAttributes } from '@tlsport/core';
import { flag, text, UsageError, type OptionValues } from './args/parseArgs.js';

/**
 * The backends' names for the help text, written out so that `-help` loads nothing of core
 * (test/cli checks them against core's BACKEND_PACKAGES).
 */
export const BACKEND_NAMES = ['node-tls', 'openssl', 'pure'] as const;

/** The options s_client and s_server share, named as openssl names them. */
export const TLS_OPTIONS = {
  backend: text('NAME', `TLS engine: ${BACKEND_NAMES.join(', ')} (default node-tls)`),
  CAfile: text('FILE', 'trust anchors, PEM (client: default Node\'s bundled roots)'),
  cert: text('FILE', 'certificate chain, PEM, leaf first'),
  key: text('FILE', 'private key of -cert, PEM'),
  alpn: text('LIST', 'ALPN protocols, comma-separated, in preference order'),
  tls1_2: flag('TLS 1.2 only'),
  tls1_3: flag('TLS 1.3 only'),
  ciphersuites: text('LIST', 'TLS 1.3 suites, colon-separated IANA names'),
  cipher: text('LIST', 'TLS 1.2 suites, colon-separated OpenSSL or IANA names'),
  groups: text('LIST', 'key exchange groups, colon-separated, in preference order (X25519MLKEM768:X25519:P-256:P-384:SecP256r1MLKEM768)'),
  legacy_ems: flag('TLS 1.2: accept peers without extended master secret (RFC 7627; the pure backend requires it by default)'),
  keylogfile: text('FILE', 'append NSS key log lines (SSLKEYLOGFILE format) to FILE'),
  quiet: flag('no CONNECTED/PEER lines on stderr (failures are still reported)'),
} as const;

export type TlsOptionValues = OptionValues<typeof TLS_OPTIONS>;

export const DEFAULT_BACKEND = 'node-tls';

/** The attributes the shared options describe. */
export function tlsAttributes(o: TlsOptionValues): SecureAttributes {
  if (o.tls1_2 === true && o.tls1_3 === true) throw new UsageError('-tls1_2 and -tls1_3 exclude each other');
  const version = o.tls1_2 ? 'TLSv1.2' : o.tls1_3 ? 'TLSv1.3' : undefined;
  if ((o.cert === undefined) !== (o.key === undefined)) throw new UsageError('-cert and -key go together');
  const keylogFile = o.keylogfile;
  return {
    ...(o.CAfile !== undefined && { ca: readPem(o.CAfile, 'CAfile') }),
    ...(o.cert !== undefined && { cert: readPem(o.cert, 'cert') }),
    ...(o.key !== undefined && { key: readPem(o.key, 'key') }),
    ...(o.alpn !== undefined && { ALPNProtocols: o.alpn.split(',').filter((p) => p !== '') }),
    ...(version !== undefined && { minVersion: version, maxVersion: version }),
    ...(o.ciphersuites !== undefined && { cipherSuites: o.ciphersuites }),
    ...(o.cipher !== undefined && { ciphers: o.cipher }),
    ...(o.groups !== undefined && { groups: o.groups }),
    ...(o.legacy_ems === true && { requireExtendedMasterSecret: false }),
    ...(keylogFile !== undefined && { keylog: (line: string) => appendFileSync(keylogFile, line + '\n') }),
  };
}

export function readPem(file: string, option: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`-${option} ${file}: ${(error as Error).message}`);
  }
}

/** "host:port" or "port" -> the parts; the host defaults to `defaultHost`. */
export function hostPort(value: string, option: string, defaultHost: string): { host: string; port: number } {
  const match = /^(?:\[?([^\]]*?)\]?:)?(\d+)$/.exec(value);
  const port = match === null ? NaN : Number(match[2]);
  if (match === null || port > 65535) throw new UsageError(`-${option} needs [host:]port, got "${value}"`);
  return { host: match[1] || defaultHost, port };
}
