import { expect } from 'chai';
import fc from 'fast-check';
import { AlertDescription, resolveTlsConfig, type EngineContext, type SecureAttributes, type TlsEngine } from '@tlsport/core';
import { TestCa, type Issued } from '@tlsport/testkit';
import { concat } from '../../src/codec/bytes.js';
import { Writer } from '../../src/codec/Writer.js';
import { parseServerHello, serializeServerHello } from '../../src/handshake/serverHello.js';
import { ExtensionType, HandshakeType } from '../../src/handshake/types.js';
import { ContentType } from '../../src/record/types.js';
import { PureBackend } from '../../src/index.js';
import { RecordingSink } from '../helpers/replay.js';
import type { Tls12RecordCipher } from '../../src/record/Tls12RecordCipher.js';
import type { RecordKeys } from '../../src/tls12/keySchedule.js';
import { editFlight, handshakeMessage, joinRecords, keysFromKeylog, openAll, record, records, serverRandomOf, type WireRecord } from './helpers/wire.js';

const backend = new PureBackend();
const fatal = (d: AlertDescription): number[] => [2, d];

interface Run {
  client: TlsEngine;
  server: TlsEngine;
  csink: RecordingSink;
  ssink: RecordingSink;
  /** The server's first flight: ServerHello .. ServerHelloDone. */
  flight: Uint8Array;
}

describe('TLS 1.2 negative: malformed, tampered and out-of-order messages (no exception escapes)', () => {
  let ca: TestCa;
  let leaf: Issued;
  let cctx: EngineContext;
  let sctx: EngineContext;
  const clientAttrs: SecureAttributes = { role: 'client', servername: 'localhost', maxVersion: 'TLSv1.2', keylog: () => {} };
  let serverAttrs: SecureAttributes;

  before(async () => {
    ca = TestCa.root();
    leaf = ca.issue({ keyType: 'ec-p256' });
    serverAttrs = { role: 'server', cert: leaf.chain, key: leaf.key, keylog: () => {} };
    cctx = await backend.createContext(resolveTlsConfig({ ...clientAttrs, ca: ca.cert }));
    sctx = await backend.createContext(resolveTlsConfig(serverAttrs));
  });
  after(async () => {
    await cctx.dispose();
    await sctx.dispose();
    ca.dispose();
  });

  function start(client: SecureAttributes = {}, server: SecureAttributes = {}, clientContext = cctx): Run {
    const csink = new RecordingSink();
    const ssink = new RecordingSink();
    const c = clientContext.createEngine(resolveTlsConfig({ ...clientAttrs, ca: ca.cert, ...client }), csink);
    const s = sctx.createEngine(resolveTlsConfig({ ...serverAttrs, ...server }), ssink);
    s.start();
    c.start();
    s.receive(csink.take());
    return { client: c, server: s, csink, ssink, flight: ssink.take() };
  }

  /** Feeds bytes that must not throw; returns the receiver's fault. */
  function feed(engine: TlsEngine, sink: RecordingSink, bytes: Uint8Array): string {
    expect(() => engine.receive(bytes)).not.to.throw();
    expect(sink.error, 'the engine must fail').not.to.equal(undefined);
    expect(sink.result).to.equal(undefined);
    return sink.error!.fault;
  }

  /** The plaintext alert a side sent last. */
  function plainAlert(sink: RecordingSink): number[] {
    const last = records(sink.take()).at(-1)!;
    expect(last.type).to.equal(ContentType.alert);
    return [...last.fragment];
  }

  /** Client side: the server's first flight with its handshake messages rewritten. */
  function clientGets(edit: (msgs: Uint8Array[]) => Uint8Array[], clientContext = cctx): { fault: string; alert: number[] } {
    const run = start({}, {}, clientContext);
    const fault = feed(run.client, run.csink, editFlight(run.flight, edit));
    return { fault, alert: plainAlert(run.csink) };
  }

  function withServerHelloExtensions(sh: Uint8Array, edit: (ext: Map<number, Uint8Array>) => void): Uint8Array {
    const parsed = parseServerHello(sh.subarray(4));
    const ext = new Map(parsed.extensions);
    edit(ext);
    return serializeServerHello({ random: parsed.random, sessionId: parsed.sessionId, cipherSuite: parsed.cipherSuite, extensions: ext }).raw;
  }

  const body = (msg: Uint8Array): Uint8Array => msg.subarray(4);

  it('the unmodified exchange completes (control)', () => {
    const run = start();
    run.client.receive(run.flight);
    run.server.receive(run.csink.take());
    run.client.receive(run.ssink.take());
    expect(run.csink.error).to.equal(undefined);
    expect(run.ssink.error).to.equal(undefined);
    expect(run.csink.result!.version).to.equal('TLSv1.2');
    expect(run.ssink.result!.version).to.equal('TLSv1.2');
  });

  describe('client side', () => {
    it('ServerHello without extended_master_secret (required): handshake_failure', () => {
      const r = clientGets(([sh, ...rest]) => [withServerHelloExtensions(sh!, (e) => e.delete(ExtensionType.extended_master_secret)), ...rest]);
      expect(r).to.deep.equal({ fault: 'missing-extension', alert: fatal(AlertDescription.handshake_failure) });
    });

    it('ServerHello without renegotiation_info: handshake_failure', () => {
      const r = clientGets(([sh, ...rest]) => [withServerHelloExtensions(sh!, (e) => e.delete(ExtensionType.renegotiation_info)), ...rest]);
      expect(r).to.deep.equal({ fault: 'missing-extension', alert: fatal(AlertDescription.handshake_failure) });
    });

    it('ServerHello with a non-empty renegotiation_info: handshake_failure', () => {
      const r = clientGets(([sh, ...rest]) => [withServerHelloExtensions(sh!, (e) => e.set(ExtensionType.renegotiation_info, Uint8Array.of(1, 7))), ...rest]);
      expect(r).to.deep.equal({ fault: 'illegal-parameter', alert: fatal(AlertDescription.handshake_failure) });
    });

    it('ServerHello with an extension the client did not offer: unsupported_extension', () => {
      const r = clientGets(([sh, ...rest]) => [withServerHelloExtensions(sh!, (e) => e.set(ExtensionType.status_request, new Uint8Array(0))), ...rest]);
      expect(r.alert).to.deep.equal(fatal(AlertDescription.unsupported_extension));
    });

    it('ServerKeyExchange truncated by one byte: decode_error', () => {
      const r = clientGets(([sh, cert, ske, done]) => [sh!, cert!, handshakeMessage(HandshakeType.server_key_exchange, body(ske!).subarray(0, body(ske!).length - 1)), done!]);
      expect(r).to.deep.equal({ fault: 'bad-message', alert: fatal(AlertDescription.decode_error) });
    });

    it('ServerKeyExchange signature altered: decrypt_error', () => {
      const r = clientGets(([sh, cert, ske, done]) => {
        const bad = Uint8Array.from(ske!);
        bad[bad.length - 5]! ^= 0x01;
        return [sh!, cert!, bad, done!];
      });
      expect(r).to.deep.equal({ fault: 'bad-signature', alert: fatal(AlertDescription.decrypt_error) });
    });

    it('ServerKeyExchange with a group the client did not offer: illegal_parameter', async () => {
      // Groups are a context setting: this client's context offers no secp384r1.
      const noP384 = await backend.createContext(resolveTlsConfig({ ...clientAttrs, ca: ca.cert, groups: ['x25519', 'secp256r1'] }));
      try {
        const r = clientGets(([sh, cert, ske, done]) => {
          const bad = Uint8Array.from(ske!);
          bad[4 + 2] = 0x18; // x25519 -> secp384r1, which this client does not offer
          return [sh!, cert!, bad, done!];
        }, noP384);
        expect(r).to.deep.equal({ fault: 'illegal-parameter', alert: fatal(AlertDescription.illegal_parameter) });
      } finally {
        await noP384.dispose();
      }
    });

    it('ServerKeyExchange with explicit curve parameters: illegal_parameter', () => {
      const r = clientGets(([sh, cert, ske, done]) => {
        const bad = Uint8Array.from(ske!);
        bad[4] = 1;
        return [sh!, cert!, bad, done!];
      });
      expect(r.alert).to.deep.equal(fatal(AlertDescription.illegal_parameter));
    });

    it('ServerKeyExchange left out (ServerHelloDone after Certificate): unexpected_message', () => {
      const r = clientGets(([sh, cert, , done]) => [sh!, cert!, done!]);
      expect(r).to.deep.equal({ fault: 'unexpected-message', alert: fatal(AlertDescription.unexpected_message) });
    });

    it('Certificate with a trailing byte: decode_error', () => {
      const r = clientGets(([sh, cert, ske, done]) => [sh!, handshakeMessage(HandshakeType.certificate, concat(body(cert!), Uint8Array.of(0))), ske!, done!]);
      expect(r.alert).to.deep.equal(fatal(AlertDescription.decode_error));
    });

    it('ServerHelloDone with a body: decode_error', () => {
      const r = clientGets(([sh, cert, ske]) => [sh!, cert!, ske!, handshakeMessage(HandshakeType.server_hello_done, Uint8Array.of(0))]);
      expect(r.alert).to.deep.equal(fatal(AlertDescription.decode_error));
    });

    it('a HelloRequest during the handshake is ignored (RFC 5246 §7.4.1.1)', () => {
      const run = start();
      run.client.receive(editFlight(run.flight, ([sh, cert, ske, done]) => [sh!, handshakeMessage(HandshakeType.hello_request, new Uint8Array(0)), cert!, ske!, done!]));
      run.server.receive(run.csink.take());
      run.client.receive(run.ssink.take());
      expect(run.csink.error).to.equal(undefined);
      expect(run.csink.result).not.to.equal(undefined);
    });

    it('ChangeCipherSpec before ServerHelloDone: unexpected_message', () => {
      const run = start();
      const [hs] = records(run.flight);
      const fault = feed(run.client, run.csink, concat(record(ContentType.handshake, hs!.fragment.subarray(0, 4 + ((hs!.fragment[1]! << 16) | (hs!.fragment[2]! << 8) | hs!.fragment[3]!))), record(ContentType.change_cipher_spec, Uint8Array.of(1))));
      expect(fault).to.equal('unexpected-message');
      expect(plainAlert(run.csink)).to.deep.equal(fatal(AlertDescription.unexpected_message));
    });

    /** Runs to the server's last flight ([NewSessionTicket], CCS, Finished) and lets `edit` change its records. */
    function lastFlight(edit: (list: WireRecord[], fresh: () => RecordKeys) => WireRecord[]): { fault: string; alert: number[] } {
      const run = start();
      run.client.receive(run.flight);
      const clientFlight = run.csink.take();
      run.server.receive(clientFlight);
      const fresh = (): RecordKeys => keysFromKeylog(run.csink.keylogs[0]!, serverRandomOf(run.flight), SUITE);
      const fault = feed(run.client, run.csink, joinRecords(edit(records(run.ssink.take()), fresh)));
      // The client's alert goes out under its new keys, after its Finished.
      return { fault, alert: lastProtected(fresh().client, concat(clientFlight, run.csink.take())) };
    }

    it('server Finished record tampered: bad_record_mac', () => {
      const r = lastFlight((list) => [...list.slice(0, -1), flipped(list.at(-1)!, 10)]);
      expect(r).to.deep.equal({ fault: 'bad-mac', alert: fatal(AlertDescription.bad_record_mac) });
    });

    it('server Finished with a wrong verify_data (properly encrypted): decrypt_error', () => {
      const r = lastFlight((list, fresh) => [...list.slice(0, -1), wrongFinished(list.at(-1)!, fresh().server, fresh().server)]);
      expect(r).to.deep.equal({ fault: 'bad-signature', alert: fatal(AlertDescription.decrypt_error) });
    });

    it('NewSessionTicket after the server ChangeCipherSpec: unexpected_message', () => {
      const run = start();
      run.client.receive(run.flight);
      run.server.receive(run.csink.take());
      const [nst, ccs, fin] = records(run.ssink.take());
      expect(nst!.type).to.equal(ContentType.handshake);
      const fault = feed(run.client, run.csink, joinRecords([ccs!, nst!, fin!]));
      expect(fault).to.equal('unexpected-message');
    });
  });

  it('random byte changes anywhere in either flight: the engine fails with an alert or copes, never throws', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.nat(), fc.integer({ min: 1, max: 255 }), (toClient, at, xor) => {
        const run = start();
        const [engine, sink, bytes] = toClient
          ? [run.client, run.csink, Uint8Array.from(run.flight)]
          : (() => {
              run.client.receive(run.flight);
              return [run.server, run.ssink, Uint8Array.from(run.csink.take())] as const;
            })();
        bytes[at % bytes.length]! ^= xor;
        expect(() => engine.receive(bytes)).not.to.throw();
        if (sink.error !== undefined) expect(sink.error.alert === undefined || records(sink.take()).at(-1)!.type === ContentType.alert).to.equal(true);
      }),
      { numRuns: 150 },
    );
  });

  describe('server side', () => {
    /** Runs to the client's flight (ClientKeyExchange, CCS, Finished) and gives the server an edited one. */
    function serverGets(edit: (list: WireRecord[], fresh: () => RecordKeys) => WireRecord[]): { fault: string; alert: number[] } {
      const run = start();
      run.client.receive(run.flight);
      const fresh = (): RecordKeys => keysFromKeylog(run.csink.keylogs[0]!, serverRandomOf(run.flight), SUITE);
      const fault = feed(run.server, run.ssink, joinRecords(edit(records(run.csink.take()), fresh)));
      return { fault, alert: plainAlert(run.ssink) };
    }

    it('ClientKeyExchange truncated: decode_error', () => {
      const r = serverGets(([, ...rest]) => [{ type: ContentType.handshake, fragment: handshakeMessage(HandshakeType.client_key_exchange, Uint8Array.of(32, 1, 2)) }, ...rest]);
      expect(r).to.deep.equal({ fault: 'bad-message', alert: fatal(AlertDescription.decode_error) });
    });

    it('ClientKeyExchange with an all-zero X25519 key (all-zero secret): illegal_parameter', () => {
      const r = serverGets(([, ...rest]) => [{ type: ContentType.handshake, fragment: handshakeMessage(HandshakeType.client_key_exchange, new Writer().bytes8(new Uint8Array(32)).finish()) }, ...rest]);
      expect(r).to.deep.equal({ fault: 'illegal-parameter', alert: fatal(AlertDescription.illegal_parameter) });
    });

    it('client Finished record tampered: bad_record_mac', () => {
      const r = serverGets((list) => [...list.slice(0, -1), flipped(list.at(-1)!, 12)]);
      expect(r).to.deep.equal({ fault: 'bad-mac', alert: fatal(AlertDescription.bad_record_mac) });
    });

    it('client Finished with a wrong verify_data (properly encrypted): decrypt_error', () => {
      const r = serverGets((list, fresh) => [...list.slice(0, -1), wrongFinished(list.at(-1)!, fresh().client, fresh().client)]);
      expect(r).to.deep.equal({ fault: 'bad-signature', alert: fatal(AlertDescription.decrypt_error) });
    });

    it('Finished without ChangeCipherSpec: unexpected_message', () => {
      const r = serverGets(([cke]) => [cke!, { type: ContentType.handshake, fragment: handshakeMessage(HandshakeType.finished, new Uint8Array(12)) }]);
      expect(r).to.deep.equal({ fault: 'unexpected-message', alert: fatal(AlertDescription.unexpected_message) });
    });

    it('a malformed ChangeCipherSpec (two bytes): decode_error', () => {
      const r = serverGets(([cke, , fin]) => [cke!, { type: ContentType.change_cipher_spec, fragment: Uint8Array.of(1, 1) }, fin!]);
      expect(r).to.deep.equal({ fault: 'bad-message', alert: fatal(AlertDescription.decode_error) });
    });

    it('application data before the handshake completes: unexpected_message', () => {
      const r = serverGets(([cke]) => [cke!, { type: ContentType.application_data, fragment: Uint8Array.of(1, 2, 3) }]);
      expect(r).to.deep.equal({ fault: 'unexpected-message', alert: fatal(AlertDescription.unexpected_message) });
    });

    it('ClientKeyExchange skipped (CCS right after ServerHelloDone): unexpected_message', () => {
      const r = serverGets(([, ccs, fin]) => [ccs!, fin!]);
      expect(r).to.deep.equal({ fault: 'unexpected-message', alert: fatal(AlertDescription.unexpected_message) });
    });
  });
});

const SUITE = 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256';

/** A record with one ciphertext byte flipped. */
function flipped(rec: WireRecord, at: number): WireRecord {
  const fragment = Uint8Array.from(rec.fragment);
  fragment[at]! ^= 1;
  return { type: rec.type, fragment };
}

/** The Finished record decrypted, its verify_data altered, encrypted again under the same (fresh) keys. */
function wrongFinished(rec: WireRecord, opener: Tls12RecordCipher, sealer: Tls12RecordCipher): WireRecord {
  const [opened] = openAll(opener, [rec]);
  const bad = Uint8Array.from(opened!.content);
  bad[bad.length - 1]! ^= 0x80;
  return records(sealer.seal(ContentType.handshake, bad))[0]!;
}

/** The content of the last record a side sent under the keys it switched to at its ChangeCipherSpec. */
function lastProtected(cipher: Tls12RecordCipher, sent: Uint8Array): number[] {
  const list = records(sent);
  const opened = openAll(cipher, list.slice(list.findIndex((r) => r.type === ContentType.change_cipher_spec) + 1));
  return [...opened.at(-1)!.content];
}
