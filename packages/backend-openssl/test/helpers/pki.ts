import { TestCa, type Issued } from '@tlsport/testkit';

/** The certificates most tests use, made once per test file. */
export interface Pki {
  readonly ca: TestCa;
  readonly ecdsa: Issued;
  readonly ecdsa384: Issued;
  readonly rsa: Issued;
  readonly ed25519: Issued;
  dispose(): void;
}

export function makePki(): Pki {
  const ca = TestCa.root();
  return {
    ca,
    ecdsa: ca.issue({ keyType: 'ec-p256' }),
    ecdsa384: ca.issue({ keyType: 'ec-p384', digest: 'sha384' }),
    rsa: ca.issue({ keyType: 'rsa-2048' }),
    ed25519: ca.issue({ keyType: 'ed25519' }),
    dispose: () => ca.dispose(),
  };
}

/** Server attributes for a certificate, and the client attributes that trust it. */
export function serverWith(cert: Issued): { cert: string; key: string } {
  return { cert: cert.chain, key: cert.key };
}
