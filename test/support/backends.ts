import type { TlsBackend } from '@tlsport/core';
import { nodeTlsBackend } from '@tlsport/backend-node-tls';
import { OpenSslBackend } from '@tlsport/backend-openssl';
import { pureBackend } from '@tlsport/backend-pure';

/**
 * The backends the repo-level tests run against. Every backend in the repo is listed here, so a
 * backend that fails to build fails these tests instead of being skipped. node-tls comes first:
 * it is the reference peer in the fault tests.
 */
export const BACKENDS: readonly TlsBackend[] = [nodeTlsBackend, new OpenSslBackend(), pureBackend];
