import { createHash } from 'node:crypto';
import type { ContextConfig } from './config.js';

/**
 * A digest of everything an engine context is built from: two configurations with the same key
 * can share one context. Certificates and keys are hashed, not kept, in the key.
 */
export function contextKey(config: ContextConfig): string {
  const hash = createHash('sha256');
  const add = (part: string): void => {
    hash.update(`${part.length}:`).update(part);
  };
  add(config.role);
  add(`${config.minVersion}-${config.maxVersion}`);
  add([...config.tls13Suites, ...config.tls12Suites].map((s) => s.name).join(':'));
  add(config.groups.join(':'));
  add(String(config.sessionTickets));
  add(String(config.caFromUser));
  for (const anchor of config.ca) add(anchor);
  add(config.certificate === undefined ? '-' : `${config.certificate.cert}\n${config.certificate.key}`);
  for (const [name, pair] of [...config.sniCertificates].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) add(`${name}\n${pair.cert}\n${pair.key}`);
  return hash.digest('hex');
}
