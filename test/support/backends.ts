import type { TlsBackend } from '@tlsport/core';
import { nodeTlsBackend } from '@tlsport/backend-node-tls';

/**
 * The backends the repo-level tests run against. Every backend in the repo is listed here, so a
 * backend that fails to build fails these tests instead of being skipped.
 */
export const BACKENDS: readonly TlsBackend[] = [nodeTlsBackend];
