import { decryptEndMs, liveSlots, rotationSchedule, slotAt, slotStartMs, type RotationSchedule } from './rotation.js';
import { MemoryTicketKeySource, newTicketKey, type TicketKeySource } from './TicketKeySource.js';
import { sameKeyName, type TicketKey } from './ticketKey.js';

export interface TicketKeyRingOptions {
  /** Where keys come from; default a MemoryTicketKeySource (this ring's keys only). Closed with the ring. */
  readonly source?: TicketKeySource;
  /** Rotation; default DEFAULT_ROTATION (encrypt 2 h, decrypt 13 h more). */
  readonly schedule?: Partial<RotationSchedule>;
  /** How often to ask the source for keys not yet held (ms); default a quarter slot, at most a minute. */
  readonly refreshMs?: number;
  /** Where the ring reports that its source failed or came back; default console.warn. */
  readonly log?: (message: string) => void;
  /** Wall clock in ms; tests inject one. */
  readonly clock?: () => number;
}

/** A held key and whether it came from the source (shared) or was made here while the source was down. */
interface HeldKey {
  readonly key: TicketKey;
  readonly shared: boolean;
}

/** What the engines of a context use now: one key that encrypts, and every key that decrypts. */
export interface LiveTicketKeys {
  readonly encrypting: TicketKey;
  /** Each key that decrypts now (the encrypting one included), with the time its window closes. */
  readonly decrypting: readonly { readonly key: TicketKey; readonly decryptEndMs: number }[];
}

/**
 * The rotating set of session-ticket keys of one server or fleet: the key of the current slot
 * encrypts; the next slot's key and the previous slots' keys still in their window only decrypt.
 * Engines read it synchronously; a timer asks the source for missing keys and tells listeners at
 * each change. When the source is unreachable the ring keeps serving with the keys it holds: it
 * encrypts with the newest shared key still alive, or, when none is left, with a key of its own
 * (tickets then resume on this server only), and says so through `log`.
 */
export class TicketKeyRing {
  readonly schedule: RotationSchedule;
  private held: HeldKey[] = [];
  private readonly listeners = new Set<() => void>();
  private timer: NodeJS.Timeout | undefined;
  private lastSignature = '';
  private sourceDown = false;
  private closed = false;

  private constructor(
    private readonly source: TicketKeySource,
    schedule: RotationSchedule,
    private readonly refreshMs: number,
    private readonly log: (message: string) => void,
    private readonly clock: () => number,
  ) {
    this.schedule = schedule;
  }

  /** A ring with its first keys fetched (or made locally when the source does not answer). */
  static async open(options: TicketKeyRingOptions = {}): Promise<TicketKeyRing> {
    const schedule = rotationSchedule(options.schedule);
    const refreshMs = options.refreshMs ?? Math.min(60_000, (schedule.encryptSeconds * 1000) / 4);
    if (!Number.isFinite(refreshMs) || refreshMs <= 0) throw new RangeError(`refreshMs: expected a positive number, got ${String(options.refreshMs)}`);
    if (options.source !== undefined && typeof options.source.keysFor !== 'function') throw new TypeError('source: expected a TicketKeySource (keysFor, close)');
    const ring = new TicketKeyRing(
      options.source ?? new MemoryTicketKeySource(),
      schedule,
      refreshMs,
      options.log ?? ((message) => console.warn(message)),
      options.clock ?? Date.now,
    );
    await ring.refresh();
    return ring;
  }

  /** The key that seals new tickets now. */
  encryptionKey(): TicketKey {
    const now = this.clock();
    const current = slotAt(this.schedule, now);
    const alive = this.held.filter((h) => h.key.slot <= current && decryptEndMs(this.schedule, h.key.slot) > now);
    const pick = alive.find((h) => h.shared && h.key.slot === current) ?? newest(alive.filter((h) => h.shared)) ?? newest(alive.filter((h) => h.key.slot === current));
    if (pick !== undefined) return pick.key;
    // Nothing shared is alive and the source has not answered: a key of this server only.
    const local = { key: newTicketKey(current), shared: false };
    this.held.push(local);
    this.log(`tlsport: no shared ticket key for slot ${current}; sealing tickets with a key of this server only`);
    return local.key;
  }

  /** The key named `name` if it still decrypts now; undefined otherwise (the client then does a full handshake). */
  decryptionKey(name: Uint8Array): TicketKey | undefined {
    const now = this.clock();
    return this.held.find((h) => sameKeyName(h.key.name, name) && decryptEndMs(this.schedule, h.key.slot) > now)?.key;
  }

  /** The encrypting key and every key that decrypts now, for engines that hold keys natively. */
  liveKeys(): LiveTicketKeys {
    const encrypting = this.encryptionKey();
    const now = this.clock();
    const decrypting = this.held
      .map((h) => ({ key: h.key, decryptEndMs: decryptEndMs(this.schedule, h.key.slot) }))
      .filter((d) => d.decryptEndMs > now);
    return { encrypting, decrypting };
  }

  /** Seconds a ticket sealed now may announce: the schedule's lifetime, cut to the encrypting key's end. */
  ticketLifetimeSeconds(): number {
    const left = Math.floor((decryptEndMs(this.schedule, this.encryptionKey().slot) - this.clock()) / 1000);
    return Math.max(1, Math.min(this.schedule.lifetimeSeconds, left));
  }

  /** Calls `listener` whenever the encrypting key or the set of decrypting keys changes; returns the unsubscribe. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Asks the source for the live slots' keys not held yet, drops dead keys, and tells listeners. */
  async refresh(): Promise<void> {
    if (this.closed) return;
    const now = this.clock();
    const wanted = liveSlots(this.schedule, now).filter((slot) => !this.held.some((h) => h.shared && h.key.slot === slot));
    if (wanted.length > 0) await this.fetch(wanted);
    this.dropDeadKeys(this.clock());
    this.notifyIfChanged();
    this.schedule_();
  }

  private async fetch(slots: number[]): Promise<void> {
    try {
      const keys = await this.source.keysFor(slots, this.schedule);
      for (const key of keys) {
        if (!this.held.some((h) => h.shared && h.key.slot === key.slot)) this.held.push({ key, shared: true });
      }
      if (this.sourceDown) this.log('tlsport: ticket key store reachable again');
      this.sourceDown = false;
    } catch (error) {
      if (!this.sourceDown) this.log(`tlsport: ticket key store unreachable (${(error as Error).message}); serving with the ${this.held.length} keys held`);
      this.sourceDown = true;
    }
  }

  private dropDeadKeys(now: number): void {
    const dead = this.held.filter((h) => decryptEndMs(this.schedule, h.key.slot) <= now);
    for (const h of dead) h.key.secret.fill(0);
    this.held = this.held.filter((h) => !dead.includes(h));
  }

  private notifyIfChanged(): void {
    if (this.listeners.size === 0) return;
    const live = this.liveKeys();
    const signature = [live.encrypting, ...live.decrypting.map((d) => d.key)].map((k) => Buffer.from(k.name).toString('hex')).join(',');
    if (signature === this.lastSignature) return;
    this.lastSignature = signature;
    for (const listener of this.listeners) {
      // One context failing to take the keys must not stop the others, nor the ring's timer.
      try {
        listener();
      } catch (error) {
        this.log(`tlsport: a context did not take the new ticket keys: ${(error as Error).message}`);
      }
    }
  }

  /** Wakes at the next refresh or slot boundary, whichever is first; never keeps the process alive. */
  private schedule_(): void {
    if (this.closed) return;
    clearTimeout(this.timer);
    const now = this.clock();
    const boundary = slotStartMs(this.schedule, slotAt(this.schedule, now) + 1) - now;
    this.timer = setTimeout(() => void this.refresh(), Math.max(1, Math.min(this.refreshMs, boundary)));
    this.timer.unref();
  }

  /** Stops the timer, zeroes the keys and closes the source. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.timer);
    for (const h of this.held) h.key.secret.fill(0);
    this.held = [];
    this.listeners.clear();
    await this.source.close();
  }
}

function newest(keys: readonly HeldKey[]): HeldKey | undefined {
  return keys.reduce<HeldKey | undefined>((best, h) => (best === undefined || h.key.slot > best.key.slot ? h : best), undefined);
}
