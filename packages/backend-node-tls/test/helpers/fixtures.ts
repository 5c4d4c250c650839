import { EnginePair, TestCa, type EnginePairOptions } from '@tlsport/testkit';
import type { SecureAttributes } from '@tlsport/core';
import { nodeTlsBackend } from '../../src/index.js';

/** Engine pairs on this backend, destroyed after each test by `destroyAll`. */
export class Pairs {
  private readonly open: EnginePair[] = [];

  async create(client: SecureAttributes, server: SecureAttributes, options?: EnginePairOptions): Promise<EnginePair> {
    const pair = await EnginePair.create(nodeTlsBackend, client, nodeTlsBackend, server, options);
    this.open.push(pair);
    return pair;
  }

  /** Creates a pair and runs its handshake. */
  async handshake(client: SecureAttributes, server: SecureAttributes, options?: EnginePairOptions): Promise<EnginePair> {
    const pair = await this.create(client, server, options);
    await pair.handshake();
    return pair;
  }

  async destroyAll(): Promise<void> {
    await Promise.all(this.open.splice(0).map((p) => p.destroy()));
  }
}

/** One root CA and a default ECDSA P-256 leaf for "localhost" / 127.0.0.1. */
export interface Pki {
  readonly ca: TestCa;
  readonly server: { cert: string; key: string };
}

export function makePki(): Pki {
  const ca = TestCa.root();
  const leaf = ca.issue();
  return { ca, server: { cert: leaf.chain, key: leaf.key } };
}

/** Sends `text` from one engine and resolves once it was written. */
export function send(pair: EnginePair, from: 'client' | 'server', text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    pair[from].engine.send(Buffer.from(text), (error) => (error ? reject(error) : resolve()));
  });
}
