import { TestCa } from '@tlsport/testkit';

/** Which server certificate a handshake uses. */
export type CertKind = 'ecdsa' | 'rsa';

/** The PEMs of a BenchPki, as handed to child processes. */
export interface BenchPems {
  readonly ca: Record<CertKind, string>;
  readonly server: Record<CertKind, { cert: string; key: string }>;
}

/**
 * The certificates every contender uses: an ECDSA P-256 chain and an RSA-2048 chain, each a
 * root CA plus a leaf for "localhost", so every server does the same signing and every client the
 * same verification.
 */
export class BenchPki {
  private constructor(
    readonly pems: BenchPems,
    private readonly cleanup: () => void,
  ) {}

  /** Fresh keys and certificates (openssl CLI, in a temp directory removed by dispose()). */
  static create(): BenchPki {
    const ecdsa = TestCa.root({ keyType: 'ec-p256', cn: 'tlsport bench ECDSA root' });
    const rsa = TestCa.root({ keyType: 'rsa-2048', cn: 'tlsport bench RSA root' });
    const leaf = { ecdsa: ecdsa.issue({ keyType: 'ec-p256' }), rsa: rsa.issue({ keyType: 'rsa-2048' }) };
    const pems: BenchPems = {
      ca: { ecdsa: ecdsa.cert, rsa: rsa.cert },
      server: { ecdsa: { cert: leaf.ecdsa.chain, key: leaf.ecdsa.key }, rsa: { cert: leaf.rsa.chain, key: leaf.rsa.key } },
    };
    return new BenchPki(pems, () => {
      ecdsa.dispose();
      rsa.dispose();
    });
  }

  /** The same certificates in another process. */
  static from(pems: BenchPems): BenchPki {
    return new BenchPki(pems, () => undefined);
  }

  /** The trust anchor a client needs for `kind`'s server certificate. */
  ca(kind: CertKind): string {
    return this.pems.ca[kind];
  }

  /** The server's chain (leaf first) and key. */
  server(kind: CertKind): { cert: string; key: string } {
    return this.pems.server[kind];
  }

  dispose(): void {
    this.cleanup();
  }
}
