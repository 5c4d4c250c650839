import { suiteByName } from '@tlsport/core';
import * as rc from '../constants/returnCodes.js';

/** Enumeration check: value must be one of `allowed`; `refused` values are known to IBM but not offered. */
export function enumCheck(allowed: readonly number[], refused: readonly number[] = []): (value: unknown) => number {
  return (value) => {
    if (typeof value !== 'number' || !Number.isInteger(value)) return rc.GSK_ATTRIBUTE_INVALID_ENUMERATION;
    if (refused.includes(value)) return rc.GSK_ERROR_UNSUPPORTED;
    return allowed.includes(value) ? rc.GSK_OK : rc.GSK_ATTRIBUTE_INVALID_ENUMERATION;
  };
}

/** Numeric check: an integer in [min, max]. */
export function rangeCheck(min: number, max: number): (value: unknown) => number {
  return (value) => (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? rc.GSK_OK : rc.GSK_ATTRIBUTE_INVALID_NUMERIC_VALUE);
}

/** The names in a GSKit list buffer (comma-separated; colons and spaces tolerated). */
export function listItems(value: string): string[] {
  return value.split(/[,:\s]+/).map((s) => s.trim()).filter((s) => s !== '');
}

/**
 * A *_CIPHER_SPECS_EX list for one protocol version: every name must be a suite tlsport offers at
 * that version, else GSK_ERROR_BAD_V3_CIPHER (422) as GSKit answers a bad spec.
 */
export function cipherListCheck(version: 'TLSv1.2' | 'TLSv1.3' | undefined): (value: unknown) => number {
  return (value) => {
    if (typeof value !== 'string') return rc.GSK_ATTRIBUTE_INVALID_LENGTH;
    const names = listItems(value);
    if (names.length === 0) return rc.GSK_OK;
    if (version === undefined) return rc.GSK_ERROR_BAD_V3_CIPHER;
    return names.every((n) => suiteByName(n)?.version === version) ? rc.GSK_OK : rc.GSK_ERROR_BAD_V3_CIPHER;
  };
}

/** Any string. */
export function textCheck(value: unknown): number {
  return typeof value === 'string' ? rc.GSK_OK : rc.GSK_ATTRIBUTE_INVALID_LENGTH;
}

/** A value the id exists for but tlsport does not offer at all. */
export function notOffered(): number {
  return rc.GSK_ERROR_UNSUPPORTED;
}

/** ALPN ids: each 1-255 bytes (RFC 7301 §3.1). */
export function alpnCheck(value: unknown): number {
  if (typeof value !== 'string') return rc.GSK_ATTRIBUTE_INVALID_LENGTH;
  return listItems(value).every((p) => Buffer.byteLength(p) <= 255) ? rc.GSK_OK : rc.GSK_ATTRIBUTE_INVALID_LENGTH;
}
