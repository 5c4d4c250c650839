import { expect } from 'chai';
import { CIPHER_SUITES, TlsError } from '@tlsport/core';
import { defaultProvider } from '../../src/crypto/index.js';
import { MAX_EMPTY_RECORDS, MAX_HANDSHAKE_MESSAGE_RECORDS, MAX_KEY_UPDATES, MAX_PSK_IDENTITIES, MAX_SKIPPED_EARLY_DATA, MAX_TICKETS_PER_CONNECTION, MAX_WARNING_ALERTS } from '../../src/common/limits.js';
import { FloodGuard } from '../../src/engine/FloodGuard.js';
import { HandshakeDeframer } from '../../src/handshake/deframer.js';
import { serializeNewSessionTicket } from '../../src/handshake/newSessionTicket.js';
import { Transcript } from '../../src/handshake/transcript.js';
import { RecordCipher } from '../../src/record/RecordCipher.js';
import { RecordLayer } from '../../src/record/RecordLayer.js';
import { ContentType } from '../../src/record/types.js';
import type { ClientContext } from '../../src/tls13/client/ClientContext.js';
import { ClientTickets } from '../../src/tls13/client/ClientTickets.js';
import { HandshakeIo } from '../../src/tls13/io.js';
import { parseSessionState } from '../../src/tls13/sessionState.js';
import { providerRandom, systemClock } from '../../src/tls13/sources.js';
import { tls13Suite } from '../../src/tls13/suite.js';
import { clientOfferedVersion, serverSelectedVersion } from '../../src/tls13/versions.js';
import { acceptPsk } from '../../src/tls13/server/resumption.js';
import type { ServerContext } from '../../src/tls13/server/ServerContext.js';
import type { ClientHello } from '../../src/handshake/clientHello.js';
import type { HandshakeMessage } from '../../src/handshake/message.js';
import { PSK_DHE_KE } from '../../src/handshake/types.js';

const provider = defaultProvider();
const fault = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as TlsError).fault;
  }
  return 'none';
};
/** Two RecordCiphers under one key: the sealing side and the opening side of one direction. */
const cipherPair = (): [RecordCipher, RecordCipher] => {
  const key = new Uint8Array(16).fill(7);
  return [new RecordCipher(provider.aead('aes-128-gcm', key), new Uint8Array(12).fill(1)), new RecordCipher(provider.aead('aes-128-gcm', key), new Uint8Array(12).fill(1))];
};
const plainRecord = (type: ContentType, body: number[]): Uint8Array => Uint8Array.of(type, 3, 3, 0, body.length, ...body);

describe('pure engine bounds (src/common/limits.ts)', () => {
  describe('HandshakeDeframer', () => {
    const messages = [Uint8Array.of(1, 0, 0, 3, 9, 8, 7), Uint8Array.of(14, 0, 0, 0), Uint8Array.of(20, 0, 0, 2, 5, 6)];
    const stream = Uint8Array.from(messages.flatMap((m) => [...m]));
    const drain = (d: HandshakeDeframer): Uint8Array[] => {
      const out: Uint8Array[] = [];
      for (let m = d.next(); m !== undefined; m = d.next()) out.push(m.raw);
      return out;
    };

    for (const size of [1, 2, 3, 5, stream.length]) {
      it(`reassembles the same messages from fragments of ${size} byte(s), an empty one included`, () => {
        const d = new HandshakeDeframer();
        const seen: Uint8Array[] = [];
        for (let at = 0; at < stream.length; at += size) {
          d.push(stream.subarray(at, at + size));
          seen.push(...drain(d));
        }
        expect(seen).to.deep.equal(messages);
        expect(d.empty).to.equal(true);
      });
    }

    it(`a message may span ${MAX_HANDSHAKE_MESSAGE_RECORDS} records; the next one is unexpected_message`, () => {
      const d = new HandshakeDeframer();
      const body = new Uint8Array(1000);
      const message = Uint8Array.of(11, 0, 1000 >> 8, 1000 & 0xff, ...body);
      for (let i = 0; i < MAX_HANDSHAKE_MESSAGE_RECORDS - 1; i++) {
        d.push(message.subarray(i, i + 1));
        expect(drain(d)).to.deep.equal([]);
      }
      d.push(message.subarray(MAX_HANDSHAKE_MESSAGE_RECORDS - 1, MAX_HANDSHAKE_MESSAGE_RECORDS));
      expect(fault(() => d.push(message.subarray(MAX_HANDSHAKE_MESSAGE_RECORDS, MAX_HANDSHAKE_MESSAGE_RECORDS + 1)))).to.equal('unexpected-message');
    });

    it('a message longer than the cap is decode_error as soon as its header arrives', () => {
      const d = new HandshakeDeframer();
      d.push(Uint8Array.of(11, 0x02, 0, 1));
      expect(fault(() => d.next())).to.equal('bad-message');
    });
  });

  describe('FloodGuard', () => {
    it(`${MAX_EMPTY_RECORDS} empty records in a row pass, the next fails; content resets the streak`, () => {
      const g = new FloodGuard();
      for (let i = 0; i < MAX_EMPTY_RECORDS; i++) g.empty('x');
      g.data();
      for (let i = 0; i < MAX_EMPTY_RECORDS; i++) g.empty('x');
      expect(fault(() => g.empty('x'))).to.equal('unexpected-message');
    });

    it(`the ${MAX_WARNING_ALERTS}th warning alert in a row fails; a handshake message resets the streak`, () => {
      const g = new FloodGuard();
      for (let i = 0; i < MAX_WARNING_ALERTS - 1; i++) g.warning(90);
      g.handshake(false);
      for (let i = 0; i < MAX_WARNING_ALERTS - 1; i++) g.warning(90);
      expect(fault(() => g.warning(90))).to.equal('unexpected-message');
    });

    it(`${MAX_KEY_UPDATES} KeyUpdates without application data pass, the next fails`, () => {
      const g = new FloodGuard();
      for (let i = 0; i < MAX_KEY_UPDATES; i++) g.handshake(true);
      g.data();
      for (let i = 0; i < MAX_KEY_UPDATES; i++) g.handshake(true);
      expect(fault(() => g.handshake(true))).to.equal('unexpected-message');
    });
  });

  describe('RecordLayer', () => {
    it('a record that does not authenticate leaves the sequence number, so the next real record opens', () => {
      const [seal, open] = cipherPair();
      const good = seal.seal(ContentType.handshake, Uint8Array.of(1, 2, 3));
      const forged = Uint8Array.from(good);
      forged[10]! ^= 1;
      expect(fault(() => open.open(forged.subarray(0, 5), forged.subarray(5)))).to.equal('bad-mac');
      expect([...open.open(good.subarray(0, 5), good.subarray(5)).content]).to.deep.equal([1, 2, 3]);
    });

    it('TLS 1.3: a plaintext alert is read until the peer protects a record, then it is unexpected_message', () => {
      const [seal, open] = cipherPair();
      const layer = new RecordLayer();
      layer.setReader(open);
      layer.push(plainRecord(ContentType.alert, [2, 40]));
      expect(layer.next()).to.include({ type: ContentType.alert, protected: false });
      layer.push(seal.seal(ContentType.application_data, Uint8Array.of(1)));
      expect(layer.next()).to.include({ type: ContentType.application_data, protected: true });
      layer.push(plainRecord(ContentType.alert, [1, 0]));
      expect(fault(() => layer.next())).to.equal('unexpected-message');
    });

    it(`rejected 0-RTT records are skipped up to ${MAX_SKIPPED_EARLY_DATA} bytes, until a record authenticates`, () => {
      const [seal, open] = cipherPair();
      const [early] = cipherPair();
      const layer = new RecordLayer();
      layer.setReader(open);
      layer.skipEarlyData(true);
      const junk = new Uint8Array(1000);
      for (let i = 0; i < 3; i++) layer.push(new RecordCipher(provider.aead('aes-128-gcm', new Uint8Array(16)), new Uint8Array(12)).seal(ContentType.application_data, junk));
      layer.push(seal.seal(ContentType.handshake, Uint8Array.of(20, 0, 0, 0)));
      expect(layer.next()).to.include({ type: ContentType.handshake, protected: true });
      // Once a record has authenticated, a forged one is bad_record_mac again.
      layer.push(early.seal(ContentType.application_data, junk).map((b, i) => (i === 10 ? b ^ 1 : b)));
      expect(fault(() => layer.next())).to.equal('bad-mac');
    });

    it('more rejected 0-RTT data than the budget is unexpected_message', () => {
      const [, open] = cipherPair();
      const layer = new RecordLayer();
      layer.setReader(open);
      layer.skipEarlyData(true);
      const stranger = new RecordCipher(provider.aead('aes-128-gcm', new Uint8Array(16)), new Uint8Array(12));
      const records = Math.ceil(MAX_SKIPPED_EARLY_DATA / 4000) + 1;
      for (let i = 0; i < records; i++) layer.push(stranger.seal(ContentType.application_data, new Uint8Array(4000)));
      expect(fault(() => layer.next())).to.equal('unexpected-message');
    });
  });

  describe('legacy_version (RFC 8446 Appendix D.5)', () => {
    const range = { tls12: true, tls13: true };
    for (const legacyVersion of [0x0300, 0x0200, 0x0103, 0x0000]) {
      it(`a ClientHello with legacy_version 0x${legacyVersion.toString(16).padStart(4, '0')} and supported_versions is protocol_version`, () => {
        expect(fault(() => clientOfferedVersion({ legacyVersion, supportedVersions: [0x0304] }, range))).to.equal('protocol-version');
      });
    }

    it('a TLS 1.3 ServerHello whose legacy_version is not 0x0303 is protocol_version', () => {
      const sh = { legacyVersion: 0x0300, supportedVersion: 0x0304, random: new Uint8Array(32) } as Parameters<typeof serverSelectedVersion>[0];
      expect(fault(() => serverSelectedVersion(sh, range))).to.equal('protocol-version');
    });
  });

  it(`a client keeps at most ${MAX_TICKETS_PER_CONNECTION} NewSessionTickets per connection, each with the whole peer chain`, () => {
    const sessions: Uint8Array[] = [];
    const io = new HandshakeIo(provider, systemClock, providerRandom(provider), new Transcript(provider), new RecordLayer(), { keylog: () => undefined, complete: () => undefined, session: (s) => sessions.push(s) }, false);
    const chain = [new Uint8Array(3000).fill(1), new Uint8Array(2000).fill(2)];
    const ctx = { io, negotiatedSuite: tls13Suite(CIPHER_SUITES.find((s) => s.name === 'TLS_AES_128_GCM_SHA256')!), options: { sni: 'example.com' }, alpn: 'h2', peerVerified: true, peerCertificates: chain } as unknown as ClientContext;
    const tickets = new ClientTickets(ctx, new Uint8Array(32));
    for (let i = 0; i < 20; i++) tickets.receive(serializeNewSessionTicket({ lifetime: 3600, ageAdd: i, nonce: Uint8Array.of(i), ticket: Uint8Array.of(i, i) }));
    expect(sessions).to.have.length(MAX_TICKETS_PER_CONNECTION);
    const last = parseSessionState(sessions.at(-1)!, 'session');
    expect(last).to.include({ ageAdd: MAX_TICKETS_PER_CONNECTION - 1, servername: 'example.com', alpn: 'h2', peerVerified: true });
    expect(last.peerCertificates).to.deep.equal(chain);
  });

  it(`a server opens at most ${MAX_PSK_IDENTITIES} of the PSK identities a ClientHello offers`, () => {
    const opened: number[] = [];
    const tickets = { open: (identity: Uint8Array) => void opened.push(identity[0]!) };
    const ctx = { options: { tickets }, io: { clock: systemClock } } as unknown as ServerContext;
    const identities = Array.from({ length: 950 }, (_, i) => ({ identity: Uint8Array.of(i & 0xff), obfuscatedTicketAge: 0 }));
    const hello = { pskModes: [PSK_DHE_KE], psks: { identities, binders: identities.map(() => new Uint8Array(32)) } } as unknown as ClientHello;
    expect(acceptPsk(ctx, hello, {} as HandshakeMessage, tls13Suite(CIPHER_SUITES[0]!))).to.equal(undefined);
    expect(opened).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7].slice(0, MAX_PSK_IDENTITIES));
  });
});
