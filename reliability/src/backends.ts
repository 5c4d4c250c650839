import type { TlsBackend } from '@tlsport/core';
import { BACKENDS as BY_NAME } from '../../fuzz/dist/targets.js';

/** Every backend in the repo (node-tls, openssl, pure), the same instances the fuzzer drives. */
export const BACKENDS: readonly TlsBackend[] = Object.values(BY_NAME);
