import type { Pki } from '../support/sessions.js';
import { AlertReceived, type RawEndpoint } from './support/RawEndpoint.js';
import type { ClientTarget, ServerTarget, TargetReport, TargetSession } from './support/targets.js';
import { Tls12Client } from './support/Tls12Client.js';
import { Tls13Client, type Handshake13Options } from './support/Tls13Client.js';
import type { Tls13Server, Tls13ServerListener } from './support/Tls13Server.js';
import { CT } from './support/wire.js';

/** What one attack did to one target. */
export interface AttackResult extends TargetReport {
  /** The first alert the target sent (undefined: none; -1: one the attacker could not read). */
  readonly alert: number | undefined;
  /** Whether the target took the attack and carried on (the probe after it arrived, or the handshake completed). */
  readonly accepted: boolean;
  /** What a measuring attack counted. */
  readonly count?: number;
}

/** Where an attack runs: a tlsport server to connect to, or a tlsport client and the attacker's listener. */
export interface Arena {
  readonly pki: Pki;
  readonly server: ServerTarget;
  readonly client: ClientTarget;
  readonly attacker: Tls13ServerListener;
}

const PROBE = 'ping';
const OK = 'GSK_OK';

/** Reads the target's side of a refusal: its alert on the wire (if the attacker can read one). */
async function refusal(peer: { outcome(ms: number): Promise<{ alert: number | undefined; readable: boolean }> }, report: TargetReport): Promise<AttackResult> {
  const o = await peer.outcome(3000);
  return { ...report, alert: o.readable ? o.alert : -1, accepted: false };
}

/**
 * After a completed TLS 1.3 or 1.2 handshake with a tlsport server: writes what `attack` returns,
 * then a probe record. Accepted when the probe is what the server reads next.
 */
/** Writes the attack's records and a probe; accepted when the probe is what the target reads next. */
async function probeAfter(peer: RawEndpoint, target: TargetSession, attack: Buffer[]): Promise<AttackResult> {
  peer.send(...attack, peer.seal(CT.appData, Buffer.from(PROBE)));
  const r = await target.receive();
  if (r.status === OK && r.data === PROBE) return { ...r, alert: undefined, accepted: true };
  // A read that returns other data means the attack's own records were served.
  return r.status === OK ? { ...r, detail: `served "${r.data}"`, alert: undefined, accepted: false } : await refusal(peer, r);
}

export function afterHandshake13(arena: Arena, attack: (c: Tls13Client) => Buffer[]): Promise<AttackResult> {
  return afterHandshake(arena, Tls13Client.connect, attack);
}

export function afterHandshake12(arena: Arena, attack: (c: Tls12Client) => Buffer[]): Promise<AttackResult> {
  return afterHandshake(arena, Tls12Client.connect, attack);
}

async function afterHandshake<C extends Tls13Client | Tls12Client>(arena: Arena, connect: (port: number) => Promise<C>, attack: (c: C) => Buffer[]): Promise<AttackResult> {
  const target = arena.server.next();
  const c = await connect(arena.server.port);
  try {
    const t = await target;
    await c.handshake();
    const init = await t.init;
    if (init.status !== OK) throw new Error(`handshake failed before the attack: ${init.status} ${init.detail}`);
    return await probeAfter(c, t, attack(c));
  } finally {
    c.close();
  }
}

/** A TLS 1.3 handshake with a tlsport server, attacked through `options`; accepted when it completes and a probe arrives. */
export async function duringHandshake(arena: Arena, options: Handshake13Options): Promise<AttackResult> {
  const target = arena.server.next();
  const c = await Tls13Client.connect(arena.server.port);
  try {
    const t = await target;
    let alert: number | undefined;
    try {
      await c.handshake(options);
    } catch (error) {
      if (!(error instanceof AlertReceived)) throw error;
      alert = error.description;
    }
    const init = await t.init;
    if (alert !== undefined) return { ...init, alert, accepted: false };
    if (init.status !== OK) return await refusal(c, init);
    c.send(c.seal(CT.appData, Buffer.from(PROBE)));
    const r = await t.receive();
    return { ...r, alert: undefined, accepted: r.data === PROBE };
  } finally {
    c.close();
  }
}

/** Raw bytes to a tlsport server before any handshake completes (a ClientHello the server must refuse). */
export async function rawHello(arena: Arena, write: (c: Tls13Client) => void, readServerHello = false): Promise<AttackResult> {
  const target = arena.server.next();
  const c = await Tls13Client.connect(arena.server.port);
  try {
    const t = await target;
    write(c);
    if (readServerHello) {
      await c.serverHelloKeys();
      await c.readServerFlight();
    }
    const init = await t.init;
    return await refusal(c, init);
  } finally {
    c.close();
  }
}

/** A tlsport client against the attacker's TLS 1.3 server; `attack` runs once the attacker's side is done. */
export async function againstClient(arena: Arena, legacyVersion: number, attack?: (s: Tls13Server) => Buffer[]): Promise<AttackResult> {
  const attacker = arena.attacker.next();
  const t = await arena.client.connect(arena.attacker.port);
  const s = await attacker;
  try {
    await s.handshake(legacyVersion);
    const init = await t.init;
    if (init.status !== OK || attack === undefined) return init.status === OK ? { ...init, alert: undefined, accepted: true } : await refusal(s, init);
    return await probeAfter(s, t, attack(s));
  } finally {
    s.close();
  }
}

/**
 * `requests` KeyUpdate(update_requested) records in one write to a tlsport server, then a probe;
 * the server then sends data, and the attacker counts the KeyUpdates that came before it.
 */
export async function keyUpdateReplies(arena: Arena, requests: number): Promise<AttackResult> {
  const target = arena.server.next();
  const c = await Tls13Client.connect(arena.server.port);
  try {
    const t = await target;
    await c.handshake();
    await t.init;
    c.send(...Array.from({ length: requests }, () => c.keyUpdate(true)), c.seal(CT.appData, Buffer.from(PROBE)));
    const r = await t.receive();
    if (r.status !== OK) return await refusal(c, r);
    await t.send('pong');
    const o = await c.outcome(5000, true);
    return { ...r, alert: o.alert, accepted: o.data === 'pong', count: o.keyUpdates };
  } finally {
    c.close();
  }
}
