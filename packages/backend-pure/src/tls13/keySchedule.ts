import type { CryptoProvider, HashName } from '../crypto/provider.js';
import { utf8, zero } from '../codec/bytes.js';
import type { Suite } from './suite.js';

/**
 * The TLS 1.3 key schedule, RFC 8446 §7.1, staged by type: handshake secrets exist only on a
 * HandshakeSecret, which exists only once an EarlySecret has absorbed the (EC)DHE output, and
 * so on. One function per derivation in the RFC's diagram.
 */

/** "tls13 " + label, encoded once per label (the labels are this file's constants), read only. */
const FULL_LABELS = new Map<string, Uint8Array>();

function fullLabelOf(label: string): Uint8Array {
  let bytes = FULL_LABELS.get(label);
  if (bytes === undefined) FULL_LABELS.set(label, (bytes = utf8(`tls13 ${label}`)));
  return bytes;
}

/** HKDF-Expand-Label (§7.1); HkdfLabel written by hand: it runs a dozen times per handshake. */
export function hkdfExpandLabel(p: CryptoProvider, hash: HashName, secret: Uint8Array, label: string, context: Uint8Array, length: number): Uint8Array {
  const fullLabel = fullLabelOf(label);
  if (fullLabel.length > 255 || context.length > 255) throw new RangeError(`HkdfLabel: label of ${fullLabel.length} or context of ${context.length} bytes exceeds 255`);
  const info = new Uint8Array(4 + fullLabel.length + context.length);
  info[0] = (length >>> 8) & 0xff;
  info[1] = length & 0xff;
  info[2] = fullLabel.length;
  info.set(fullLabel, 3);
  info[3 + fullLabel.length] = context.length;
  info.set(context, 4 + fullLabel.length);
  return p.hkdfExpand(hash, secret, info, length);
}

/** Derive-Secret(Secret, Label, Messages) with the transcript hash already computed (§7.1). */
export function deriveSecret(p: CryptoProvider, suite: Suite, secret: Uint8Array, label: string, transcriptHash: Uint8Array): Uint8Array {
  return hkdfExpandLabel(p, suite.hash, secret, label, transcriptHash, suite.hashLength);
}

/**
 * TLS-Exporter(label, context_value, key_length) (§7.5): HKDF-Expand-Label(Derive-Secret(exporter
 * master secret, label, ""), "exporter", Hash(context_value), key_length); no context hashes as empty.
 */
export function exportKeyingMaterial(p: CryptoProvider, suite: Suite, exporterSecret: Uint8Array, label: string, context: Uint8Array | undefined, length: number): Uint8Array {
  const secret = deriveSecret(p, suite, exporterSecret, label, emptyHash(p, suite));
  const material = hkdfExpandLabel(p, suite.hash, secret, 'exporter', p.digest(suite.hash, context ?? new Uint8Array(0)), length);
  secret.fill(0);
  return material;
}

function emptyHash(p: CryptoProvider, suite: Suite): Uint8Array {
  return p.digest(suite.hash, new Uint8Array(0));
}

abstract class Stage {
  constructor(protected readonly p: CryptoProvider, readonly suite: Suite, readonly secret: Uint8Array) {}

  /** Derive-Secret(., "derived", "") that salts the next extraction. */
  protected derived(): Uint8Array {
    return deriveSecret(this.p, this.suite, this.secret, 'derived', emptyHash(this.p, this.suite));
  }

  destroy(): void {
    zero(this.secret);
  }
}

export class EarlySecret extends Stage {
  /** Early Secret = HKDF-Extract(0, PSK or zeros). */
  static extract(p: CryptoProvider, suite: Suite, psk?: Uint8Array): EarlySecret {
    const ikm = psk ?? new Uint8Array(suite.hashLength);
    return new EarlySecret(p, suite, p.hkdfExtract(suite.hash, new Uint8Array(suite.hashLength), ikm));
  }

  /** binder_key: "res binder" for resumption PSKs (§7.1). */
  resumptionBinderKey(): Uint8Array {
    return deriveSecret(this.p, this.suite, this.secret, 'res binder', emptyHash(this.p, this.suite));
  }

  /** Handshake Secret = HKDF-Extract(Derive-Secret(early, "derived", ""), (EC)DHE). */
  handshakeSecret(sharedSecret: Uint8Array): HandshakeSecret {
    const salt = this.derived();
    const secret = this.p.hkdfExtract(this.suite.hash, salt, sharedSecret);
    zero(salt);
    return new HandshakeSecret(this.p, this.suite, secret);
  }
}

export class HandshakeSecret extends Stage {
  /** client_handshake_traffic_secret over ClientHello..ServerHello. */
  clientTrafficSecret(transcriptHash: Uint8Array): Uint8Array {
    return deriveSecret(this.p, this.suite, this.secret, 'c hs traffic', transcriptHash);
  }

  serverTrafficSecret(transcriptHash: Uint8Array): Uint8Array {
    return deriveSecret(this.p, this.suite, this.secret, 's hs traffic', transcriptHash);
  }

  /** Master Secret = HKDF-Extract(Derive-Secret(handshake, "derived", ""), 0). */
  masterSecret(): MasterSecret {
    const salt = this.derived();
    const secret = this.p.hkdfExtract(this.suite.hash, salt, new Uint8Array(this.suite.hashLength));
    zero(salt);
    return new MasterSecret(this.p, this.suite, secret);
  }
}

export class MasterSecret extends Stage {
  /** client_application_traffic_secret_0 over ClientHello..server Finished. */
  clientTrafficSecret(transcriptHash: Uint8Array): Uint8Array {
    return deriveSecret(this.p, this.suite, this.secret, 'c ap traffic', transcriptHash);
  }

  serverTrafficSecret(transcriptHash: Uint8Array): Uint8Array {
    return deriveSecret(this.p, this.suite, this.secret, 's ap traffic', transcriptHash);
  }

  exporterSecret(transcriptHash: Uint8Array): Uint8Array {
    return deriveSecret(this.p, this.suite, this.secret, 'exp master', transcriptHash);
  }

  /** resumption_master_secret over ClientHello..client Finished. */
  resumptionSecret(transcriptHash: Uint8Array): Uint8Array {
    return deriveSecret(this.p, this.suite, this.secret, 'res master', transcriptHash);
  }
}

/** verify_data = HMAC(finished_key, transcript hash), finished_key from a traffic or binder key (§4.4.4). */
export function finishedVerifyData(p: CryptoProvider, suite: Suite, baseKey: Uint8Array, transcriptHash: Uint8Array): Uint8Array {
  const finishedKey = hkdfExpandLabel(p, suite.hash, baseKey, 'finished', new Uint8Array(0), suite.hashLength);
  const mac = p.hmac(suite.hash, finishedKey, transcriptHash);
  zero(finishedKey);
  return mac;
}

/** [sender]_write_key and [sender]_write_iv from a traffic secret (§7.3). */
export function trafficKeys(p: CryptoProvider, suite: Suite, secret: Uint8Array): { key: Uint8Array; iv: Uint8Array } {
  return {
    key: hkdfExpandLabel(p, suite.hash, secret, 'key', new Uint8Array(0), suite.keyLength),
    iv: hkdfExpandLabel(p, suite.hash, secret, 'iv', new Uint8Array(0), 12),
  };
}

/** application_traffic_secret_N+1 (§7.2). */
export function nextTrafficSecret(p: CryptoProvider, suite: Suite, secret: Uint8Array): Uint8Array {
  return hkdfExpandLabel(p, suite.hash, secret, 'traffic upd', new Uint8Array(0), suite.hashLength);
}

/** The PSK a ticket stands for (§4.6.1). */
export function resumptionPsk(p: CryptoProvider, suite: Suite, resumptionSecret: Uint8Array, nonce: Uint8Array): Uint8Array {
  return hkdfExpandLabel(p, suite.hash, resumptionSecret, 'resumption', nonce, suite.hashLength);
}
