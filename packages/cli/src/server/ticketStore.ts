import { TicketKeyRing, type RotationSchedule, type SecureAttributes } from '@tlsport/core';
import { UsageError, type OptionValues } from '../args/parseArgs.js';
import type { S_SERVER_OPTIONS } from './options.js';

/** The stores a server runs with (ticketKeys, sessionCache attributes) and how to close them. */
export interface ServerStores {
  readonly attributes: SecureAttributes;
  close(): Promise<void>;
}

const NONE: ServerStores = { attributes: {}, close: async () => {} };

/**
 * -ticket_store / -ticket_rotate / -ticket_decrypt: a key ring (and TLS 1.2 session cache) shared
 * through Redis, or a ring of this process with the given rotation. Neither: the backend's own.
 */
export async function serverStores(o: OptionValues<typeof S_SERVER_OPTIONS>, log: (message: string) => void): Promise<ServerStores> {
  const schedule: Partial<RotationSchedule> = {
    ...(o.ticket_rotate === undefined ? {} : { encryptSeconds: o.ticket_rotate }),
    ...(o.ticket_decrypt === undefined ? {} : { decryptSeconds: o.ticket_decrypt }),
  };
  if (o.ticket_store === undefined && Object.keys(schedule).length === 0) return NONE;
  if (o.no_ticket === true && o.ticket_store === undefined) throw new UsageError('-ticket_rotate and -ticket_decrypt need tickets: drop -no_ticket');
  if (o.ticket_store !== undefined && !/^redis:\/\/[^/]+/.test(o.ticket_store)) throw new UsageError(`-ticket_store: expected redis://HOST:PORT, got ${o.ticket_store}`);
  try {
    if (o.ticket_store === undefined) {
      const ring = await TicketKeyRing.open({ schedule, log });
      return { attributes: { ticketKeys: ring }, close: () => ring.close() };
    }
    // Loaded only when asked for: the Redis client is not part of every s_server start.
    const { RedisStores } = await import('@tlsport/store-redis');
    const stores = await RedisStores.open({ url: o.ticket_store, schedule, log });
    return { attributes: { ticketKeys: stores.ticketKeys, sessionCache: stores.sessionCache }, close: () => stores.close() };
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(`-ticket_rotate/-ticket_decrypt: ${error.message}`);
    throw error;
  }
}
