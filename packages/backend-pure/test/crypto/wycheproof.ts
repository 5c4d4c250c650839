import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Project Wycheproof vectors, read from the shared vectors directory beside the repository
 * (`../shared/vectors/wycheproof/` from the repo root; README.md there). This file compiles to
 * packages/backend-pure/dist/test/crypto/, five directories below the repo root.
 */
export const WYCHEPROOF_DIR = fileURLToPath(new URL('../../../../../../shared/vectors/wycheproof/', import.meta.url));

export type WycheproofResult = 'valid' | 'invalid' | 'acceptable';

export interface WycheproofCase {
  readonly tcId: number;
  readonly comment: string;
  readonly flags: readonly string[];
  readonly result: WycheproofResult;
  readonly [field: string]: unknown;
}

export interface WycheproofGroup {
  readonly tests: readonly WycheproofCase[];
  readonly [field: string]: unknown;
}

export interface WycheproofFile {
  readonly algorithm: string;
  readonly numberOfTests: number;
  readonly testGroups: readonly WycheproofGroup[];
}

export function wycheproofFileNames(): string[] {
  return readdirSync(WYCHEPROOF_DIR).filter((name) => name.endsWith('.json')).sort();
}

export function loadWycheproof(name: string): WycheproofFile {
  return JSON.parse(readFileSync(WYCHEPROOF_DIR + name, 'utf8')) as WycheproofFile;
}

/** A hex field of a case or group; throws when it is missing, so a typo cannot pass silently. */
export function hexField(record: { readonly [field: string]: unknown }, field: string): Uint8Array {
  const value = record[field];
  if (typeof value !== 'string') throw new Error(`Wycheproof field "${field}" missing`);
  return Uint8Array.from(Buffer.from(value, 'hex'));
}

export function numberField(record: { readonly [field: string]: unknown }, field: string): number {
  const value = record[field];
  if (typeof value !== 'number') throw new Error(`Wycheproof field "${field}" missing`);
  return value;
}
