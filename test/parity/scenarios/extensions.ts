import type { Scenario } from '../types.js';
import { check, opensslSaw } from './expectations.js';

/** ALPN: the client offers h2 and http/1.1, the server only http/1.1; both must settle on http/1.1. */
const alpn: Scenario = {
  feature: 'ALPN',
  roles: ['client', 'server'],
  async run(run) {
    const client = { ALPNProtocols: ['h2', 'http/1.1'] };
    const server = { ALPNProtocols: ['http/1.1'] };
    const setup =
      run.role === 'client'
        ? { local: client, peer: server, openssl: ['-alpn', 'http/1.1'] }
        : { local: server, peer: client, openssl: ['-alpn', 'h2,http/1.1'] };
    const link = await run.connect(setup);
    const negotiated = await link.established();
    check(negotiated.alpnProtocol === 'http/1.1', `negotiated ALPN ${negotiated.alpnProtocol}`);
    await link.exchange();
    opensslSaw(link, run.role === 'client' ? /ALPN protocols selected: http\/1\.1/ : /ALPN protocol: http\/1\.1/, 'ALPN http/1.1');
  },
};

/**
 * SNI: the server holds a default certificate (localhost) and one for "sni.test"; a client asking
 * for sni.test must get, and verify, the sni.test certificate.
 */
const sni: Scenario = {
  feature: 'SNI certificate selection',
  roles: ['client', 'server'],
  async run(run) {
    const { sni: leaf } = run.pki;
    const client = { servername: 'sni.test' };
    const server = { sniCertificates: { 'sni.test': { cert: leaf.chain, key: leaf.key } } };
    const setup =
      run.role === 'client'
        ? { local: client, peer: server, openssl: ['-servername', 'sni.test', '-cert2', leaf.certFile, '-key2', leaf.keyFile] }
        : { local: server, peer: client, openssl: ['-servername', 'sni.test', '-verify_hostname', 'sni.test'] };
    const link = await run.connect(setup);
    const negotiated = await link.established();
    check(negotiated.servername === 'sni.test', `negotiated SNI ${negotiated.servername}`);
    if (run.role === 'client') check(negotiated.peerCertificate?.subject === 'CN=sni.test', `server certificate ${negotiated.peerCertificate?.subject}`);
    await link.exchange();
    opensslSaw(link, run.role === 'client' ? /Switching server context/ : /subject=CN = sni\.test/, 'the sni.test certificate');
  },
};

export const extensionScenarios: Scenario[] = [alpn, sni];
