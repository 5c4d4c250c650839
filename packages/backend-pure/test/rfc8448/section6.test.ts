import { expect } from 'chai';
import { suiteByName } from '@tlsport/core';
import { toHex } from '../../src/codec/bytes.js';
import { parseCertificate } from '../../src/handshake/certificate.js';
import { parseCertificateRequest } from '../../src/handshake/certificateRequest.js';
import { parseCertificateVerify } from '../../src/handshake/certificateVerify.js';
import { Transcript } from '../../src/handshake/transcript.js';
import { EarlySecret, finishedVerifyData } from '../../src/tls13/keySchedule.js';
import { verifyCertificateVerify } from '../../src/tls13/signatures.js';
import { tls13Suite } from '../../src/tls13/suite.js';
import { parseCertificate as parseX509 } from '../../src/x509/index.js';
import { Trace } from '../helpers/rfc8448.js';
import { provider } from '../helpers/replay.js';

const t = new Trace('6 Client Authentication');
const suite = tls13Suite(suiteByName('TLS_AES_128_GCM_SHA256')!);
const body = (m: Uint8Array): Uint8Array => m.subarray(4);
const keyOf = (certificateMessage: Uint8Array) => provider.importPublicKey(parseX509(parseCertificate(body(certificateMessage)).chain[0]!).spki);

describe('RFC 8448 §6 client authentication', () => {
  it('CertificateRequest parses; both RSA-PSS CertificateVerify signatures verify; every secret and both Finished match', () => {
    const tr = new Transcript(provider);
    tr.select('sha256');
    tr.add(t.field('client', 'construct a ClientHello', 'ClientHello'));
    tr.add(t.field('server', 'construct a ServerHello', 'ServerHello'));
    const th = tr.current();
    const shared = provider.importKeyShare('x25519', t.field('client', 'create an ephemeral x25519', 'private key')).agree(t.field('server', 'create an ephemeral x25519', 'public key'));
    const hs = EarlySecret.extract(provider, suite).handshakeSecret(shared);
    expect(toHex(hs.secret)).to.equal(toHex(t.field('server', 'extract secret "handshake"', 'secret')));
    const chts = hs.clientTrafficSecret(th);
    const shts = hs.serverTrafficSecret(th);
    expect(toHex(chts)).to.equal(toHex(t.field('server', 'derive secret "tls13 c hs traffic"', 'expanded')));
    expect(toHex(shts)).to.equal(toHex(t.field('server', 'derive secret "tls13 s hs traffic"', 'expanded')));

    tr.add(t.field('server', 'construct an EncryptedExtensions', 'EncryptedExtensions'));
    const cr = t.field('server', 'construct a CertificateRequest', 'CertificateRequest');
    expect(parseCertificateRequest(body(cr)).signatureSchemes).to.include(0x0804);
    tr.add(cr);
    const serverCert = t.field('server', 'construct a Certificate', 'Certificate');
    tr.add(serverCert);
    const serverCv = parseCertificateVerify(body(t.field('server', 'construct a CertificateVerify', 'CertificateVerify')));
    verifyCertificateVerify(keyOf(serverCert), serverCv.scheme, serverCv.signature, 'server', tr.current());
    tr.add(t.field('server', 'construct a CertificateVerify', 'CertificateVerify'));
    expect(toHex(finishedVerifyData(provider, suite, shts, tr.current()))).to.equal(toHex(t.field('server', 'calculate finished', 'finished')));
    tr.add(t.field('server', 'construct a Finished', 'Finished'));
    const master = hs.masterSecret();
    const thServer = tr.current();
    expect(toHex(master.clientTrafficSecret(thServer))).to.equal(toHex(t.field('server', 'derive secret "tls13 c ap traffic"', 'expanded')));
    expect(toHex(master.serverTrafficSecret(thServer))).to.equal(toHex(t.field('server', 'derive secret "tls13 s ap traffic"', 'expanded')));

    const clientCert = t.field('client', 'construct a Certificate', 'Certificate');
    tr.add(clientCert);
    const clientCvMsg = t.field('client', 'construct a CertificateVerify', 'CertificateVerify');
    const clientCv = parseCertificateVerify(body(clientCvMsg));
    verifyCertificateVerify(keyOf(clientCert), clientCv.scheme, clientCv.signature, 'client', tr.current());
    // The same signature must not verify as a server signature (the context string differs).
    expect(() => verifyCertificateVerify(keyOf(clientCert), clientCv.scheme, clientCv.signature, 'server', tr.current())).to.throw(/does not verify/);
    tr.add(clientCvMsg);
    expect(toHex(finishedVerifyData(provider, suite, chts, tr.current()))).to.equal(toHex(t.field('client', 'calculate finished', 'finished')));
    tr.add(t.field('client', 'construct a Finished', 'Finished'));
    expect(toHex(master.resumptionSecret(tr.current()))).to.equal(toHex(t.field('client', 'derive secret "tls13 res master"', 'expanded')));
  });
});
