import { expect } from 'chai';
import { TlsError, type TlsFault } from '@tlsport/core';
import { TestCa, selfSignedLeaf, type Issued, type LeafOptions } from '@tlsport/testkit';
import { NobleCryptoProvider, NodeCryptoProvider, type CryptoProvider } from '../../src/crypto/index.js';
import { TrustStore, pemToDer, verifyChain, type VerifyOptions } from '../../src/x509/index.js';
import { signWith } from './opensslSign.js';

const PROVIDERS: readonly CryptoProvider[] = [new NodeCryptoProvider(), new NobleCryptoProvider()];

/** Everything the cases need, made once with the openssl CLI and shared by both providers. */
interface Pki {
  readonly root: TestCa;
  readonly rsaRoot: TestCa;
  readonly edRoot: TestCa;
  readonly untrusted: TestCa;
  readonly intermediate: TestCa;
  readonly trust: TrustStore;
}

describe('verifyChain', function () {
  this.timeout(120_000);
  let pki: Pki;
  const issued = new Map<string, Issued>();

  before(() => {
    const root = TestCa.root();
    const rsaRoot = TestCa.root({ keyType: 'rsa-2048', digest: 'sha384', cn: 'tlsport RSA root' });
    const edRoot = TestCa.root({ keyType: 'ed25519', cn: 'tlsport Ed25519 root' });
    const untrusted = TestCa.root({ cn: 'untrusted root' });
    const intermediate = root.intermediate({ keyType: 'ec-p384', cn: 'tlsport P-384 intermediate' });
    pki = { root, rsaRoot, edRoot, untrusted, intermediate, trust: new TrustStore([root.cert, rsaRoot.cert, edRoot.cert]) };
  });

  after(() => {
    for (const ca of [pki.root, pki.rsaRoot, pki.edRoot, pki.untrusted]) ca.dispose();
  });

  /** One certificate per name, issued on first use so both providers check the same bytes. */
  function leaf(name: string, make: () => Issued): Issued {
    let cert = issued.get(name);
    if (cert === undefined) {
      cert = make();
      issued.set(name, cert);
    }
    return cert;
  }
  const fromRoot = (name: string, options: LeafOptions = {}): Issued => leaf(name, () => pki.root.issue(options));

  for (const provider of PROVIDERS) {
    describe(`${provider.name} provider`, () => {
      const verify = (chainPem: string | Uint8Array[], overrides: Partial<VerifyOptions> = {}): ReturnType<typeof verifyChain> =>
        verifyChain({
          chain: typeof chainPem === 'string' ? pemToDer(chainPem) : chainPem,
          trust: pki.trust, provider, now: new Date(), host: 'localhost', purpose: 'serverAuth', ...overrides,
        });
      /** The fault, and (where several checks share a fault) the detail naming the check that fired. */
      const expectFault = (fault: TlsFault, run: () => unknown, detail?: RegExp): void => {
        let caught: unknown;
        try {
          run();
        } catch (error) {
          caught = error;
        }
        expect(caught, `expected TlsError '${fault}'`).to.be.instanceOf(TlsError);
        expect((caught as TlsError).fault, (caught as TlsError).message).to.equal(fault);
        if (detail !== undefined) expect((caught as TlsError).detail).to.match(detail);
      };

      describe('accepts', () => {
        for (const keyType of ['ec-p256', 'ec-p384', 'rsa-2048', 'ed25519'] as const) {
          it(`a ${keyType} leaf signed by a P-256 root`, () => {
            const cert = fromRoot(`leaf-${keyType}`, { keyType });
            expect(verify(cert.chain).subject.text).to.equal('CN=localhost');
          });
        }

        it('ecdsa-with-SHA384 from a P-256 root', () => {
          expect(verify(fromRoot('sha384', { digest: 'sha384' }).chain).signatureAlgorithm).to.include({ name: 'ecdsa-with-SHA384' });
        });

        it('sha384WithRSAEncryption from an RSA root', () => {
          const cert = leaf('rsa-root', () => pki.rsaRoot.issue({ digest: 'sha384' }));
          expect(verify(cert.chain).signatureAlgorithm).to.include({ name: 'sha384WithRSAEncryption' });
        });

        it('RSASSA-PSS from an RSA root', () => {
          const cert = leaf('pss', () => signWith(pki.rsaRoot, pki.rsaRoot.dir, { name: 'pss-leaf', dns: 'localhost', pss: true }));
          expect(verify(cert.chain).signatureAlgorithm).to.include({ name: 'RSASSA-PSS with sha256' });
        });

        it('Ed25519 from an Ed25519 root', () => {
          const cert = leaf('ed-root', () => pki.edRoot.issue());
          expect(verify(cert.chain).signatureAlgorithm).to.include({ name: 'Ed25519' });
        });

        it('a chain through an intermediate, sent in any order with the root included', () => {
          const cert = leaf('via-intermediate', () => pki.intermediate.issue({ keyType: 'rsa-2048' }));
          const [leafDer, intermediate, root] = pemToDer(cert.chain);
          expect(verify([leafDer!, root!, intermediate!]).issuer.text).to.equal('CN=tlsport P-384 intermediate');
          expect(() => verify([leafDer!, intermediate!])).not.to.throw();
        });

        it('two intermediates within their path lengths, shuffled', () => {
          const cert = leaf('two-intermediates', () => pki.root.intermediate({ pathLen: 1, cn: 'outer' }).intermediate({ pathLen: 0, cn: 'inner' }).issue());
          const [leafDer, inner, outer] = pemToDer(cert.chain);
          expect(verify([leafDer!, outer!, inner!]).issuer.text).to.equal('CN=inner');
        });

        it('a self-signed leaf that is itself trusted', () => {
          const cert = leaf('trusted-self', () => selfSignedLeaf(pki.root.dir));
          expect(verify(cert.chain, { trust: new TrustStore([cert.cert]) }).subject.text).to.equal('CN=localhost');
        });

        it('an IPv4 and an IPv6 literal in iPAddress, and a client certificate for clientAuth', () => {
          const cert = fromRoot('ips', { ips: ['127.0.0.1', '::1'], eku: 'clientAuth' });
          expect(() => verify(cert.chain, { host: '::1', purpose: 'clientAuth' })).not.to.throw();
          expect(() => verify(cert.chain, { host: '127.0.0.1', purpose: 'clientAuth' })).not.to.throw();
          expect(() => verify(cert.chain, { host: undefined, purpose: 'clientAuth' })).not.to.throw();
        });
      });

      describe('rejects', () => {
        it("a leaf from an untrusted root: 'unknown-ca'", () => {
          expectFault('unknown-ca', () => verify(leaf('untrusted', () => pki.untrusted.issue()).chain));
        });

        it("an untrusted root sent along in the chain: 'unknown-ca'", () => {
          const cert = leaf('untrusted', () => pki.untrusted.issue());
          expectFault('unknown-ca', () => verify(cert.chain + pki.untrusted.cert), /untrusted root/);
        });

        it("a chain missing its intermediate: 'unknown-ca'", () => {
          const cert = leaf('via-intermediate', () => pki.intermediate.issue({ keyType: 'rsa-2048' }));
          expectFault('unknown-ca', () => verify(cert.cert));
        });

        it("an untrusted self-signed leaf: 'self-signed'", () => {
          expectFault('self-signed', () => verify(leaf('self', () => selfSignedLeaf(pki.root.dir)).chain));
        });

        it("an expired leaf: 'expired'", () => {
          expectFault('expired', () => verify(fromRoot('expired', { notBeforeDays: -30, notAfterDays: -1 }).chain));
        });

        it("a leaf not yet valid: 'not-yet-valid'", () => {
          expectFault('not-yet-valid', () => verify(fromRoot('future', { notBeforeDays: 2, notAfterDays: 30 }).chain));
        });

        it("a DNS name, an IP or a wildcard depth the certificate does not cover: 'hostname-mismatch'", () => {
          const cert = fromRoot('names', { dns: ['*.example.com'], ips: ['10.0.0.1'] });
          expectFault('hostname-mismatch', () => verify(cert.chain, { host: 'example.org' }));
          expectFault('hostname-mismatch', () => verify(cert.chain, { host: 'a.b.example.com' }));
          expectFault('hostname-mismatch', () => verify(cert.chain, { host: '10.0.0.2' }));
          expectFault('hostname-mismatch', () => verify(cert.chain, { host: 'localhost' }));
          expect(() => verify(cert.chain, { host: 'API.Example.COM.' })).not.to.throw();
        });

        it('a chain that verified before is judged again in full (signatures are what the caches skip)', () => {
          const cert = leaf('via-intermediate', () => pki.intermediate.issue({ keyType: 'rsa-2048' }));
          expect(() => verify(cert.chain)).not.to.throw();
          expectFault('expired', () => verify(cert.chain, { now: new Date(Date.now() + 100 * 365 * 86_400_000) }));
          expectFault('unknown-ca', () => verify(cert.chain, { trust: new TrustStore([pki.rsaRoot.cert]) }));
          expectFault('hostname-mismatch', () => verify(cert.chain, { host: 'example.org' }));
          expect(() => verify(cert.chain)).not.to.throw();
        });

        it("a tampered signature: 'bad-signature'", () => {
          const [leafDer, ...rest] = pemToDer(fromRoot('leaf-ec-p256', { keyType: 'ec-p256' }).chain);
          const tampered = Uint8Array.from(leafDer!);
          tampered[tampered.length - 1]! ^= 0x01;
          expectFault('bad-signature', () => verify([tampered, ...rest]));
        });

        it("a CA:FALSE certificate acting as an intermediate: 'bad-certificate'", () => {
          const notCa = fromRoot('not-a-ca');
          const cert = leaf('under-leaf', () => signWith(notCa, pki.root.dir, { name: 'under-leaf', dns: 'localhost' }));
          expectFault('bad-certificate', () => verify(cert.chain), /is not a CA/);
        });

        it("a path longer than an intermediate's pathLen allows: 'bad-certificate'", () => {
          const cert = leaf('pathlen', () => pki.root.intermediate({ pathLen: 0, cn: 'pathlen 0' }).intermediate({ cn: 'one too many' }).issue());
          expectFault('bad-certificate', () => verify(cert.chain), /allows 0 intermediates/);
        });

        it("a malformed leaf: 'bad-certificate'; a malformed certificate the path does not use is ignored", () => {
          const [leafDer, ...rest] = pemToDer(fromRoot('leaf-ec-p256', { keyType: 'ec-p256' }).chain);
          expectFault('bad-certificate', () => verify([leafDer!.subarray(0, 100), ...rest]), /runs past the end/);
          expect(verify([leafDer!, Uint8Array.of(0x30, 0x00)]).subject.text).to.equal('CN=localhost');
        });

        it("an RSA key below 2048 bits: 'bad-certificate'", () => {
          expectFault('bad-certificate', () => verify(fromRoot('rsa-1024', { keyType: 'rsa-1024' }).chain), /1024-bit RSA/);
        });

        it("a SHA-1 signature: 'bad-certificate'", () => {
          expectFault('bad-certificate', () => verify(fromRoot('sha1', { digest: 'sha1' }).chain), /SHA-1/);
        });

        it("a leaf whose extendedKeyUsage excludes the purpose: 'key-usage'", () => {
          expectFault('key-usage', () => verify(fromRoot('client-only', { eku: 'clientAuth' }).chain));
          expectFault('key-usage', () => verify(fromRoot('server-only', { eku: 'serverAuth' }).chain, { purpose: 'clientAuth' }));
        });

        it("an empty chain: 'no-certificate'", () => {
          expectFault('no-certificate', () => verify([]));
        });
      });
    });
  }
});
