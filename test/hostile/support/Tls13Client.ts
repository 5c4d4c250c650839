import { randomBytes } from 'node:crypto';
import type { Socket } from 'node:net';
import { rawClient } from '../../reliability/support/rawPeer.js';
import { X25519 } from './crypto.js';
import { clientHello13, HRR_RANDOM, parseHello, x25519Share, type ClientHelloOptions } from './hello13.js';
import { Tls13Protection } from './protection.js';
import { RawEndpoint } from './RawEndpoint.js';
import { Schedule13 } from './schedule13.js';
import { CT, EXT, HS, handshakeMessage, record, records, u8 } from './wire.js';

export interface Handshake13Options extends ClientHelloOptions {
  /** Leave the key share out, so the server must send a HelloRetryRequest (§4.1.4). */
  readonly retry?: boolean;
  /** Raw bytes sent right after the first ClientHello (0-RTT records, CCS floods). */
  readonly afterHello?: () => Buffer;
  /** How the first ClientHello is framed into records (default: one record). */
  readonly frame?: (hello: Buffer) => Buffer;
  /** Raw bytes sent right before the client Finished (its CCS already sent). */
  readonly beforeFinished?: () => Buffer;
}

/** A TLS 1.3 client written record by record (TLS_AES_128_GCM_SHA256, X25519), for attacks on servers. */
export class Tls13Client extends RawEndpoint {
  readonly schedule = new Schedule13();
  private readonly share = new X25519();
  private readonly random = randomBytes(32);
  private readonly sessionId = randomBytes(32);

  static async connect(port: number): Promise<Tls13Client> {
    return new Tls13Client(await rawClient(port));
  }

  constructor(socket: Socket) {
    super(socket);
  }

  private first: Buffer | undefined;
  private retried = false;

  /** The first ClientHello and `extra` bytes in one write; `retry` leaves the key share out (§4.1.4). */
  sendClientHello(options: Handshake13Options = {}, extra: Buffer = Buffer.alloc(0)): void {
    this.first = clientHello13({ random: this.random, sessionId: this.sessionId, share: options.retry ? undefined : this.share.publicKey }, options);
    this.send(options.frame?.(this.first) ?? records(CT.handshake, this.first, 0x0301), extra);
  }

  /** Reads ServerHello (answering a HelloRetryRequest once) and installs the handshake keys; returns the client's secret. */
  async serverHelloKeys(options: Handshake13Options = {}): Promise<Buffer> {
    let sh = await this.nextMessage();
    this.schedule.add(this.first!);
    if (parseHello(sh.body, false).random.equals(HRR_RANDOM)) {
      this.retried = true;
      this.schedule.replaceWithMessageHash();
      this.schedule.add(sh.raw);
      const cookie = parseHello(sh.body, false).extensions.get(EXT.cookie);
      const second = clientHello13({ random: this.random, sessionId: this.sessionId, share: this.share.publicKey, cookie: cookie?.subarray(2) }, { ...options, earlyData: false });
      this.send(record(CT.ccs, u8(1)), record(CT.handshake, second));
      this.schedule.add(second);
      sh = await this.nextMessage();
    }
    this.schedule.add(sh.raw);
    const serverShare = x25519Share(parseHello(sh.body, false).extensions.get(EXT.keyShare), false);
    if (serverShare === undefined) throw new Error('ServerHello without an X25519 share');
    const secrets = this.schedule.handshakeSecrets(this.share.shared(serverShare));
    this.read = new Tls13Protection(secrets.server);
    this.write = new Tls13Protection(secrets.client);
    return secrets.client;
  }

  /** A whole handshake; afterwards `write`/`read` hold the application keys. */
  async handshake(options: Handshake13Options = {}): Promise<void> {
    this.sendClientHello(options, options.afterHello?.());
    const clientSecret = await this.serverHelloKeys(options);
    const app = await this.readServerFlight();
    const finished = this.schedule.finished(clientSecret);
    this.send(this.retried ? Buffer.alloc(0) : record(CT.ccs, u8(1)), options.beforeFinished?.() ?? Buffer.alloc(0), this.seal(CT.handshake, finished));
    this.write = new Tls13Protection(app.client);
  }

  /** EncryptedExtensions to Finished (not verified: the attacker trusts anyone); then reads under the server's application key. */
  async readServerFlight(): Promise<{ client: Buffer; server: Buffer }> {
    for (let msg = await this.nextMessage(); ; msg = await this.nextMessage()) {
      this.schedule.add(msg.raw);
      if (msg.type === HS.finished) break;
    }
    const app = this.schedule.applicationSecrets();
    this.read = new Tls13Protection(app.server);
    return app;
  }

  /** A KeyUpdate record under the current key; the write key then moves on (§4.6.3). */
  keyUpdate(requested: boolean): Buffer {
    const out = this.seal(CT.handshake, handshakeMessage(HS.keyUpdate, u8(requested ? 1 : 0)));
    this.write = (this.write as Tls13Protection).next();
    return out;
  }

  protected override rollReadKey(): void {
    this.read = (this.read as Tls13Protection).next();
  }
}
