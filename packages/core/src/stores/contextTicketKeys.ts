import { TicketKeyRing } from './TicketKeyRing.js';

/** A context's ticket keys, and how the context lets go of them when disposed. */
export interface ContextTicketKeys {
  readonly ring: TicketKeyRing;
  /** Closes the ring if the context opened it; a ring the application gave stays open. */
  release(): Promise<void>;
}

/**
 * The ring a server context seals tickets with: the one its configuration names (shared with
 * other contexts or a fleet), else one of its own with in-memory keys. Undefined for a client.
 */
export async function contextTicketKeys(config: { readonly role: 'client' | 'server'; readonly ticketKeys?: TicketKeyRing | undefined }, clock?: () => number): Promise<ContextTicketKeys | undefined> {
  if (config.role !== 'server') return undefined;
  if (config.ticketKeys !== undefined) return { ring: config.ticketKeys, release: async () => {} };
  const ring = await TicketKeyRing.open(clock === undefined ? {} : { clock });
  return { ring, release: () => ring.close() };
}
