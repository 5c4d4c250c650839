import { resolveTlsConfig, type EngineContext, type SecureAttributes, type TlsBackend, type TlsConfig } from '@tlsport/core';
import { nodeTlsBackend } from '@tlsport/backend-node-tls';
import { OpenSslBackend } from '@tlsport/backend-openssl';
import { pureBackend } from '@tlsport/backend-pure';
import { TestCa } from '@tlsport/testkit';

export const BACKENDS: Readonly<Record<string, TlsBackend>> = {
  'node-tls': nodeTlsBackend,
  openssl: new OpenSslBackend(),
  pure: pureBackend,
};

export type Role = 'client' | 'server';

/** Handshake shapes the fuzzer drives: each version, with and without a client certificate. */
export const VARIANTS = ['tls13', 'tls12', 'tls13-mtls', 'tls12-mtls'] as const;
export type Variant = (typeof VARIANTS)[number];

/** The trust anchor and the one leaf (server and client certificate) every fuzzed handshake uses. */
export interface FuzzPki {
  ca: { cert: string; dispose(): void };
  leaf: { chain: string; key: string };
}

/** One engine context per backend, role and variant, built once and shared by every input. */
export class Contexts {
  private readonly built = new Map<string, Promise<{ context: EngineContext; config: TlsConfig }>>();

  private constructor(
    private readonly ca: FuzzPki['ca'],
    private readonly leaf: FuzzPki['leaf'],
  ) {}

  /**
   * With `pki`, the certificates the corpus was recorded with (so a recorded server flight still
   * verifies); otherwise a fresh CA.
   */
  static create(pki?: FuzzPki): Contexts {
    if (pki !== undefined) return new Contexts(pki.ca, pki.leaf);
    const ca = TestCa.root({ cn: 'tlsport fuzz root' });
    const leaf = ca.issue({ dns: ['localhost'], ips: ['127.0.0.1'], notAfterDays: 3650 });
    return new Contexts({ cert: ca.cert, dispose: () => ca.dispose() }, { chain: leaf.chain, key: leaf.key });
  }

  get pki(): FuzzPki {
    return { ca: { cert: this.ca.cert, dispose: () => undefined }, leaf: this.leaf };
  }

  attributes(role: Role, variant: Variant): SecureAttributes {
    const version = variant.startsWith('tls13') ? 'TLSv1.3' : 'TLSv1.2';
    const mtls = variant.endsWith('-mtls');
    const common: SecureAttributes = { minVersion: version, maxVersion: version, handshakeTimeoutMs: 0 };
    if (role === 'server') {
      return { ...common, role: 'server', cert: this.leaf.chain, key: this.leaf.key, ...(mtls ? { requestCert: true, rejectUnauthorized: true, ca: this.ca.cert } : {}) };
    }
    return { ...common, role: 'client', ca: this.ca.cert, servername: 'localhost', ...(mtls ? { cert: this.leaf.chain, key: this.leaf.key } : {}) };
  }

  get(backend: string, role: Role, variant: Variant): Promise<{ context: EngineContext; config: TlsConfig }> {
    const key = `${backend}/${role}/${variant}`;
    let entry = this.built.get(key);
    if (entry === undefined) {
      const config = resolveTlsConfig(this.attributes(role, variant));
      entry = BACKENDS[backend]!.createContext(config).then((context) => ({ context, config }));
      this.built.set(key, entry);
    }
    return entry;
  }

  async dispose(): Promise<void> {
    for (const entry of this.built.values()) await (await entry).context.dispose();
    this.built.clear();
    this.ca.dispose();
  }
}
