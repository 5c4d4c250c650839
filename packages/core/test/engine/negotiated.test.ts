import { X509Certificate } from 'node:crypto';
import { expect } from 'chai';
import { negotiatedFrom } from '../../src/engine/negotiated.js';
import type { HandshakeResult } from '../../src/engine/spi.js';
import { selfSigned } from '../helpers/selfSigned.js';

function result(peerCertificates: Uint8Array[], peerVerified: boolean): HandshakeResult {
  return { version: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', group: 'x25519', alpnProtocol: undefined, servername: undefined, resumed: false, peerCertificates, peerVerified };
}

describe('negotiatedFrom', () => {
  const first = new X509Certificate(selfSigned('first.example').cert);
  const second = new X509Certificate(selfSigned('second.example').cert);

  it('summarises the peer leaf; a leaf seen before (kept parsed) gives the same fields, with this handshake chain length and verdict', () => {
    const a = negotiatedFrom(result([first.raw], true), 1).peerCertificate;
    const b = negotiatedFrom(result([new Uint8Array(first.raw), second.raw], false), 2).peerCertificate;
    expect(a).to.deep.include({ subject: 'CN=first.example', fingerprint256: first.fingerprint256, chainLength: 1, verified: true });
    expect(b).to.deep.equal({ ...a, chainLength: 2, verified: false });
  });

  it('tells different leaves apart, and has no summary without a peer certificate', () => {
    negotiatedFrom(result([first.raw], true), 1);
    const other = negotiatedFrom(result([second.raw], true), 1).peerCertificate;
    expect(other).to.deep.include({ subject: 'CN=second.example', serialNumber: second.serialNumber, fingerprint256: second.fingerprint256 });
    expect(negotiatedFrom(result([], false), 1).peerCertificate).to.equal(undefined);
  });
});
