/** RFC 8446 §4.6.1: servers MUST NOT use a ticket lifetime above 7 days. */
export const MAX_TICKET_LIFETIME_SECONDS = 7 * 24 * 3600;

/**
 * When ticket keys encrypt and decrypt. Time is cut into slots of `encryptSeconds`; slot n's key
 * encrypts during slot n, then only decrypts for `decryptSeconds` more. The key of slot n + 1
 * already decrypts during slot n ("next"), so a server whose clock or refresh runs behind another
 * still accepts the tickets that one issues.
 */
export interface RotationSchedule {
  readonly encryptSeconds: number;
  readonly decryptSeconds: number;
  /** The lifetime tickets announce; a ticket never outlives its key (the hint is cut to the key's end). */
  readonly lifetimeSeconds: number;
}

/** s2n-tls's defaults: a key encrypts for 2 h, then decrypts for 13 h; a session lives 15 h. */
export const DEFAULT_ROTATION: RotationSchedule = { encryptSeconds: 2 * 3600, decryptSeconds: 13 * 3600, lifetimeSeconds: 15 * 3600 };

function positiveInteger(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) throw new RangeError(`${name}: expected a positive whole number of seconds, got ${String(value)}`);
  return value;
}

/** The schedule `partial` asks for, on top of the defaults; a clear RangeError naming the bad field. */
export function rotationSchedule(partial: Partial<RotationSchedule> = {}): RotationSchedule {
  const encryptSeconds = positiveInteger('encryptSeconds', partial.encryptSeconds ?? DEFAULT_ROTATION.encryptSeconds);
  const decryptSeconds = positiveInteger('decryptSeconds', partial.decryptSeconds ?? DEFAULT_ROTATION.decryptSeconds);
  const lifetimeSeconds = positiveInteger('lifetimeSeconds', partial.lifetimeSeconds ?? Math.min(encryptSeconds + decryptSeconds, MAX_TICKET_LIFETIME_SECONDS));
  if (lifetimeSeconds > MAX_TICKET_LIFETIME_SECONDS) throw new RangeError(`lifetimeSeconds: at most ${MAX_TICKET_LIFETIME_SECONDS} (7 days, RFC 8446 §4.6.1), got ${lifetimeSeconds}`);
  return { encryptSeconds, decryptSeconds, lifetimeSeconds };
}

/** The slot whose key encrypts at `nowMs`. */
export function slotAt(schedule: RotationSchedule, nowMs: number): number {
  return Math.floor(nowMs / (schedule.encryptSeconds * 1000));
}

/** When slot `slot`'s key starts encrypting, in ms since the epoch. */
export function slotStartMs(schedule: RotationSchedule, slot: number): number {
  return slot * schedule.encryptSeconds * 1000;
}

/** When slot `slot`'s key stops decrypting: the end of its slot plus the decrypt window. */
export function decryptEndMs(schedule: RotationSchedule, slot: number): number {
  return slotStartMs(schedule, slot + 1) + schedule.decryptSeconds * 1000;
}

/** How many earlier slots still decrypt while `slot` encrypts ("previous" keys). */
export function previousSlots(schedule: RotationSchedule): number {
  return Math.ceil(schedule.decryptSeconds / schedule.encryptSeconds);
}

/**
 * The slots whose keys a server needs at `nowMs`, oldest first: every previous slot still in its
 * decrypt window, the current one, and the next.
 */
export function liveSlots(schedule: RotationSchedule, nowMs: number): number[] {
  const current = slotAt(schedule, nowMs);
  const slots: number[] = [];
  for (let slot = current - previousSlots(schedule); slot <= current + 1; slot++) {
    if (decryptEndMs(schedule, slot) > nowMs) slots.push(slot);
  }
  return slots;
}
