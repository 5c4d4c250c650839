import { expect } from 'chai';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { GroupName } from '@tlsport/core';
import { NobleCryptoProvider, NodeCryptoProvider, ProviderError, SignatureScheme, defaultProvider, type CryptoProvider } from '../../src/crypto/index.js';

const PROVIDERS: readonly CryptoProvider[] = [new NodeCryptoProvider(), new NobleCryptoProvider()];
const ALL_SCHEMES = Object.values(SignatureScheme).filter((v): v is SignatureScheme => typeof v === 'number');
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

interface TestKey {
  readonly name: string;
  readonly pair: { privateKey: KeyObject; publicKey: KeyObject };
  readonly pemType: 'pkcs8' | 'pkcs1' | 'sec1';
  /** The schemes `supports` must list, exactly. */
  readonly supported: readonly SignatureScheme[];
  /** Further schemes sign/verify accept (ECDSA hashes over the key's own curve). */
  readonly alsoUsable: readonly SignatureScheme[];
}

const S = SignatureScheme;
const KEYS: readonly TestKey[] = [
  { name: 'P-256 (SEC1 PEM)', pair: generateKeyPairSync('ec', { namedCurve: 'P-256' }), pemType: 'sec1', supported: [S.ecdsa_secp256r1_sha256], alsoUsable: [S.ecdsa_secp384r1_sha384, S.ecdsa_secp521r1_sha512] },
  { name: 'P-384 (PKCS#8)', pair: generateKeyPairSync('ec', { namedCurve: 'P-384' }), pemType: 'pkcs8', supported: [S.ecdsa_secp384r1_sha384], alsoUsable: [S.ecdsa_secp256r1_sha256, S.ecdsa_secp521r1_sha512] },
  { name: 'RSA 2048 (PKCS#1 PEM)', pair: generateKeyPairSync('rsa', { modulusLength: 2048 }), pemType: 'pkcs1',
    supported: [S.rsa_pkcs1_sha256, S.rsa_pkcs1_sha384, S.rsa_pkcs1_sha512, S.rsa_pss_rsae_sha256, S.rsa_pss_rsae_sha384, S.rsa_pss_rsae_sha512], alsoUsable: [] },
  { name: 'RSASSA-PSS 2048', pair: generateKeyPairSync('rsa-pss', { modulusLength: 2048 }), pemType: 'pkcs8',
    supported: [S.rsa_pss_pss_sha256, S.rsa_pss_pss_sha384, S.rsa_pss_pss_sha512], alsoUsable: [] },
  { name: 'Ed25519', pair: generateKeyPairSync('ed25519'), pemType: 'pkcs8', supported: [S.ed25519], alsoUsable: [] },
];

describe('CryptoProvider contract', () => {
  it('defaultProvider is one shared node provider', () => {
    expect(defaultProvider()).to.equal(defaultProvider());
    expect(defaultProvider().name).to.equal('node');
  });

  for (const provider of PROVIDERS) {
    describe(`${provider.name} provider`, () => {
      it('hands out random bytes of the asked length, never the same ones twice, across pool refills', () => {
        const seen = new Set<string>();
        for (const length of [0, 1, 32, 255, 256, 257, 4096, 5000]) {
          for (let i = 0; i < 40; i++) {
            const random = provider.randomBytes(length);
            expect(random).to.be.instanceOf(Uint8Array).with.lengthOf(length);
            if (length >= 16) seen.add(Buffer.from(random).toString('hex'));
          }
        }
        expect(seen.size).to.equal(6 * 40);
        const block = provider.randomBytes(4096);
        expect(block.filter((b) => b === 0).length, 'zero bytes in 4 KiB').to.be.lessThan(64);
      });

      it('forks and snapshots hashes without disturbing the running state', () => {
        const running = provider.hash('sha384').update(bytes('ab'));
        const fork = running.fork().update(bytes('c'));
        expect(running.snapshot()).to.deep.equal(provider.digest('sha384', bytes('ab')));
        running.update(bytes('d'));
        expect(running.snapshot()).to.deep.equal(provider.digest('sha384', bytes('abd')));
        expect(fork.snapshot()).to.deep.equal(provider.digest('sha384', bytes('abc')));
      });

      it('refuses bad AEAD keys and nonces, and short sealed input', () => {
        expect(() => provider.aead('aes-128-gcm', new Uint8Array(32))).to.throw(ProviderError);
        const aead = provider.aead('chacha20-poly1305', new Uint8Array(32));
        expect(() => aead.seal(new Uint8Array(8), bytes('x'), new Uint8Array(0))).to.throw(ProviderError);
        expect(aead.open(new Uint8Array(12), new Uint8Array(15), new Uint8Array(0))).to.equal(null);
      });

      for (const group of ['x25519', 'secp256r1', 'secp384r1'] as const satisfies readonly GroupName[]) {
        it(`${group}: agrees with the other provider, and with an imported private key`, () => {
          for (const other of PROVIDERS) {
            const mine = provider.generateKeyShare(group);
            const theirs = other.generateKeyShare(group);
            expect(mine.agree(theirs.publicKey)).to.deep.equal(theirs.agree(mine.publicKey));
          }
          const length = group === 'secp384r1' ? 48 : 32;
          const scalar = new Uint8Array(length).fill(7);
          const imported = provider.importKeyShare(group, scalar);
          const again = PROVIDERS[0]!.importKeyShare(group, scalar);
          expect(imported.publicKey).to.deep.equal(again.publicKey);
          expect(() => provider.importKeyShare(group, scalar.subarray(1))).to.throw(ProviderError);
        });

        it(`${group}: rejects a peer key of the wrong length or off the curve`, () => {
          const share = provider.generateKeyShare(group);
          expect(() => share.agree(share.publicKey.subarray(1))).to.throw(ProviderError);
          const bad = Uint8Array.from(share.publicKey);
          if (group === 'x25519') {
            bad.fill(0); // the zero point: all-zero shared secret
          } else {
            bad[bad.length - 1]! ^= 1; // y no longer matches x
          }
          expect(() => share.agree(bad)).to.throw(ProviderError);
          const compressed = Uint8Array.from(share.publicKey.subarray(0, (share.publicKey.length + 1) / 2));
          compressed[0] = 0x02;
          if (group !== 'x25519') expect(() => share.agree(compressed)).to.throw(ProviderError);
        });
      }

      for (const key of KEYS) {
        it(`${key.name}: signs every scheme that fits, verifiable by both providers`, () => {
          const pem = key.pair.privateKey.export({ format: 'pem', type: key.pemType }) as string;
          const spki = key.pair.publicKey.export({ format: 'der', type: 'spki' });
          const privateKey = provider.importPrivateKey(pem);
          const data = bytes(`signed by ${key.name}`);
          expect(ALL_SCHEMES.filter((s) => privateKey.supports(s))).to.have.members([...key.supported]);
          for (const scheme of ALL_SCHEMES) {
            const usable = key.supported.includes(scheme) || key.alsoUsable.includes(scheme);
            if (!usable) {
              expect(() => privateKey.sign(scheme, data), `0x${scheme.toString(16)}`).to.throw(ProviderError);
              continue;
            }
            const signature = privateKey.sign(scheme, data);
            for (const verifier of PROVIDERS) {
              const publicKey = verifier.importPublicKey(spki);
              expect(publicKey.kind).to.equal(privateKey.kind);
              expect(publicKey.rsaBits).to.equal(privateKey.rsaBits);
              expect(publicKey.verify(scheme, data, signature), `${verifier.name} 0x${scheme.toString(16)}`).to.equal(true);
              expect(publicKey.verify(scheme, bytes('other data'), signature)).to.equal(false);
              expect(publicKey.verify(scheme, data, signature.subarray(1))).to.equal(false);
            }
          }
        });
      }

      it('imports PKCS#8 DER as well as PEM', () => {
        const der = KEYS[0]!.pair.privateKey.export({ format: 'der', type: 'pkcs8' });
        expect(provider.importPrivateKey(der).kind).to.equal('ec-p256');
      });

      it('refuses keys it cannot use with ProviderError', () => {
        const p521 = generateKeyPairSync('ec', { namedCurve: 'P-521' });
        expect(() => provider.importPublicKey(p521.publicKey.export({ format: 'der', type: 'spki' }))).to.throw(ProviderError);
        expect(() => provider.importPrivateKey(p521.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string)).to.throw(ProviderError);
        const encrypted = KEYS[0]!.pair.privateKey.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-128-cbc', passphrase: 'x' }) as string;
        expect(() => provider.importPrivateKey(encrypted)).to.throw(ProviderError);
        expect(() => provider.importPublicKey(Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x00))).to.throw(ProviderError);
        expect(() => provider.importPrivateKey('not a key')).to.throw(ProviderError);
      });
    });
  }
});

describe('RSA signature length (RFC 8017 §8.2.2: exactly k octets)', () => {
  it('a signature with a leading zero octet dropped is rejected by both providers', () => {
    const rsa = KEYS.find((k) => k.name.startsWith('RSA 2048'))!;
    const signer = new NodeCryptoProvider().importPrivateKey(rsa.pair.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string);
    const spki = rsa.pair.publicKey.export({ format: 'der', type: 'spki' });
    // About 1 signature in 256 starts with 0x00; OpenSSL alone would accept it one octet short.
    let data = bytes('');
    let signature: Uint8Array = new Uint8Array(0);
    for (let i = 0; signature[0] !== 0; i++) {
      data = bytes(`message ${i}`);
      signature = signer.sign(S.rsa_pkcs1_sha256, data);
    }
    for (const verifier of PROVIDERS) {
      const publicKey = verifier.importPublicKey(spki);
      expect(publicKey.verify(S.rsa_pkcs1_sha256, data, signature), verifier.name).to.equal(true);
      expect(publicKey.verify(S.rsa_pkcs1_sha256, data, signature.subarray(1)), verifier.name).to.equal(false);
    }
  });
});
