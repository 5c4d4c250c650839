import type { TlsBackend } from '@tlsport/core';
import { nodeTlsBackend } from '@tlsport/backend-node-tls';
import { OpenSslBackend } from '@tlsport/backend-openssl';
import { pureBackend } from '@tlsport/backend-pure';

/** Every backend in the repo, by name. */
export const BACKENDS: readonly TlsBackend[] = [nodeTlsBackend, new OpenSslBackend(), pureBackend];

export function backendNamed(name: string): TlsBackend {
  const found = BACKENDS.find((b) => b.name === name);
  if (found === undefined) throw new Error(`no backend ${name}: ${BACKENDS.map((b) => b.name).join(', ')}`);
  return found;
}
