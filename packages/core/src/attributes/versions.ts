import { GskError } from '../gsk/GskError.js';
import { GskStatus } from '../gsk/status.js';
import type { TlsVersion } from '../tls/suites.js';
import type { SecureAttributes } from './SecureAttributes.js';

export interface ResolvedVersions {
  readonly minVersion: TlsVersion;
  readonly maxVersion: TlsVersion;
}

const RANK: Readonly<Record<TlsVersion, number>> = { 'TLSv1.2': 2, 'TLSv1.3': 3 };

function onOff(value: string | boolean | undefined): boolean | undefined {
  return typeof value === 'string' ? value.endsWith('_ON') : value;
}

/** The version range: `minVersion`/`maxVersion`, narrowed by GSK_PROTOCOL_TLSV13/TLSV12 switched off. */
export function resolveVersions(attrs: SecureAttributes): ResolvedVersions {
  let minVersion: TlsVersion = attrs.minVersion ?? 'TLSv1.2';
  let maxVersion: TlsVersion = attrs.maxVersion ?? 'TLSv1.3';
  if (onOff(attrs.GSK_PROTOCOL_TLSV13) === false) maxVersion = 'TLSv1.2';
  if (onOff(attrs.GSK_PROTOCOL_TLSV12) === false) minVersion = 'TLSv1.3';
  if (RANK[minVersion] > RANK[maxVersion]) {
    throw new GskError(GskStatus.GSK_TLSPORT_ERROR_PROTOCOL_VERSION, `no protocol version enabled (min ${minVersion} > max ${maxVersion})`);
  }
  return { minVersion, maxVersion };
}
