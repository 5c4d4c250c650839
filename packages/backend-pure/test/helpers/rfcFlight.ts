import { concat } from '../../src/codec/bytes.js';
import { Writer } from '../../src/codec/Writer.js';
import { HandshakeDeframer } from '../../src/handshake/deframer.js';
import { RecordCipher } from '../../src/record/RecordCipher.js';
import { ContentType } from '../../src/record/types.js';
import { Trace } from './rfc8448.js';
import { fixedClock, provider, replayClient, ScriptedRandom, type RecordingSink } from './replay.js';
import type { PureEngine } from '../../src/engine/PureEngine.js';

/**
 * RFC 8448 §3 as a test bench for malformed server flights: the RFC publishes the handshake keys,
 * so a test can re-seal a modified flight the client will decrypt, and open the alert it sends.
 */
export const trace = new Trace('3 Simple 1-RTT Handshake');

/** EncryptedExtensions, Certificate, CertificateVerify, Finished, as the RFC server sent them. */
export function serverFlightMessages(): Uint8Array[] {
  const d = new HandshakeDeframer();
  d.push(trace.field('server', 'send handshake record', 'payload', 1));
  const out: Uint8Array[] = [];
  for (let m = d.next(); m !== undefined; m = d.next()) out.push(m.raw);
  return out;
}

/** A handshake record sealed under the RFC server's handshake key (sequence number 0). */
export function sealServerFlight(plaintext: Uint8Array, type = ContentType.handshake, padding = 0): Uint8Array {
  const key = trace.field('server', 'derive write traffic keys for handshake data', 'key expanded');
  const iv = trace.field('server', 'derive write traffic keys for handshake data', 'iv expanded');
  return new RecordCipher(provider.aead('aes-128-gcm', key), iv).seal(type, plaintext, padding);
}

/** A client that has sent the RFC ClientHello and received the RFC ServerHello. */
export function clientAfterServerHello(): { engine: PureEngine; sink: RecordingSink } {
  const { engine, sink } = replayClient(
    trace.field('client', 'construct a ClientHello', 'ClientHello'),
    trace.field('client', 'create an ephemeral x25519', 'private key'),
    new ScriptedRandom([], {}),
    fixedClock(1_700_000_000_000),
  );
  engine.start();
  engine.receive(trace.field('server', 'send handshake record', 'complete record', 0));
  sink.take();
  return { engine, sink };
}

/** The alert the client sent under its handshake key: [level, description]. */
export function clientAlert(sink: RecordingSink): number[] {
  const record = sink.take();
  const key = trace.field('server', 'derive read traffic keys for handshake data', 'key expanded');
  const iv = trace.field('server', 'derive read traffic keys for handshake data', 'iv expanded');
  const opened = new RecordCipher(provider.aead('aes-128-gcm', key), iv).open(record.subarray(0, 5), record.subarray(5));
  if (opened.type !== ContentType.alert) throw new Error(`expected an alert, got content type ${opened.type}`);
  return [...opened.content];
}

/** A handshake message with the given type and body. */
export function handshakeMessage(type: number, body: Uint8Array): Uint8Array {
  return new Writer().u8(type).bytes24(body).finish();
}

export { concat };
