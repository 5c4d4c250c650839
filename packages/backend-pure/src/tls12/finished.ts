import { TlsError } from '@tlsport/core/spi';
import { constantTimeEqual } from '../codec/bytes.js';
import { unexpectedMessage } from '../codec/errors.js';
import { parseFinished, serializeFinished } from '../handshake/finished.js';
import type { HandshakeMessage } from '../handshake/message.js';
import { readMessage } from '../handshake/transcript.js';
import { HandshakeType } from '../handshake/types.js';
import type { HandshakeIo } from '../tls13/io.js';
import { VERIFY_DATA_LENGTH, type MasterSecret } from './keySchedule.js';
import type { Tls12RecordCipher } from '../record/Tls12RecordCipher.js';

/** ChangeCipherSpec, the new write keys, then Finished under them (RFC 5246 §7.1, §7.4.9). */
export function sendChangeCipherSpecAndFinished(io: HandshakeIo, master: MasterSecret, writer: Tls12RecordCipher, sender: 'client' | 'server'): void {
  io.records.writeChangeCipherSpec();
  io.records.setWriter(writer);
  io.send(serializeFinished(master.verifyData(sender, io.transcript.current())));
}

/** The peer's Finished: verify_data over every message before it, compared in constant time (decrypt_error). */
export function checkFinished(io: HandshakeIo, master: MasterSecret, sender: 'client' | 'server', msg: HandshakeMessage): void {
  if (msg.type !== HandshakeType.finished) throw unexpectedMessage(`expected ${sender} Finished, got handshake type ${msg.type}`);
  const expected = master.verifyData(sender, io.transcript.current());
  const received = readMessage(io.transcript, msg, (body) => parseFinished(body, VERIFY_DATA_LENGTH));
  if (!constantTimeEqual(expected, received)) throw new TlsError('bad-signature', `${sender} Finished does not verify`);
}
