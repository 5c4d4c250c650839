import { expect } from 'chai';
import { ml_kem768 } from '@noble/post-quantum/ml-kem.js';
import { NobleCryptoProvider, NodeCryptoProvider, ProviderError, type CryptoProvider } from '../../src/crypto/index.js';
import { HybridKeyShare } from '../../src/crypto/hybridKeyShare.js';

const PROVIDERS: readonly CryptoProvider[] = [new NodeCryptoProvider(), new NobleCryptoProvider()];

/** Where each part sits in the shares and the secret (draft-ietf-tls-ecdhe-mlkem §4.1). */
const LAYOUTS = [
  { group: 'X25519MLKEM768', classical: 'x25519', client: 1216, server: 1120, mlkemFirst: true, classicalLength: 32 },
  { group: 'SecP256r1MLKEM768', classical: 'secp256r1', client: 1249, server: 1153, mlkemFirst: false, classicalLength: 65 },
] as const;

describe('hybrid key shares (ECDHE + ML-KEM-768)', () => {
  for (const layout of LAYOUTS) {
    describe(layout.group, () => {
      for (const [client, server] of [[PROVIDERS[0]!, PROVIDERS[1]!], [PROVIDERS[1]!, PROVIDERS[0]!]] as const) {
        it(`${client.name} client with ${server.name} server: sizes, part order and one 64-byte secret`, () => {
          const offer = client.generateKeyShare(layout.group) as HybridKeyShare;
          expect(offer).to.be.instanceOf(HybridKeyShare);
          const share = offer.publicKey;
          expect(share.length).to.equal(layout.client);
          const classicalPart = layout.mlkemFirst ? share.subarray(1184) : share.subarray(0, layout.classicalLength);
          expect(classicalPart).to.deep.equal(offer.classical.publicKey);
          const answer = server.generateKeyShare(layout.group).respond(share);
          expect(answer.publicKey.length).to.equal(layout.server);
          expect(answer.sharedSecret.length).to.equal(64);
          const secret = offer.agree(answer.publicKey);
          expect(secret).to.deep.equal(answer.sharedSecret);
          // The ECDHE secret sits where the layout says: recompute it from the classical halves.
          const serverClassical = layout.mlkemFirst ? answer.publicKey.subarray(1088) : answer.publicKey.subarray(0, layout.classicalLength);
          const ecdhe = offer.classical.agree(serverClassical);
          expect(layout.mlkemFirst ? secret.subarray(32) : secret.subarray(0, 32)).to.deep.equal(ecdhe);
        });
      }

      for (const provider of PROVIDERS) {
        it(`${provider.name}: refuses shares of the wrong length and an encapsulation key failing the modulus check`, () => {
          const offer = provider.generateKeyShare(layout.group);
          const share = offer.publicKey;
          const responder = provider.generateKeyShare(layout.group);
          expect(() => responder.respond(share.subarray(1))).to.throw(ProviderError, /bytes, expected/);
          expect(() => responder.respond(Uint8Array.from([...share, 0]))).to.throw(ProviderError, /bytes, expected/);
          expect(() => offer.agree(new Uint8Array(layout.server - 1))).to.throw(ProviderError, /bytes, expected/);
          // A first coefficient of 0xfff >= q = 3329 (FIPS 203 §7.2 modulus check).
          const unreduced = Uint8Array.from(share);
          const ekStart = layout.mlkemFirst ? 0 : layout.classicalLength;
          unreduced[ekStart] = 0xff;
          unreduced[ekStart + 1]! |= 0x0f;
          expect(() => responder.respond(unreduced)).to.throw(ProviderError, /modulus/);
        });

        it(`${provider.name}: a corrupted ciphertext is implicitly rejected (a different secret, no error)`, () => {
          const offer = provider.generateKeyShare(layout.group);
          const answer = provider.generateKeyShare(layout.group).respond(offer.publicKey);
          const corrupted = Uint8Array.from(answer.publicKey);
          corrupted[layout.mlkemFirst ? 0 : layout.classicalLength]! ^= 1;
          expect(offer.agree(corrupted)).to.not.deep.equal(answer.sharedSecret);
        });
      }
    });
  }

  for (const provider of PROVIDERS) {
    it(`${provider.name}: X25519MLKEM768 still refuses a low-order X25519 point (all-zero secret, RFC 8446 §7.4.2)`, () => {
      const ek = ml_kem768.keygen().publicKey;
      const clientShare = Uint8Array.from([...ek, ...new Uint8Array(32)]);
      expect(() => provider.generateKeyShare('X25519MLKEM768').respond(clientShare)).to.throw(ProviderError, /x25519/);
    });

    it(`${provider.name}: agree before the share was offered is an error, not a secret`, () => {
      expect(() => provider.generateKeyShare('X25519MLKEM768').agree(new Uint8Array(1120))).to.throw(ProviderError, /no key share/);
    });
  }
});
