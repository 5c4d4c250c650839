import type { CryptoProvider } from '../crypto/provider.js';
import { concat, zero } from '../codec/bytes.js';
import { Tls12RecordCipher } from '../record/Tls12RecordCipher.js';
import { prf } from './prf.js';
import type { Tls12Suite } from './suite.js';

const MASTER_LENGTH = 48;
const VERIFY_DATA_LENGTH = 12;

/** The two directions' record protection, from the key block. */
export interface RecordKeys {
  readonly client: Tls12RecordCipher;
  readonly server: Tls12RecordCipher;
}

/**
 * The TLS 1.2 master secret and what derives from it: the key block (RFC 5246 §6.3) and Finished
 * verify_data (§7.4.9). It can only be made from a premaster secret (full handshake) or a stored
 * session (resumption), so no key can be derived before the key exchange.
 */
export class MasterSecret {
  private constructor(private readonly provider: CryptoProvider, readonly suite: Tls12Suite, readonly secret: Uint8Array) {}

  /**
   * RFC 7627 §4: master_secret = PRF(pre_master_secret, "extended master secret", session_hash),
   * session_hash being the transcript hash through ClientKeyExchange. Without EMS (only when the
   * configuration allows it): PRF(pre_master_secret, "master secret", client_random || server_random).
   */
  static derive(provider: CryptoProvider, suite: Tls12Suite, premaster: Uint8Array, ems: { sessionHash: Uint8Array } | { clientRandom: Uint8Array; serverRandom: Uint8Array }): MasterSecret {
    const secret = 'sessionHash' in ems
      ? prf(provider, suite.hash, premaster, 'extended master secret', ems.sessionHash, MASTER_LENGTH)
      : prf(provider, suite.hash, premaster, 'master secret', concat(ems.clientRandom, ems.serverRandom), MASTER_LENGTH);
    return new MasterSecret(provider, suite, secret);
  }

  /** A stored session's master secret (resumption); the copy is owned by the result. */
  static resume(provider: CryptoProvider, suite: Tls12Suite, secret: Uint8Array): MasterSecret {
    if (secret.length !== MASTER_LENGTH) throw new Error(`master secret of ${secret.length} bytes`);
    return new MasterSecret(provider, suite, Uint8Array.from(secret));
  }

  /** key_block = PRF(master, "key expansion", server_random || client_random): client key, server key, client IV, server IV. */
  recordKeys(clientRandom: Uint8Array, serverRandom: Uint8Array): RecordKeys {
    const s = this.suite;
    const block = prf(this.provider, s.hash, this.secret, 'key expansion', concat(serverRandom, clientRandom), 2 * (s.keyLength + s.ivLength));
    const clientKey = block.subarray(0, s.keyLength);
    const serverKey = block.subarray(s.keyLength, 2 * s.keyLength);
    const clientIv = block.slice(2 * s.keyLength, 2 * s.keyLength + s.ivLength);
    const serverIv = block.slice(2 * s.keyLength + s.ivLength);
    const keys = {
      client: new Tls12RecordCipher(this.provider.aead(s.aead, clientKey), clientIv, s.explicitNonce),
      server: new Tls12RecordCipher(this.provider.aead(s.aead, serverKey), serverIv, s.explicitNonce),
    };
    zero(block);
    return keys;
  }

  /** verify_data = PRF(master, finished_label, Hash(handshake_messages))[0..11]. */
  verifyData(sender: 'client' | 'server', transcriptHash: Uint8Array): Uint8Array {
    return prf(this.provider, this.suite.hash, this.secret, `${sender} finished`, transcriptHash, VERIFY_DATA_LENGTH);
  }

  /** RFC 5705 §4 keying material: PRF(master, label, client_random || server_random [|| uint16 length || context]). */
  exporter(clientRandom: Uint8Array, serverRandom: Uint8Array): Tls12Exporter {
    const secret = Uint8Array.from(this.secret);
    const { provider, suite } = this;
    return {
      export: (length, label, context) => {
        const seed = context === undefined
          ? concat(clientRandom, serverRandom)
          : concat(clientRandom, serverRandom, Uint8Array.of(context.length >> 8, context.length & 0xff), context);
        return prf(provider, suite.hash, secret, label, seed, length);
      },
      destroy: () => zero(secret),
    };
  }

  destroy(): void {
    zero(this.secret);
  }
}

/** Keying material of a TLS 1.2 connection, kept after its handshake context is gone. */
export interface Tls12Exporter {
  export(length: number, label: string, context: Uint8Array | undefined): Uint8Array;
  destroy(): void;
}

export { VERIFY_DATA_LENGTH };
