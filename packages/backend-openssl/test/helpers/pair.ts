import type { SecureAttributes } from '@tlsport/core';
import { EnginePair, type EnginePairOptions, type EngineSide } from '@tlsport/testkit';
import { OpenSslBackend } from '../../src/index.js';

export const backend = new OpenSslBackend();

/** An openssl <-> openssl pair after its handshake (or first failure). */
export async function handshakePair(client: SecureAttributes, server: SecureAttributes, options: EnginePairOptions = {}): Promise<EnginePair> {
  const pair = await EnginePair.create(backend, client, backend, server, options);
  await pair.handshake();
  return pair;
}

/** Sends `text` from one side and waits until the other has received all of it. */
export async function deliver(pair: EnginePair, from: EngineSide, text: string): Promise<void> {
  const to = from === pair.client ? pair.server : pair.client;
  const before = to.receivedText().length;
  await new Promise<void>((resolve, reject) => from.engine.send(Buffer.from(text), (error) => (error ? reject(error) : resolve())));
  await pair.until(() => to.receivedText().length >= before + text.length);
}

/** Waits until both sides have failed (the second learns it from the first one's alert). */
export async function bothFailed(pair: EnginePair): Promise<void> {
  await pair.until(() => pair.client.error !== undefined && pair.server.error !== undefined);
}

