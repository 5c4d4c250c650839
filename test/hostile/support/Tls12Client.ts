import { randomBytes } from 'node:crypto';
import type { Socket } from 'node:net';
import { rawClient } from '../../reliability/support/rawPeer.js';
import { prf12, sha256, X25519 } from './crypto.js';
import { X25519_GROUP } from './hello13.js';
import { Tls12Protection } from './protection.js';
import { RawEndpoint } from './RawEndpoint.js';
import { CT, EXT, HS, ext, handshakeMessage, record, u16, u8, vec16, vec8 } from './wire.js';

const SECP256R1 = 0x0017; // named for the ECDSA certificate's curve (RFC 8422 §5.1.1); the exchange is X25519
const SUITES = [0xc02b, 0xc02f]; // ECDHE_{ECDSA,RSA}_WITH_AES_128_GCM_SHA256

/**
 * A TLS 1.2 client written record by record (ECDHE X25519, AES-128-GCM, extended master secret,
 * RFC 5246 / 5288 / 7627), for attacks on servers after ChangeCipherSpec.
 */
export class Tls12Client extends RawEndpoint {
  private readonly random = randomBytes(32);
  /** client_verify_data, which a secure renegotiation ClientHello carries (RFC 5746 §3.5). */
  private verifyData: Buffer = Buffer.alloc(0);

  static async connect(port: number): Promise<Tls12Client> {
    return new Tls12Client(await rawClient(port));
  }

  constructor(socket: Socket) {
    super(socket);
  }

  protected override protectsEveryType(): boolean {
    return true;
  }

  /** A ClientHello; `renegotiation` puts the client's verify_data in renegotiation_info. */
  clientHello(renegotiation = false): Buffer {
    const extensions = [
      ext(EXT.serverName, vec16(Buffer.concat([u8(0), vec16(Buffer.from('localhost'))]))),
      ext(EXT.supportedGroups, vec16(Buffer.concat([u16(X25519_GROUP), u16(SECP256R1)]))),
      ext(EXT.ecPointFormats, vec8(u8(0))),
      ext(EXT.signatureAlgorithms, vec16(Buffer.concat([0x0403, 0x0804, 0x0401].map(u16)))),
      ext(EXT.ems, Buffer.alloc(0)),
      ext(EXT.renegotiationInfo, vec8(renegotiation ? this.verifyData : Buffer.alloc(0))),
    ];
    const body = Buffer.concat([u16(0x0303), renegotiation ? randomBytes(32) : this.random, vec8(Buffer.alloc(0)), vec16(Buffer.concat(SUITES.map(u16))), vec8(u8(0)), vec16(Buffer.concat(extensions))]);
    return handshakeMessage(HS.clientHello, body);
  }

  async handshake(): Promise<void> {
    const transcript: Buffer[] = [this.clientHello()];
    this.send(record(CT.handshake, transcript[0]!));
    let serverRandom: Buffer | undefined;
    let serverShare: Buffer | undefined;
    for (let msg = await this.nextMessage(); ; msg = await this.nextMessage()) {
      transcript.push(msg.raw);
      if (msg.type === HS.serverHello) serverRandom = msg.body.subarray(2, 34);
      // ServerECDHParams (RFC 8422 §5.4): curve_type 3, named_curve, the point in an 8-bit vector.
      if (msg.type === HS.serverKeyExchange) serverShare = msg.body.subarray(4, 4 + msg.body[3]!);
      if (msg.type === HS.serverHelloDone) break;
    }
    const share = new X25519();
    const cke = handshakeMessage(HS.clientKeyExchange, vec8(share.publicKey));
    transcript.push(cke);
    const master = prf12(share.shared(serverShare!), 'extended master secret', sha256(...transcript), 48);
    const block = prf12(master, 'key expansion', Buffer.concat([serverRandom!, this.random]), 40);
    this.verifyData = prf12(master, 'client finished', sha256(...transcript), 12);
    const finished = handshakeMessage(HS.finished, this.verifyData);
    this.write = new Tls12Protection(block.subarray(0, 16), block.subarray(32, 36));
    this.send(record(CT.handshake, cke), record(CT.ccs, u8(1)), this.seal(CT.handshake, finished));
    // The server's CCS switches what it sends next to its keys.
    for (;;) {
      const rec = await this.reader.next();
      if (rec === undefined) throw new Error('target closed the connection during the handshake');
      if (rec.type === CT.ccs) break;
      if (rec.type === CT.alert) throw new Error(`target sent alert ${rec.body[1]}`);
    }
    this.read = new Tls12Protection(block.subarray(16, 32), block.subarray(36, 40));
    const serverFinished = await this.nextMessage();
    if (serverFinished.type !== HS.finished) throw new Error(`expected the server Finished, got ${serverFinished.type}`);
  }
}
