import { groupByName, type GroupName } from '@tlsport/core/spi';
import { ProviderError, type KeyShare, type KeyShareResponse, type MlKem768, type MlKemKeyPair } from './provider.js';
import { concatBytes } from './bytes.js';
import { MLKEM768 } from './mlkemParams.js';

/**
 * How a hybrid group joins its two parts (draft-ietf-tls-ecdhe-mlkem §4.1): client share,
 * server share and shared secret are each the plain concatenation of the ECDHE part and the
 * ML-KEM part, in the same order. X25519MLKEM768 puts ML-KEM first, SecP256r1MLKEM768 the ECDHE
 * part first. Which ECDHE group a hybrid contains is core's GroupInfo.classical.
 */
interface HybridLayout {
  readonly classical: GroupName;
  /** Bytes of the ECDHE public key: X25519 32, an uncompressed P-256 point 65. */
  readonly classicalLength: number;
  readonly mlkemFirst: boolean;
}

const WIRE: Readonly<Partial<Record<GroupName, Omit<HybridLayout, 'classical'>>>> = {
  X25519MLKEM768: { classicalLength: 32, mlkemFirst: true },
  SecP256r1MLKEM768: { classicalLength: 65, mlkemFirst: false },
};

/** The layout of a hybrid group; undefined for a classic one. */
export function hybridLayout(group: GroupName): HybridLayout | undefined {
  const wire = WIRE[group];
  const classical = groupByName(group)?.classical;
  return wire === undefined || classical === undefined ? undefined : { ...wire, classical };
}

/**
 * A hybrid key share over one ECDHE share and ML-KEM-768. The client side owns an ML-KEM key pair,
 * made when its public key is first read (a server answering never needs one); the server side
 * encapsulates to the client's key. The ECDHE share's own checks (lengths, points, the all-zero
 * X25519 result) and ML-KEM's (lengths, modulus check) all apply.
 */
export class HybridKeyShare implements KeyShare {
  private pair: MlKemKeyPair | undefined;

  constructor(
    readonly group: GroupName,
    private readonly layout: HybridLayout,
    private readonly mlkem: MlKem768,
    /** The ECDHE half; a client may offer it on its own beside the hybrid (§4.1: one key may serve both). */
    readonly classical: KeyShare,
  ) {}

  get publicKey(): Uint8Array {
    this.pair ??= this.mlkem.generateKeyPair();
    return this.join(this.classical.publicKey, this.pair.encapsulationKey);
  }

  /** Client: the server's share is its ECDHE public key and the ML-KEM ciphertext. */
  agree(serverShare: Uint8Array): Uint8Array {
    if (this.pair === undefined) throw new ProviderError(`${this.group}: no key share was offered`);
    const [classical, ciphertext] = this.split(serverShare, MLKEM768.ciphertext);
    return this.joinSecrets(this.classical.agree(classical), this.pair.decapsulate(ciphertext));
  }

  /** Server: encapsulate to the client's ML-KEM key, agree on the ECDHE half. */
  respond(clientShare: Uint8Array): KeyShareResponse {
    const [classical, encapsulationKey] = this.split(clientShare, MLKEM768.encapsulationKey);
    const { ciphertext, sharedSecret } = this.mlkem.encapsulate(encapsulationKey);
    const ecdhe = this.classical.agree(classical);
    return { publicKey: this.join(this.classical.publicKey, ciphertext), sharedSecret: this.joinSecrets(ecdhe, sharedSecret) };
  }

  /** The 64-byte hybrid secret; the two halves are zeroed once copied. */
  private joinSecrets(ecdhe: Uint8Array, mlkem: Uint8Array): Uint8Array {
    const secret = this.join(ecdhe, mlkem);
    ecdhe.fill(0);
    mlkem.fill(0);
    return secret;
  }

  /** The two parts in the group's order. */
  private join(classical: Uint8Array, mlkem: Uint8Array): Uint8Array {
    return this.layout.mlkemFirst ? concatBytes(mlkem, classical) : concatBytes(classical, mlkem);
  }

  /** [ECDHE part, ML-KEM part] of a peer's share, whose length must be exact. */
  private split(share: Uint8Array, mlkemLength: number): [Uint8Array, Uint8Array] {
    const { classicalLength, mlkemFirst } = this.layout;
    if (share.length !== classicalLength + mlkemLength) {
      throw new ProviderError(`${this.group}: key share is ${share.length} bytes, expected ${classicalLength + mlkemLength}`);
    }
    const cut = mlkemFirst ? mlkemLength : classicalLength;
    const [first, second] = [share.subarray(0, cut), share.subarray(cut)];
    return mlkemFirst ? [second, first] : [first, second];
  }
}

/** A fresh hybrid share, from the provider's ECDHE share generator and its ML-KEM. */
export function generateHybridKeyShare(group: GroupName, mlkem: MlKem768, generateClassical: (group: GroupName) => KeyShare): KeyShare | undefined {
  const layout = hybridLayout(group);
  return layout === undefined ? undefined : new HybridKeyShare(group, layout, mlkem, generateClassical(layout.classical));
}
