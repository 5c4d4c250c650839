import { nodeTlsBackend } from '@tlsport/backend-node-tls';
import { OpenSslBackend } from '@tlsport/backend-openssl';
import { pureBackend } from '@tlsport/backend-pure';
import { TestCa, type Issued } from '@tlsport/testkit';
import type { Duplex } from 'node:stream';
import type { TlsBackend } from '../../src/engine/spi.js';
import type { SecureAttributes } from '../../src/attributes/SecureAttributes.js';
import { CompletionPort } from '../../src/port/CompletionPort.js';
import type { Overlapped } from '../../src/port/Overlapped.js';
import { SecureEnvironment } from '../../src/session/SecureEnvironment.js';
import { memoryPipe } from '../../src/transport/memoryPipe.js';

/** Every backend in the repo: core's session parts are tested on each engine. */
export const BACKENDS: readonly TlsBackend[] = [nodeTlsBackend, new OpenSslBackend(), pureBackend];
export { pureBackend };

/** A CA and a localhost leaf for a test file. */
export function makePki(): { ca: TestCa; leaf: Issued } {
  const ca = TestCa.root();
  return { ca, leaf: ca.issue({ dns: ['localhost'] }) };
}

export function clientAttrs(pki: { ca: TestCa }, more: SecureAttributes = {}): SecureAttributes {
  return { ca: pki.ca.cert, servername: 'localhost', ...more };
}

export function serverAttrs(pki: { leaf: Issued }, more: SecureAttributes = {}): SecureAttributes {
  return { role: 'server', cert: pki.leaf.chain, key: pki.leaf.key, ...more };
}

/** A server environment on `backend`, one server session on a memory pipe, and the client's end of the pipe. */
export async function serverOnPipe(backend: TlsBackend, attrs: SecureAttributes): Promise<{ env: SecureEnvironment; session: ReturnType<SecureEnvironment['openSession']>; peerEnd: Duplex; port: CompletionPort }> {
  const env = await SecureEnvironment.open(backend, attrs);
  const [a, b] = memoryPipe();
  return { env, session: env.openSession(b, {}, { ownsSocket: true }), peerEnd: a, port: CompletionPort.create() };
}

/** The next completion on `port`; throws if none comes within `ms`. */
export async function nextCompletion(port: CompletionPort, ms = 5000): Promise<Overlapped> {
  const c = await port.wait(ms);
  if (c === null) throw new Error(`no completion within ${ms} ms`);
  return c;
}
