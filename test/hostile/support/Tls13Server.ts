import { createPrivateKey, randomBytes, sign, constants, type KeyObject } from 'node:crypto';
import type { Socket } from 'node:net';
import { rawServer, stop } from '../../reliability/support/rawPeer.js';
import { X25519 } from './crypto.js';
import { parseHello, X25519_GROUP, x25519Share } from './hello13.js';
import { Tls13Protection } from './protection.js';
import { RawEndpoint } from './RawEndpoint.js';
import { Schedule13 } from './schedule13.js';
import { CT, EXT, HS, ext, handshakeMessage, record, u16, u8, vec16, vec24, vec8 } from './wire.js';

/** The server's certificate chain (PEM, leaf first) and key, as the target's CA vouches for them. */
export interface ServerIdentity {
  readonly chain: string;
  readonly key: string;
}

/** DER certificates of a PEM chain. */
function derChain(pem: string): Buffer[] {
  return [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/g)].map((m) => Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64'));
}

/** CertificateVerify's signed content (RFC 8446 §4.4.3), signed with ECDSA-SHA256 or RSA-PSS-SHA256. */
function certificateVerify(key: KeyObject, transcriptHash: Buffer): Buffer {
  const content = Buffer.concat([Buffer.alloc(64, 0x20), Buffer.from('TLS 1.3, server CertificateVerify'), u8(0), transcriptHash]);
  const rsa = key.asymmetricKeyType === 'rsa';
  const signature = rsa ? sign('sha256', content, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }) : sign('sha256', content, key);
  return handshakeMessage(HS.certificateVerify, Buffer.concat([u16(rsa ? 0x0804 : 0x0403), vec16(signature)]));
}

/** A TLS 1.3 server written record by record, for attacks on clients. */
export class Tls13Server extends RawEndpoint {
  readonly schedule = new Schedule13();

  constructor(socket: Socket, private readonly identity: ServerIdentity) {
    super(socket);
  }

  /**
   * Answers the ClientHello. `legacyVersion` other than 0x0303 stops after the ServerHello (the
   * client must refuse it, Appendix D.5); otherwise the handshake runs to the client Finished.
   */
  async handshake(legacyVersion = 0x0303): Promise<void> {
    const ch = await this.nextMessage();
    const hello = parseHello(ch.body, true);
    const clientShare = x25519Share(hello.extensions.get(EXT.keyShare), true);
    if (clientShare === undefined) throw new Error('ClientHello without an X25519 share');
    const share = new X25519();
    const sh = handshakeMessage(HS.serverHello, Buffer.concat([
      u16(legacyVersion), randomBytes(32), vec8(hello.sessionId), u16(0x1301), u8(0),
      vec16(Buffer.concat([ext(EXT.supportedVersions, u16(0x0304)), ext(EXT.keyShare, Buffer.concat([u16(X25519_GROUP), vec16(share.publicKey)]))])),
    ]));
    this.send(record(CT.handshake, sh), record(CT.ccs, u8(1)));
    if (legacyVersion !== 0x0303) return;
    this.schedule.add(ch.raw, sh);
    const secrets = this.schedule.handshakeSecrets(share.shared(clientShare));
    this.read = new Tls13Protection(secrets.client);
    this.write = new Tls13Protection(secrets.server);
    const ee = handshakeMessage(HS.encryptedExtensions, vec16(Buffer.alloc(0)));
    const certificate = handshakeMessage(HS.certificate, Buffer.concat([u8(0), vec24(Buffer.concat(derChain(this.identity.chain).map((c) => Buffer.concat([vec24(c), vec16(Buffer.alloc(0))]))))]));
    this.schedule.add(ee, certificate);
    const cv = certificateVerify(createPrivateKey(this.identity.key), this.schedule.hash());
    this.schedule.add(cv);
    const finished = this.schedule.finished(secrets.server);
    this.schedule.add(finished);
    this.send(this.seal(CT.handshake, Buffer.concat([ee, certificate, cv, finished])));
    const app = this.schedule.applicationSecrets();
    this.write = new Tls13Protection(app.server);
    const clientFinished = await this.nextMessage();
    if (clientFinished.type !== HS.finished) throw new Error(`expected the client Finished, got ${clientFinished.type}`);
    this.read = new Tls13Protection(app.client);
  }
}

/** A listener whose every connection is answered by a Tls13Server (the attacker, for client targets). */
export class Tls13ServerListener {
  private readonly waiting: ((s: Tls13Server) => void)[] = [];
  private readonly ready: Tls13Server[] = [];

  private constructor(private readonly listener: Awaited<ReturnType<typeof rawServer>>) {}

  static async open(identity: ServerIdentity): Promise<Tls13ServerListener> {
    let self!: Tls13ServerListener;
    const listener = await rawServer((socket) => {
      const server = new Tls13Server(socket, identity);
      const waiter = self.waiting.shift();
      if (waiter !== undefined) waiter(server);
      else self.ready.push(server);
    });
    self = new Tls13ServerListener(listener);
    return self;
  }

  get port(): number {
    return this.listener.port;
  }

  async next(): Promise<Tls13Server> {
    return this.ready.shift() ?? new Promise((resolve) => this.waiting.push(resolve));
  }

  async close(): Promise<void> {
    await stop(this.listener);
  }
}
