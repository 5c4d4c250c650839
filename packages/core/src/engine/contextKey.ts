import { createHash } from 'node:crypto';
import type { ContextConfig } from './config.js';

const identities = new WeakMap<object, number>();
let lastIdentity = 0;

/** A number naming `object` for as long as it lives: two contexts share it only if they share the object. */
function identity(object: object | undefined): string {
  if (object === undefined) return '-';
  let id = identities.get(object);
  if (id === undefined) identities.set(object, (id = ++lastIdentity));
  return String(id);
}

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
  add(identity(config.ticketKeys));
  add(identity(config.sessionCache));
  add(String(config.caFromUser));
  for (const anchor of config.ca) add(anchor);
  add(config.certificate === undefined ? '-' : `${config.certificate.cert}\n${config.certificate.key}`);
  for (const [name, pair] of [...config.sniCertificates].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) add(`${name}\n${pair.cert}\n${pair.key}`);
  return hash.digest('hex');
}
