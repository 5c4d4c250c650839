import { expect } from 'chai';
import { AlertDescription, resolveTlsConfig, type EngineContext, type TlsConfig } from '@tlsport/core';
import { TestCa } from '@tlsport/testkit';
import { Reader } from '../../src/codec/Reader.js';
import { Writer } from '../../src/codec/Writer.js';
import { concat } from '../../src/codec/bytes.js';
import { parseClientHello } from '../../src/handshake/clientHello.js';
import { ExtensionType } from '../../src/handshake/types.js';
import { ContentType } from '../../src/record/types.js';
import { PureBackend } from '../../src/index.js';
import { RecordingSink } from '../helpers/replay.js';
import { Trace } from '../helpers/rfc8448.js';

const rfcHello = new Trace('3 Simple 1-RTT Handshake').field('client', 'construct a ClientHello', 'ClientHello');

/** The RFC ClientHello with its extension list rewritten (duplicates allowed), as a plaintext record. */
function hello(edit: (ext: [number, Uint8Array][]) => [number, Uint8Array][], body?: (b: Uint8Array) => Uint8Array): Uint8Array {
  const parsed = parseClientHello(rfcHello.subarray(4));
  const ext = edit([...parsed.extensions.entries()]);
  let b = new Writer()
    .u16(0x0303)
    .bytes(parsed.random)
    .bytes8(parsed.sessionId)
    .vec16((w) => parsed.cipherSuites.forEach((s) => w.u16(s)))
    .bytes8(Uint8Array.of(0))
    .vec16((w) => ext.forEach(([t, v]) => w.u16(t).bytes16(v)))
    .finish();
  if (body !== undefined) b = body(b);
  const msg = new Writer().u8(1).bytes24(b).finish();
  return record(ContentType.handshake, msg);
}

function record(type: ContentType, content: Uint8Array): Uint8Array {
  return concat(Uint8Array.of(type, 3, 3, content.length >> 8, content.length & 0xff), content);
}

describe('negative: a pure server facing broken ClientHellos', () => {
  let ca: TestCa;
  let ctx: EngineContext;
  let config: TlsConfig;
  let ctx13: EngineContext;
  before(async () => {
    ca = TestCa.root();
    const leaf = ca.issue({ keyType: 'ec-p256' });
    config = resolveTlsConfig({ role: 'server', cert: leaf.chain, key: leaf.key });
    ctx = await new PureBackend().createContext(config);
    ctx13 = await new PureBackend().createContext(resolveTlsConfig({ role: 'server', cert: leaf.chain, key: leaf.key, minVersion: 'TLSv1.3' }));
  });
  after(async () => {
    await ctx.dispose();
    await ctx13.dispose();
    ca.dispose();
  });

  /** Feeds bytes to a fresh server engine; returns the sink and the first record it sent. */
  function serve(bytes: Uint8Array): { sink: RecordingSink; first: Uint8Array } {
    const sink = new RecordingSink();
    const engine = ctx.createEngine(config, sink);
    engine.start();
    expect(() => engine.receive(bytes)).not.to.throw();
    return { sink, first: sink.take() };
  }

  /** The plaintext alert the server answered with. */
  function alertOf(out: Uint8Array): number[] {
    expect(out[0], 'an alert record').to.equal(ContentType.alert);
    const r = new Reader(out.subarray(5));
    return [r.u8(), r.u8()];
  }

  const fatal = (d: AlertDescription): number[] => [2, d];

  it('the RFC ClientHello is answered with a ServerHello (control)', () => {
    const { sink, first } = serve(hello((e) => e));
    expect(sink.error).to.equal(undefined);
    expect(first[0]).to.equal(ContentType.handshake);
    expect(first[5]).to.equal(2);
  });

  it('an unknown extension is ignored', () => {
    const { sink, first } = serve(hello((e) => [[0xfafa, Uint8Array.of(1, 2, 3)], ...e]));
    expect(sink.error).to.equal(undefined);
    expect(first[5]).to.equal(2);
  });

  it('a duplicate extension: illegal_parameter', () => {
    const { sink, first } = serve(hello((e) => [...e, e.find(([t]) => t === ExtensionType.supported_groups)!]));
    expect(sink.error!.fault).to.equal('illegal-parameter');
    expect(alertOf(first)).to.deep.equal(fatal(AlertDescription.illegal_parameter));
  });

  /** A server that allows TLS 1.3 only (the same certificate, minVersion raised: a context of its own). */
  function serve13(bytes: Uint8Array): { sink: RecordingSink; first: Uint8Array } {
    const sink = new RecordingSink();
    const engine = ctx13.createEngine(config, sink);
    engine.start();
    expect(() => engine.receive(bytes)).not.to.throw();
    return { sink, first: sink.take() };
  }

  it('no TLS 1.3 in supported_versions, on a TLS 1.3-only server: protocol_version', () => {
    const v12 = new Writer().vec8((w) => w.u16(0x0303)).finish();
    const { sink, first } = serve13(hello((e) => e.map(([t, v]) => [t, t === ExtensionType.supported_versions ? v12 : v])));
    expect(sink.error!.fault).to.equal('protocol-version');
    expect(alertOf(first)).to.deep.equal(fatal(AlertDescription.protocol_version));
  });

  it('no supported_versions at all (a TLS 1.2 client), on a TLS 1.3-only server: protocol_version', () => {
    const { first } = serve13(hello((e) => e.filter(([t]) => t !== ExtensionType.supported_versions)));
    expect(alertOf(first)).to.deep.equal(fatal(AlertDescription.protocol_version));
  });

  it('a TLS 1.2 ClientHello without extended_master_secret (required by default): handshake_failure', () => {
    const { sink, first } = serve(hello((e) => e.filter(([t]) => t !== ExtensionType.supported_versions)));
    expect(sink.error!.fault).to.equal('missing-extension');
    expect(alertOf(first)).to.deep.equal(fatal(AlertDescription.handshake_failure));
  });

  it('no key_share: missing_extension', () => {
    const { sink, first } = serve(hello((e) => e.filter(([t]) => t !== ExtensionType.key_share)));
    expect(sink.error!.fault).to.equal('missing-extension');
    expect(alertOf(first)).to.deep.equal(fatal(AlertDescription.missing_extension));
  });

  it('a truncated ClientHello body: decode_error', () => {
    const { sink, first } = serve(hello((e) => e, (b) => b.subarray(0, b.length - 3)));
    expect(sink.error!.fault).to.equal('bad-message');
    expect(alertOf(first)).to.deep.equal(fatal(AlertDescription.decode_error));
  });

  it('trailing bytes after the extensions: decode_error', () => {
    const { first } = serve(hello((e) => e, (b) => concat(b, Uint8Array.of(0))));
    expect(alertOf(first)).to.deep.equal(fatal(AlertDescription.decode_error));
  });

  it('an invalid X25519 key share (all zeros gives an all-zero secret): illegal_parameter', () => {
    const zeros = new Writer().vec16((w) => w.u16(0x1d).bytes16(new Uint8Array(32))).finish();
    const { first } = serve(hello((e) => e.map(([t, v]) => [t, t === ExtensionType.key_share ? zeros : v])));
    expect(alertOf(first)).to.deep.equal(fatal(AlertDescription.illegal_parameter));
  });

  it('a Finished instead of a ClientHello: unexpected_message', () => {
    const { sink, first } = serve(record(ContentType.handshake, Uint8Array.of(20, 0, 0, 32, ...new Uint8Array(32))));
    expect(sink.error!.fault).to.equal('unexpected-message');
    expect(alertOf(first)).to.deep.equal(fatal(AlertDescription.unexpected_message));
  });

  it('application data before any handshake: unexpected_message', () => {
    const { first } = serve(record(ContentType.application_data, Uint8Array.of(1, 2, 3)));
    expect(alertOf(first)).to.deep.equal(fatal(AlertDescription.unexpected_message));
  });

  it('a plaintext record over 2^14 bytes: record_overflow', () => {
    const { sink, first } = serve(record(ContentType.handshake, new Uint8Array(0x4001)));
    expect(sink.error!.fault).to.equal('record-overflow');
    expect(alertOf(first)).to.deep.equal(fatal(AlertDescription.record_overflow));
  });

  it('a ClientHello split over many records, coalesced again, is accepted', () => {
    const full = hello((e) => e);
    const msg = full.subarray(5);
    const pieces: Uint8Array[] = [];
    for (let at = 0; at < msg.length; at += 7) pieces.push(record(ContentType.handshake, msg.subarray(at, at + 7)));
    const { sink, first } = serve(concat(...pieces));
    expect(sink.error).to.equal(undefined);
    expect(first[5]).to.equal(2);
  });
});
