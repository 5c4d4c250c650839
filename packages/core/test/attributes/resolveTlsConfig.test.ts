import { expect } from 'chai';
import { GskStatus } from '../../src/gsk/status.js';
import { refusal } from '../helpers/refusal.js';
import { CONTEXT_ATTRIBUTES, resolveContextConfig, resolveSessionConfig, resolveTlsConfig } from '../../src/attributes/resolveTlsConfig.js';
import { ATTRIBUTE_IDS } from '../../src/attributes/values.js';
import { contextKey } from '../../src/engine/contextKey.js';
import { selfSigned, type SelfSigned } from '../helpers/selfSigned.js';

const status = (f: () => unknown): GskStatus => refusal(f).status;

describe('resolveTlsConfig: one resolver per attribute group', () => {
  let leaf: SelfSigned;
  let other: SelfSigned;
  before(() => {
    leaf = selfSigned();
    other = selfSigned('other');
  });

  it('defaults: client, 1.2-1.3, every suite of each version and every group, Node roots, verification on', () => {
    const c = resolveTlsConfig({});
    expect(c.role).to.equal('client');
    expect([c.minVersion, c.maxVersion]).to.deep.equal(['TLSv1.2', 'TLSv1.3']);
    expect([c.tls13Suites.length, c.tls12Suites.length]).to.deep.equal([3, 6]);
    expect(c.groups).to.deep.equal(['X25519MLKEM768', 'x25519', 'secp256r1', 'secp384r1', 'SecP256r1MLKEM768']);
    expect(c.ca.length).to.be.greaterThan(50);
    expect(c.caFromUser).to.equal(false);
    expect(c.rejectUnauthorized).to.equal(true);
    expect(c.handshakeTimeoutMs).to.equal(30_000);
  });

  it('GSK ids: session type, protocol switches, cipher specs, timeout in seconds', () => {
    const c = resolveTlsConfig({
      GSK_SESSION_TYPE: 'GSK_SERVER_SESSION_WITH_CL_AUTH_CRITICAL',
      cert: leaf.cert,
      key: leaf.key,
      GSK_PROTOCOL_TLSV12: 'GSK_PROTOCOL_TLSV12_OFF',
      GSK_TLSV13_CIPHER_SPECS_EX: 'TLS_CHACHA20_POLY1305_SHA256,TLS_AES_256_GCM_SHA384',
      GSK_HANDSHAKE_TIMEOUT: 3,
    });
    expect(c.role).to.equal('server');
    expect(c.requestCert && c.rejectUnauthorized).to.equal(true);
    expect(c.minVersion).to.equal('TLSv1.3');
    expect(c.tls13Suites.map((s) => s.name)).to.deep.equal(['TLS_CHACHA20_POLY1305_SHA256', 'TLS_AES_256_GCM_SHA384']);
    expect(c.tls12Suites).to.deep.equal([]);
    expect(c.handshakeTimeoutMs).to.equal(3000);
  });

  it('suites are split per version once; a version outside the range gets none', () => {
    const c = resolveTlsConfig({ maxVersion: 'TLSv1.2', ciphers: 'ECDHE-RSA-AES128-GCM-SHA256', groups: 'P-256:X25519' });
    expect(c.tls13Suites).to.deep.equal([]);
    expect(c.tls12Suites.map((s) => s.name)).to.deep.equal(['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256']);
    expect(c.groups).to.deep.equal(['secp256r1', 'x25519']);
  });

  it('servername: a host name is SNI and the name to verify; an IP literal is verified and never sent; a server has neither', () => {
    expect(resolveSessionConfig({ servername: 'example.com' })).to.include({ sni: 'example.com', verifyName: 'example.com' });
    expect(resolveSessionConfig({ servername: '127.0.0.1' })).to.include({ sni: undefined, verifyName: '127.0.0.1' });
    expect(resolveSessionConfig({ GSK_SSL_EXTN_SERVERNAME_REQUEST: '::1' })).to.include({ sni: undefined, verifyName: '::1' });
    expect(resolveSessionConfig({ role: 'server', servername: 'example.com' })).to.include({ sni: undefined, verifyName: undefined });
  });

  it('rejects bad attributes with the GSK status GSKit gives them', () => {
    expect(status(() => resolveTlsConfig({ cipherSuites: 'TLS_RC4' }))).to.equal(GskStatus.GSK_ERROR_NO_CIPHERS);
    expect(status(() => resolveTlsConfig({ groups: ['ffdhe2048'] }))).to.equal(GskStatus.GSK_TLSPORT_ERROR_NO_SHARED_GROUP);
    expect(status(() => resolveTlsConfig({ minVersion: 'TLSv1.3', maxVersion: 'TLSv1.2' }))).to.equal(GskStatus.GSK_TLSPORT_ERROR_PROTOCOL_VERSION);
    expect(status(() => resolveTlsConfig({ role: 'server' }))).to.equal(GskStatus.GSK_ERROR_NO_CERTIFICATE);
    expect(status(() => resolveTlsConfig({ cert: leaf.cert }))).to.equal(GskStatus.GSK_ERROR_NO_PRIVATE_KEY);
    expect(status(() => resolveTlsConfig({ handshakeTimeoutMs: -1 }))).to.equal(GskStatus.GSK_ATTRIBUTE_INVALID_NUMERIC_VALUE);
    expect(status(() => resolveTlsConfig({ ca: 'not pem' }))).to.equal(GskStatus.GSK_ERROR_BAD_CERTIFICATE);
    expect(status(() => resolveTlsConfig({ ALPNProtocols: ['x'.repeat(256)] }))).to.equal(GskStatus.GSK_ATTRIBUTE_INVALID_LENGTH);
    expect(status(() => resolveTlsConfig({ role: 'server', cert: leaf.cert, key: other.key }))).to.equal(GskStatus.GSK_ERROR_NO_PRIVATE_KEY);
  });

  it('the context part depends only on context attributes; its key changes with any of them', () => {
    const base = { role: 'server' as const, cert: leaf.cert, key: leaf.key };
    const key = contextKey(resolveContextConfig(base));
    expect(contextKey(resolveContextConfig({ ...base, servername: 'x', ALPNProtocols: ['h2'], handshakeTimeoutMs: 5 }))).to.equal(key);
    for (const changed of [{ maxVersion: 'TLSv1.2' as const }, { groups: 'P-384' }, { cert: other.cert, key: other.key }, { sessionTickets: false }, { ca: leaf.cert }]) {
      expect(contextKey(resolveContextConfig({ ...base, ...changed })), JSON.stringify(Object.keys(changed))).to.not.equal(key);
    }
    // Every attribute is either a context attribute or a session one (read by the session resolver, or by the session itself: onSession).
    const sessionOnly = ATTRIBUTE_IDS.filter((id) => !CONTEXT_ATTRIBUTES.has(id));
    expect(sessionOnly).to.have.members(['servername', 'ALPNProtocols', 'requestCert', 'rejectUnauthorized', 'handshakeTimeoutMs', 'session', 'keylog', 'onSession', 'maxBufferedBytes', 'idleTimeoutMs', 'GSK_HANDSHAKE_TIMEOUT', 'GSK_SSL_EXTN_SERVERNAME_REQUEST', 'GSK_ALPN_PROTOCOLS']);
  });
});
