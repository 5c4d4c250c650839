import { CIPHER_SUITES, type CipherSuiteInfo, type SecureAttributes } from '@tlsport/core';

/** One suite of docs/design.md's scope and how to ask for it. */
export interface SuiteCase {
  suite: CipherSuiteInfo;
  /** The server certificate it needs: 1.2 ECDHE_RSA suites an RSA one, everything else ECDSA. */
  cert: 'ecdsa' | 'rsa';
  /** openssl-style flags pinning version and suite; tlsport s_client/s_server and openssl all take them. */
  flags: string[];
  /** The same as SecureAttributes. */
  attrs: SecureAttributes;
}

export const SUITE_CASES: readonly SuiteCase[] = CIPHER_SUITES.map((suite) => {
  const v13 = suite.version === 'TLSv1.3';
  return {
    suite,
    cert: suite.auth ?? 'ecdsa',
    flags: v13 ? ['-tls1_3', '-ciphersuites', suite.openssl] : ['-tls1_2', '-cipher', suite.openssl],
    attrs: { minVersion: suite.version, maxVersion: suite.version, ...(v13 ? { cipherSuites: suite.name } : { ciphers: suite.name }) },
  };
});
