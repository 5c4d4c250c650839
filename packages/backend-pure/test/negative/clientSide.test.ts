import { expect } from 'chai';
import { AlertDescription, GskStatus } from '@tlsport/core';
import { Writer } from '../../src/codec/Writer.js';
import { ContentType } from '../../src/record/types.js';
import { clientAfterServerHello, clientAlert, concat, handshakeMessage, sealServerFlight, serverFlightMessages } from '../helpers/rfcFlight.js';

/** Runs a modified RFC 8448 server flight into the client; returns its error and the alert it sent. */
function run(flight: Uint8Array | ((messages: Uint8Array[]) => Uint8Array[]), raw = false): { fault: string; status: GskStatus; alert: number[] } {
  const { engine, sink } = clientAfterServerHello();
  const bytes = typeof flight === 'function' ? concat(...flight(serverFlightMessages())) : flight;
  expect(() => engine.receive(raw ? bytes : sealServerFlight(bytes))).not.to.throw();
  expect(sink.error, 'the client must fail').not.to.equal(undefined);
  expect(sink.result).to.equal(undefined);
  return { fault: sink.error!.fault, status: sink.error!.status, alert: clientAlert(sink) };
}

const fatal = (d: AlertDescription): number[] => [2, d];

describe('negative: a pure client facing a broken server flight (RFC 8448 §3 keys)', () => {
  it('the unmodified flight is accepted (control)', () => {
    const { engine, sink } = clientAfterServerHello();
    engine.receive(sealServerFlight(concat(...serverFlightMessages())));
    expect(sink.error).to.equal(undefined);
    expect(sink.result).not.to.equal(undefined);
  });

  it('record padding is accepted (RFC 8446 §5.4)', () => {
    const { engine, sink } = clientAfterServerHello();
    engine.receive(sealServerFlight(concat(...serverFlightMessages()), ContentType.handshake, 300));
    expect(sink.error).to.equal(undefined);
    expect(sink.result).not.to.equal(undefined);
  });

  it('tampered ciphertext: bad_record_mac', () => {
    const record = sealServerFlight(concat(...serverFlightMessages()));
    record[100]! ^= 1;
    const r = run(record, true);
    expect(r).to.deep.equal({ fault: 'bad-mac', status: GskStatus.GSK_ERROR_BAD_MAC, alert: fatal(AlertDescription.bad_record_mac) });
  });

  it('wrong Finished: decrypt_error', () => {
    const r = run(([ee, cert, cv, fin]) => {
      const bad = Uint8Array.from(fin!);
      bad[bad.length - 1]! ^= 0x80;
      return [ee!, cert!, cv!, bad];
    });
    expect(r).to.deep.equal({ fault: 'bad-signature', status: GskStatus.GSK_ERROR_BAD_CERT_SIG, alert: fatal(AlertDescription.decrypt_error) });
  });

  it('bad CertificateVerify signature: decrypt_error', () => {
    const r = run(([ee, cert, cv, fin]) => {
      const bad = Uint8Array.from(cv!);
      bad[20]! ^= 0x01;
      return [ee!, cert!, bad, fin!];
    });
    expect(r.fault).to.equal('bad-signature');
    expect(r.alert).to.deep.equal(fatal(AlertDescription.decrypt_error));
  });

  it('CertificateVerify with a scheme the client did not offer (rsa_pkcs1_sha256): illegal_parameter', () => {
    const r = run(([ee, cert, cv, fin]) => {
      const bad = Uint8Array.from(cv!);
      bad[4] = 0x04;
      bad[5] = 0x01;
      return [ee!, cert!, bad, fin!];
    });
    expect(r.fault).to.equal('illegal-parameter');
    expect(r.alert).to.deep.equal(fatal(AlertDescription.illegal_parameter));
  });

  it('truncated message (EncryptedExtensions whose extension block overruns it): decode_error', () => {
    const r = run(([, cert, cv, fin]) => [handshakeMessage(8, Uint8Array.of(0x00, 0x10, 0x00)), cert!, cv!, fin!]);
    expect(r).to.deep.equal({ fault: 'bad-message', status: GskStatus.GSK_ERROR_BAD_MESSAGE, alert: fatal(AlertDescription.decode_error) });
  });

  it('trailing bytes after a message body (Finished one byte too long): decode_error', () => {
    const r = run(([ee, cert, cv, fin]) => [ee!, cert!, cv!, handshakeMessage(20, concat(fin!.subarray(4), Uint8Array.of(0)))]);
    expect(r.fault).to.equal('bad-message');
    expect(r.alert).to.deep.equal(fatal(AlertDescription.decode_error));
  });

  it('oversized handshake message (declared 1 MiB): decode_error before buffering it', () => {
    const r = run(() => [Uint8Array.of(8, 0x10, 0x00, 0x00, 0, 0)]);
    expect(r.fault).to.equal('bad-message');
    expect(r.alert).to.deep.equal(fatal(AlertDescription.decode_error));
  });

  it('oversized record (more than 2^14 + 256 bytes): record_overflow', () => {
    const header = Uint8Array.of(ContentType.application_data, 3, 3, 0x41, 0x01);
    const r = run(concat(header, new Uint8Array(0x4101)), true);
    expect(r).to.deep.equal({ fault: 'record-overflow', status: GskStatus.GSK_TLSPORT_ERROR_RECORD_OVERFLOW, alert: fatal(AlertDescription.record_overflow) });
  });

  it('duplicate extension in EncryptedExtensions: illegal_parameter', () => {
    const sg = new Writer().u16(10).bytes16(new Writer().vec16((w) => w.u16(0x1d)).finish()).finish();
    const ee = handshakeMessage(8, new Writer().vec16((w) => w.bytes(sg).bytes(sg)).finish());
    const r = run(([, cert, cv, fin]) => [ee, cert!, cv!, fin!]);
    expect(r.fault).to.equal('illegal-parameter');
    expect(r.alert).to.deep.equal(fatal(AlertDescription.illegal_parameter));
  });

  it('an extension the client never offered in EncryptedExtensions: unsupported_extension', () => {
    const ee = handshakeMessage(8, new Writer().vec16((w) => w.u16(0xfafa).bytes16(new Uint8Array(0))).finish());
    const r = run(([, cert, cv, fin]) => [ee, cert!, cv!, fin!]);
    expect(r.alert).to.deep.equal(fatal(AlertDescription.unsupported_extension));
  });

  it('an unknown extension in a CertificateRequest is ignored (RFC 8446 §4.3.2)', () => {
    const { engine, sink } = clientAfterServerHello();
    const [ee, cert, cv, fin] = serverFlightMessages();
    const cr = handshakeMessage(13, new Writer().bytes8(new Uint8Array(0)).vec16((w) => {
      w.u16(0xfafa).bytes16(Uint8Array.of(1, 2, 3));
      w.u16(13).bytes16(new Writer().vec16((v) => v.u16(0x0804)).finish());
    }).finish());
    engine.receive(sealServerFlight(concat(ee!, cr, cert!, cv!, fin!)));
    // The transcript now differs from the RFC's, so the server Finished no longer verifies: the
    // CertificateRequest itself was accepted, and the failure is the Finished check.
    expect(sink.error!.fault).to.equal('bad-signature');
  });

  it('messages out of order (CertificateVerify before Certificate): unexpected_message', () => {
    const r = run(([ee, cert, cv, fin]) => [ee!, cv!, cert!, fin!]);
    expect(r).to.deep.equal({ fault: 'unexpected-message', status: GskStatus.GSK_ERROR_BAD_MESSAGE, alert: fatal(AlertDescription.unexpected_message) });
  });

  it('messages out of order (Finished right after EncryptedExtensions): unexpected_message', () => {
    const r = run(([ee, , , fin]) => [ee!, fin!]);
    expect(r.alert).to.deep.equal(fatal(AlertDescription.unexpected_message));
  });

  it('a malformed change_cipher_spec (value 2): unexpected_message', () => {
    const r = run(Uint8Array.of(ContentType.change_cipher_spec, 3, 3, 0, 1, 2), true);
    expect(r.alert).to.deep.equal(fatal(AlertDescription.unexpected_message));
  });

  it('application data before the server Finished: unexpected_message', () => {
    const r = run(sealServerFlight(Uint8Array.of(1, 2, 3), ContentType.application_data), true);
    expect(r.alert).to.deep.equal(fatal(AlertDescription.unexpected_message));
  });

  it('an empty Certificate from the server: decode_error', () => {
    const r = run(([ee, , cv, fin]) => [ee!, handshakeMessage(11, Uint8Array.of(0, 0, 0, 0)), cv!, fin!]);
    expect(r.alert).to.deep.equal(fatal(AlertDescription.decode_error));
  });
});
