import { expect } from 'chai';
import { resolveContextConfig } from '../../src/attributes/resolveTlsConfig.js';
import { opensslSettings } from '../../src/engine/openssl/settings.js';
import { opensslGroupList, opensslHasHybridGroups } from '../../src/engine/openssl/groups.js';
import { TlsError } from '../../src/tls/TlsError.js';

describe('opensslSettings: one translation of a context config into OpenSSL terms', () => {
  it('suites per version, groups by OpenSSL name, the security level', () => {
    const s = opensslSettings(resolveContextConfig({ cipherSuites: 'TLS_AES_256_GCM_SHA384', ciphers: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', groups: 'secp384r1:x25519' }), 'openssl');
    expect(s).to.include({
      ciphersuites: 'TLS_AES_256_GCM_SHA384',
      cipherList: 'ECDHE-RSA-AES128-GCM-SHA256',
      nodeCiphers: 'TLS_AES_256_GCM_SHA384:ECDHE-RSA-AES128-GCM-SHA256:@SECLEVEL=2',
      groups: 'P-384:X25519',
      securityLevel: 2,
    });
  });

  it('TLS 1.2 off: no 1.2 cipher list; Node still gets stand-ins, which it requires', () => {
    const s = opensslSettings(resolveContextConfig({ minVersion: 'TLSv1.3' }), 'openssl');
    expect(s.cipherList).to.equal('');
    expect(s.nodeCiphers).to.match(/^TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:ECDHE-/);
    expect(s.nodeCiphers).to.match(/:@SECLEVEL=2$/);
  });
});

describe('opensslGroupList', () => {
  it('knows which OpenSSL has the hybrids', () => {
    expect(['3.0.19', '3.4.1', '3.5.0', '3.5.9+quic', '4.0.0'].map(opensslHasHybridGroups)).to.deep.equal([false, false, true, true, true]);
  });

  it('keeps the hybrids on OpenSSL 3.5, drops them before, and refuses a hybrid-only list there', () => {
    const all = ['X25519MLKEM768', 'x25519', 'secp256r1', 'SecP256r1MLKEM768'] as const;
    expect(opensslGroupList(all, '3.5.4', 'openssl')).to.equal('*X25519MLKEM768:*X25519:P-256:SecP256r1MLKEM768');
    expect(opensslGroupList(all, '3.0.19', 'openssl')).to.equal('X25519:P-256');
    expect(() => opensslGroupList(['X25519MLKEM768'], '3.0.19', 'node-tls')).to.throw(TlsError, /node-tls backend: this Node's OpenSSL 3.0.19 has no ML-KEM/);
  });

  it('on OpenSSL 3.5 marks (*) a hybrid first and its ECDHE half for key shares; one share needs no mark', () => {
    expect(opensslGroupList(['SecP256r1MLKEM768', 'x25519', 'secp256r1'], '3.5.9', 'openssl')).to.equal('*SecP256r1MLKEM768:X25519:*P-256');
    expect(opensslGroupList(['X25519MLKEM768', 'secp256r1'], '3.5.9', 'node-tls')).to.equal('X25519MLKEM768:P-256');
    expect(opensslGroupList(['x25519', 'X25519MLKEM768'], '3.5.9', 'openssl')).to.equal('X25519:X25519MLKEM768');
    // OpenSSL 3.0 knows no marks, nor hybrids: the list is as it always was.
    expect(opensslGroupList(['SecP256r1MLKEM768', 'x25519', 'secp256r1'], '3.0.19', 'openssl')).to.equal('X25519:P-256');
  });
});
