import { expect } from 'chai';
import { resolveContextConfig } from '../../src/attributes/resolveTlsConfig.js';
import { opensslSettings } from '../../src/engine/openssl/settings.js';

describe('opensslSettings: one translation of a context config into OpenSSL terms', () => {
  it('suites per version, groups by OpenSSL name, the security level', () => {
    const s = opensslSettings(resolveContextConfig({ cipherSuites: 'TLS_AES_256_GCM_SHA384', ciphers: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', groups: 'secp384r1:x25519' }));
    expect(s).to.include({
      ciphersuites: 'TLS_AES_256_GCM_SHA384',
      cipherList: 'ECDHE-RSA-AES128-GCM-SHA256',
      nodeCiphers: 'TLS_AES_256_GCM_SHA384:ECDHE-RSA-AES128-GCM-SHA256:@SECLEVEL=2',
      groups: 'P-384:X25519',
      securityLevel: 2,
    });
  });

  it('TLS 1.2 off: no 1.2 cipher list; Node still gets stand-ins, which it requires', () => {
    const s = opensslSettings(resolveContextConfig({ minVersion: 'TLSv1.3' }));
    expect(s.cipherList).to.equal('');
    expect(s.nodeCiphers).to.match(/^TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:ECDHE-/);
    expect(s.nodeCiphers).to.match(/:@SECLEVEL=2$/);
  });
});
