import { fileURLToPath } from 'node:url';

/** The repository root (this file runs from dist/test/support). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
