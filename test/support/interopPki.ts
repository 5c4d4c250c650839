import { TestCa, type Issued } from '@tlsport/testkit';

/** One PKI per interop file: ECDSA and RSA server certificates, a client certificate, and a CA nobody trusts. */
export interface InteropPki {
  ca: TestCa;
  ecdsa: Issued;
  rsa: Issued;
  client: Issued;
  /** A server certificate from a CA the clients do not trust. */
  stranger: Issued;
  dispose(): void;
}

export function interopPki(): InteropPki {
  const ca = TestCa.root({ cn: 'tlsport interop CA' });
  const other = TestCa.root({ cn: 'tlsport untrusted CA' });
  return {
    ca,
    ecdsa: ca.issue({ dns: ['localhost'], ips: ['127.0.0.1'] }),
    rsa: ca.issue({ keyType: 'rsa-2048', dns: ['localhost'], ips: ['127.0.0.1'] }),
    client: ca.issue({ cn: 'tlsport interop client', dns: ['client.test'], ips: [] }),
    stranger: other.issue({ dns: ['localhost'], ips: ['127.0.0.1'] }),
    dispose() {
      ca.dispose();
      other.dispose();
    },
  };
}
