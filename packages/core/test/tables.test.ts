import { expect } from 'chai';
import { GskStatus, gskStatusName, gskStrerror } from '../src/gsk/status.js';
import { GSK_BY_FAULT, ALERT_BY_FAULT, FAULT_BY_PEER_ALERT } from '../src/tls/faults.js';
import { TlsError } from '../src/tls/TlsError.js';
import { AlertDescription } from '../src/tls/alerts.js';
import { resolveTlsConfig } from '../src/attributes/resolveConfig.js';
import { GskError } from '../src/gsk/GskError.js';
import { selectCertificate } from '../src/engine/selectCertificate.js';
import { opensslGroupList, opensslHasHybridGroups } from '../src/tls/opensslGroups.js';

describe('GSK tables', () => {
  it("uses IBM's numbers", () => {
    expect(GskStatus.GSK_OK).to.equal(0);
    expect(GskStatus.GSK_INVALID_STATE).to.equal(5);
    expect(GskStatus.GSK_ERROR_BAD_DATE).to.equal(401);
    expect(GskStatus.GSK_ERROR_IO).to.equal(406);
    expect(GskStatus.GSK_ERROR_BAD_MAC).to.equal(411);
    expect(GskStatus.GSK_ERROR_SOCKET_CLOSED).to.equal(420);
    expect(GskStatus.GSK_WOULD_BLOCK).to.equal(502);
    expect(GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT).to.equal(6000);
    expect(GskStatus.GSK_IBMI_ERROR_CLOSED).to.equal(6004);
    expect(GskStatus.GSK_IBMI_ERROR_TIMED_OUT).to.equal(6011);
  });

  it('gskStrerror has text for every status and N/A otherwise', () => {
    for (const value of Object.values(GskStatus)) {
      if (typeof value === 'number') expect(gskStrerror(value), gskStatusName(value)).to.not.equal('N/A');
    }
    expect(gskStrerror(123456)).to.equal('N/A');
    expect(gskStatusName(411)).to.equal('GSK_ERROR_BAD_MAC');
  });

  it('maps every fault to a status, and peer alerts back to faults', () => {
    for (const [fault, status] of Object.entries(GSK_BY_FAULT)) expect(GskStatus[status], fault).to.be.a('string');
    expect(TlsError.fromPeerAlert(AlertDescription.unknown_ca).status).to.equal(GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT);
    expect(TlsError.fromPeerAlert(AlertDescription.bad_record_mac).fault).to.equal('bad-mac');
    expect(TlsError.fromPeerAlert(200).fault).to.equal('peer-alert');
    for (const fault of Object.values(FAULT_BY_PEER_ALERT)) expect(GSK_BY_FAULT[fault!]).to.be.a('number');
    expect(ALERT_BY_FAULT['bad-mac']).to.equal(AlertDescription.bad_record_mac);
  });

  it('TlsError message names the status, the detail and the alert', () => {
    const e = new TlsError('expired', 'leaf expired on 2020-01-01');
    expect(e.status).to.equal(GskStatus.GSK_ERROR_BAD_DATE);
    expect(e.message).to.match(/GSK_ERROR_BAD_DATE: leaf expired.*certificate_expired/);
  });
});

describe('resolveTlsConfig', () => {
  const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
  const key = '-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n';

  it('defaults: client, 1.2-1.3, every suite and group, Node roots, verification on', () => {
    const c = resolveTlsConfig({});
    expect(c.role).to.equal('client');
    expect([c.minVersion, c.maxVersion]).to.deep.equal(['TLSv1.2', 'TLSv1.3']);
    expect(c.cipherSuites).to.have.length(9);
    expect(c.groups).to.deep.equal(['X25519MLKEM768', 'x25519', 'secp256r1', 'secp384r1', 'SecP256r1MLKEM768']);
    expect(c.ca.length).to.be.greaterThan(50);
    expect(c.caFromUser).to.equal(false);
    expect(c.rejectUnauthorized).to.equal(true);
  });

  it('GSK ids: session type, protocol switches, cipher specs, timeout in seconds', () => {
    const c = resolveTlsConfig({
      GSK_SESSION_TYPE: 'GSK_SERVER_SESSION_WITH_CL_AUTH_CRITICAL',
      cert: pem,
      key,
      GSK_PROTOCOL_TLSV12: 'GSK_PROTOCOL_TLSV12_OFF',
      GSK_TLSV13_CIPHER_SPECS_EX: 'TLS_CHACHA20_POLY1305_SHA256,TLS_AES_256_GCM_SHA384',
      GSK_HANDSHAKE_TIMEOUT: 3,
    });
    expect(c.role).to.equal('server');
    expect(c.requestCert && c.rejectUnauthorized).to.equal(true);
    expect(c.minVersion).to.equal('TLSv1.3');
    expect(c.cipherSuites.map((s) => s.name)).to.deep.equal(['TLS_CHACHA20_POLY1305_SHA256', 'TLS_AES_256_GCM_SHA384']);
    expect(c.handshakeTimeoutMs).to.equal(3000);
  });

  it('accepts OpenSSL names for 1.2 suites and groups', () => {
    const c = resolveTlsConfig({ maxVersion: 'TLSv1.2', ciphers: 'ECDHE-RSA-AES128-GCM-SHA256', groups: 'P-256:X25519' });
    expect(c.cipherSuites.map((s) => s.name)).to.deep.equal(['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256']);
    expect(c.groups).to.deep.equal(['secp256r1', 'x25519']);
  });

  it('rejects bad attributes with the GSK status', () => {
    const status = (f: () => unknown): GskStatus => {
      try {
        f();
      } catch (e) {
        expect(e).to.be.instanceOf(GskError);
        return (e as GskError).status;
      }
      return expect.fail('must throw');
    };
    expect(status(() => resolveTlsConfig({ cipherSuites: 'TLS_RC4' }))).to.equal(GskStatus.GSK_ERROR_NO_CIPHERS);
    expect(status(() => resolveTlsConfig({ groups: ['ffdhe2048'] }))).to.equal(GskStatus.GSK_TLSPORT_ERROR_NO_SHARED_GROUP);
    expect(status(() => resolveTlsConfig({ minVersion: 'TLSv1.3', maxVersion: 'TLSv1.2' }))).to.equal(GskStatus.GSK_TLSPORT_ERROR_PROTOCOL_VERSION);
    expect(status(() => resolveTlsConfig({ role: 'server' }))).to.equal(GskStatus.GSK_ERROR_NO_CERTIFICATE);
    expect(status(() => resolveTlsConfig({ cert: pem }))).to.equal(GskStatus.GSK_ERROR_NO_PRIVATE_KEY);
    expect(status(() => resolveTlsConfig({ handshakeTimeoutMs: -1 }))).to.equal(GskStatus.GSK_ATTRIBUTE_INVALID_NUMERIC_VALUE);
    expect(status(() => resolveTlsConfig({ ca: 'not pem' }))).to.equal(GskStatus.GSK_ERROR_BAD_CERTIFICATE);
  });

  it('selectCertificate: exact, wildcard one label, default', () => {
    const a = { cert: pem, key: 'a' };
    const w = { cert: pem, key: 'w' };
    const d = { cert: pem, key: 'd' };
    const c = { ...resolveTlsConfig({ role: 'server', cert: pem, key }), certificate: d, sniCertificates: new Map([['api.example.com', a], ['*.example.com', w]]) };
    expect(selectCertificate(c, 'API.example.com')).to.equal(a);
    expect(selectCertificate(c, 'www.example.com')).to.equal(w);
    expect(selectCertificate(c, 'a.b.example.com')).to.equal(d);
    expect(selectCertificate(c, undefined)).to.equal(d);
  });
});

describe('opensslGroupList', () => {
  it('knows which OpenSSL has the hybrids', () => {
    expect(['3.0.19', '3.4.1', '3.5.0', '3.5.9+quic', '4.0.0'].map(opensslHasHybridGroups)).to.deep.equal([false, false, true, true, true]);
  });

  it('keeps the hybrids on OpenSSL 3.5, drops them before, and refuses a hybrid-only list there', () => {
    const all = ['X25519MLKEM768', 'x25519', 'secp256r1', 'SecP256r1MLKEM768'] as const;
    expect(opensslGroupList(all, '3.5.4', 'openssl')).to.equal('X25519MLKEM768:X25519:P-256:SecP256r1MLKEM768');
    expect(opensslGroupList(all, '3.0.19', 'openssl')).to.equal('X25519:P-256');
    expect(() => opensslGroupList(['X25519MLKEM768'], '3.0.19', 'node-tls')).to.throw(TlsError, /node-tls backend: this Node's OpenSSL 3.0.19 has no ML-KEM/);
  });
});
