import type { Socket } from 'node:net';
import type { Protection } from './protection.js';
import { CT, HS, MessageReader, RecordReader } from './wire.js';

/** What the attacker saw of the target once it stopped talking. */
export interface Outcome {
  /** The first alert the target sent (description), if any. */
  readonly alert: number | undefined;
  /** Whether that alert could be read: plaintext, or under keys the attacker holds. */
  readonly readable: boolean;
  /** KeyUpdate messages the target sent. */
  readonly keyUpdates: number;
  /** With `stopAtData`: the application data that ended the wait. */
  readonly data?: string;
  /** Whether the target ended the connection (a fatal alert or a close; false: still open when the wait ended). */
  readonly closed: boolean;
}

/** The target sent an alert where the attacker expected a handshake message. */
export class AlertReceived extends Error {
  constructor(readonly description: number) {
    super(`target sent alert ${description}`);
  }
}

/**
 * One end of a raw TLS connection: the socket, the records read from it, the current protection
 * each way. Subclasses drive a handshake; tests then write whatever records an attack needs.
 */
export class RawEndpoint {
  readonly reader: RecordReader;
  readonly messages = new MessageReader();
  read: Protection | undefined;
  write: Protection | undefined;

  constructor(readonly socket: Socket) {
    this.reader = new RecordReader(socket);
  }

  send(...bytes: Uint8Array[]): void {
    this.socket.write(Buffer.concat(bytes));
  }

  /** A record under the current write protection. */
  seal(type: number, content: Uint8Array, padding?: number): Buffer {
    return this.write!.seal(type, content, padding);
  }

  /** The next handshake message, reading (and opening) records as needed; CCS records are dropped. */
  async nextMessage(timeoutMs = 5000): Promise<{ type: number; body: Buffer; raw: Buffer }> {
    for (;;) {
      const msg = this.messages.next();
      if (msg !== undefined) return msg;
      const rec = await this.reader.next(timeoutMs);
      if (rec === undefined) throw new Error('target closed the connection during the handshake');
      const opened = this.openRecord(rec.type, rec.header, rec.body);
      if (opened.type === CT.alert) throw new AlertReceived(opened.content[1] ?? -1);
      if (opened.type === CT.handshake) this.messages.push(opened.content);
    }
  }

  /** A record as the target meant it: opened when protected and the attacker holds the key. */
  protected openRecord(type: number, header: Buffer, body: Buffer): { type: number; content: Buffer; readable: boolean } {
    if (type === CT.ccs) return { type, content: body, readable: true };
    if (this.read !== undefined && (type === CT.appData || this.protectsEveryType())) {
      const opened = this.read.open(header, body);
      if (opened !== undefined) return { ...opened, readable: true };
      return { type, content: body, readable: false };
    }
    return { type, content: body, readable: true };
  }

  /** TLS 1.2 protects every record type after CCS; TLS 1.3 only application_data-typed ones. */
  protected protectsEveryType(): boolean {
    return false;
  }

  /**
   * Reads until the target closes or `timeoutMs` passes without a record: the first alert it
   * sent, and how many KeyUpdates (each rolls the attacker's read key, so later records open).
   * `stopAtData`: stop at the first application data instead.
   */
  async outcome(timeoutMs = 10_000, stopAtData = false): Promise<Outcome> {
    let keyUpdates = 0;
    const messages = new MessageReader();
    for (;;) {
      let rec;
      try {
        rec = await this.reader.next(timeoutMs);
      } catch {
        return { alert: undefined, readable: true, keyUpdates, closed: false };
      }
      if (rec === undefined) return { alert: undefined, readable: true, keyUpdates, closed: true };
      const opened = this.openRecord(rec.type, rec.header, rec.body);
      if (!opened.readable) return { alert: rec.type === CT.alert ? -1 : undefined, readable: false, keyUpdates, closed: true };
      // A warning (a TLS 1.2 no_renegotiation) leaves the connection up: the alert that matters comes later.
      if (opened.type === CT.alert && opened.content[0] === 1 && opened.content[1] !== 0) continue;
      if (opened.type === CT.alert) return { alert: opened.content[1], readable: true, keyUpdates, closed: true };
      if (opened.type === CT.appData && stopAtData) return { alert: undefined, readable: true, keyUpdates, closed: false, data: opened.content.toString() };
      if (opened.type !== CT.handshake) continue;
      messages.push(opened.content);
      for (let m = messages.next(); m !== undefined; m = messages.next()) {
        if (m.type === HS.keyUpdate) {
          keyUpdates++;
          this.rollReadKey();
        }
      }
    }
  }

  /** TLS 1.3 overrides: the next generation of the read key. */
  protected rollReadKey(): void {}

  close(): void {
    this.socket.destroy();
  }
}
