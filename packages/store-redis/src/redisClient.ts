import { createClient } from '@redis/client';

/** The client type the adapters use: node-redis with no modules, strings in and out. */
export type RedisClient = ReturnType<typeof redisClient>;

/** How long a command may take before the adapter treats Redis as unreachable (ms). */
export const DEFAULT_COMMAND_TIMEOUT_MS = 1000;

export interface RedisConnectionOptions {
  /** redis://[user:password@]host:port[/db] */
  readonly url: string;
  /** Where connection trouble is reported; default console.warn. */
  readonly log?: (message: string) => void;
}

/**
 * A client that fails fast instead of queueing while Redis is away (so a server keeps serving with
 * what it holds) and keeps reconnecting in the background, with its errors reported once per outage.
 */
export function redisClient(options: RedisConnectionOptions) {
  if (typeof options.url !== 'string' || !/^rediss?:\/\//.test(options.url)) throw new TypeError(`url: expected redis://host:port, got ${String(options.url)}`);
  const log = options.log ?? ((message: string) => console.warn(message));
  const client = createClient({
    url: options.url,
    disableOfflineQueue: true,
    socket: { connectTimeout: DEFAULT_COMMAND_TIMEOUT_MS, reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2000) },
  });
  let down = false;
  client.on('error', (error: Error) => {
    if (!down) log(`tlsport: redis ${options.url} unreachable (${error.message}); retrying in the background`);
    down = true;
  });
  client.on('ready', () => {
    if (down) log(`tlsport: redis ${options.url} reachable again`);
    down = false;
  });
  return client;
}

/** `promise`, or a rejection once `ms` have passed: a command must not hold up a rotation. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer from redis within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Connects without letting a first failure stop the caller: the client keeps retrying. */
export async function connectQuietly(client: RedisClient, timeoutMs: number): Promise<void> {
  await withTimeout(client.connect(), timeoutMs, 'connect').catch(() => {});
}
