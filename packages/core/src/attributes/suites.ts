import { GskError } from '../gsk/GskError.js';
import { GskStatus } from '../gsk/status.js';
import { CIPHER_SUITES, suiteByName, type CipherSuiteInfo, type TlsVersion } from '../tls/suites.js';
import type { SecureAttributes } from './SecureAttributes.js';
import { list } from './text.js';
import type { ResolvedVersions } from './versions.js';

export interface ResolvedSuites {
  readonly tls13Suites: readonly CipherSuiteInfo[];
  readonly tls12Suites: readonly CipherSuiteInfo[];
}

function suitesFrom(spec: string | undefined, version: TlsVersion, attribute: string): CipherSuiteInfo[] {
  if (spec === undefined) return CIPHER_SUITES.filter((s) => s.version === version);
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

/**
 * The suites of each version (IANA or OpenSSL names), split here once; a version outside the
 * range gets none, so no backend filters by version again.
 */
export function resolveSuites(attrs: SecureAttributes, versions: ResolvedVersions): ResolvedSuites {
  const tls13 = attrs.GSK_TLSV13_CIPHER_SPECS_EX !== undefined ? 'GSK_TLSV13_CIPHER_SPECS_EX' : 'cipherSuites';
  const tls12 = attrs.GSK_TLSV12_CIPHER_SPECS_EX !== undefined ? 'GSK_TLSV12_CIPHER_SPECS_EX' : 'ciphers';
  const tls13Suites = suitesFrom(attrs[tls13], 'TLSv1.3', tls13);
  const tls12Suites = suitesFrom(attrs[tls12], 'TLSv1.2', tls12);
  return {
    tls13Suites: versions.maxVersion === 'TLSv1.3' ? tls13Suites : [],
    tls12Suites: versions.minVersion === 'TLSv1.2' ? tls12Suites : [],
  };
}
