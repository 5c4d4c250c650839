import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { createDecipheriv, randomBytes } from 'node:crypto';
import { MemorySessionCache, TlsError, suiteByName } from '@tlsport/core';
import { concat, toHex, utf8 } from '../../src/codec/bytes.js';
import { defaultProvider } from '../../src/crypto/index.js';
import { parseCertificate12, serializeCertificate12 } from '../../src/handshake/certificate12.js';
import { parseCertificateRequest12, serializeCertificateRequest12 } from '../../src/handshake/certificateRequest12.js';
import { parseClientKeyExchange, serializeClientKeyExchange } from '../../src/handshake/clientKeyExchange.js';
import { parseNewSessionTicket12, serializeNewSessionTicket12 } from '../../src/handshake/newSessionTicket12.js';
import { parseServerKeyExchange, serializeEcdhParams, serializeServerKeyExchange } from '../../src/handshake/serverKeyExchange.js';
import { Tls12RecordCipher } from '../../src/record/Tls12RecordCipher.js';
import { ContentType } from '../../src/record/types.js';
import { prf } from '../../src/tls12/prf.js';
import { SessionCache } from '../../src/tls12/SessionCache.js';
import { parseTls12Session, serializeTls12Session, type Tls12Session } from '../../src/tls12/sessionState.js';

const provider = defaultProvider();

describe('TLS 1.2 building blocks', () => {
  describe('PRF (RFC 5246 §5) agrees with OpenSSL TLS1-PRF', () => {
    for (const [hash, digest] of [['sha256', 'SHA256'], ['sha384', 'SHA384']] as const) {
      for (const length of [12, 48, 100]) {
        it(`${hash}, ${length} bytes`, () => {
          const secret = randomBytes(48);
          const seed = randomBytes(64);
          const label = 'key expansion';
          const expected = execFileSync('openssl', [
            'kdf', '-keylen', String(length), '-kdfopt', `digest:${digest}`, '-kdfopt', `hexsecret:${secret.toString('hex')}`,
            '-kdfopt', `hexseed:${toHex(concat(utf8(label), seed))}`, 'TLS1-PRF',
          ]).toString().trim().replace(/:/g, '').toLowerCase();
          expect(toHex(prf(provider, hash, secret, label, seed, length))).to.equal(expected);
        });
      }
    }
  });

  describe('record protection', () => {
    const header = (record: Uint8Array): Uint8Array => record.subarray(0, 5);

    it('AES-GCM (RFC 5288 §3): salt || explicit nonce, the explicit nonce being the sequence number; node:crypto opens it', () => {
      const key = randomBytes(16);
      const salt = randomBytes(4);
      const cipher = new Tls12RecordCipher(provider.aead('aes-128-gcm', key), Uint8Array.from(salt), true);
      for (let seq = 0; seq < 3; seq++) {
        const content = utf8(`record ${seq}`);
        const record = cipher.seal(ContentType.application_data, content);
        const explicit = record.subarray(5, 13);
        const seqBytes = new Uint8Array(8);
        seqBytes[7] = seq;
        expect(toHex(explicit)).to.equal(toHex(seqBytes));
        const d = createDecipheriv('aes-128-gcm', key, concat(salt, explicit));
        d.setAAD(concat(seqBytes, Uint8Array.of(ContentType.application_data, 3, 3, 0, content.length)));
        d.setAuthTag(record.subarray(record.length - 16));
        const plain = Buffer.concat([d.update(record.subarray(13, record.length - 16)), d.final()]);
        expect(plain.toString()).to.equal(`record ${seq}`);
      }
    });

    it('ChaCha20-Poly1305 (RFC 7905 §2): IV XOR sequence number, nothing explicit; node:crypto opens it', () => {
      const key = randomBytes(32);
      const iv = randomBytes(12);
      const cipher = new Tls12RecordCipher(provider.aead('chacha20-poly1305', key), Uint8Array.from(iv), false);
      cipher.seal(ContentType.handshake, utf8('seq 0'));
      const content = utf8('seq 1');
      const record = cipher.seal(ContentType.alert, content);
      expect(record.length).to.equal(5 + content.length + 16);
      const nonce = Uint8Array.from(iv);
      nonce[11]! ^= 1;
      const d = createDecipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 });
      d.setAAD(concat(Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 1), Uint8Array.of(ContentType.alert, 3, 3, 0, content.length)), { plaintextLength: content.length });
      d.setAuthTag(record.subarray(record.length - 16));
      expect(Buffer.concat([d.update(record.subarray(5, record.length - 16)), d.final()]).toString()).to.equal('seq 1');
    });

    for (const [aead, ivLength, explicit] of [['aes-256-gcm', 4, true], ['chacha20-poly1305', 12, false]] as const) {
      it(`${aead}: a sealed record opens in order; a replay or a flipped bit is bad_record_mac`, () => {
        const key = randomBytes(32);
        const iv = randomBytes(ivLength);
        const sealer = new Tls12RecordCipher(provider.aead(aead, key), Uint8Array.from(iv), explicit);
        const opener = new Tls12RecordCipher(provider.aead(aead, key), Uint8Array.from(iv), explicit);
        const a = sealer.seal(ContentType.application_data, utf8('a'));
        const b = sealer.seal(ContentType.application_data, utf8('b'));
        expect(opener.open(header(a), a.subarray(5)).content).to.deep.equal(utf8('a'));
        const bad = Uint8Array.from(b);
        bad[bad.length - 1]! ^= 1;
        expect(() => opener.open(header(bad), bad.subarray(5))).to.throw(TlsError).with.property('fault', 'bad-mac');
        const again = new Tls12RecordCipher(provider.aead(aead, key), Uint8Array.from(iv), explicit);
        again.open(header(a), a.subarray(5));
        expect(() => again.open(header(a), a.subarray(5))).to.throw(TlsError).with.property('fault', 'bad-mac');
        expect(() => again.open(Uint8Array.of(23, 3, 3, 0, 4), Uint8Array.of(1, 2, 3, 4))).to.throw(TlsError).with.property('fault', 'bad-mac');
      });
    }
  });

  describe('message codecs: round trip, and every truncation is decode_error', () => {
    const cases: [string, Uint8Array, (body: Uint8Array) => unknown][] = [
      ['ServerKeyExchange', serializeServerKeyExchange(serializeEcdhParams(0x1d, randomBytes(32)), 0x0403, randomBytes(71)).body, parseServerKeyExchange],
      ['ClientKeyExchange', serializeClientKeyExchange(randomBytes(65)).body, parseClientKeyExchange],
      ['CertificateRequest', serializeCertificateRequest12({ certificateTypes: [1, 64], signatureSchemes: [0x0403, 0x0804] }).body, parseCertificateRequest12],
      ['NewSessionTicket', serializeNewSessionTicket12({ lifetimeHint: 7200, ticket: randomBytes(90) }).body, parseNewSessionTicket12],
      ['Certificate', serializeCertificate12([randomBytes(40), randomBytes(30)]).body, parseCertificate12],
    ];
    for (const [name, body, parse] of cases) {
      it(name, () => {
        expect(() => parse(body)).not.to.throw();
        for (let n = 0; n < body.length; n++) {
          expect(() => parse(body.subarray(0, n)), `${name} cut to ${n} bytes`).to.throw(TlsError).with.property('fault', 'bad-message');
        }
        expect(() => parse(concat(body, Uint8Array.of(0))), `${name} with a trailing byte`).to.throw(TlsError).with.property('fault', 'bad-message');
      });
    }

    it('parsed values match what was serialized', () => {
      const point = randomBytes(97);
      const sig = randomBytes(102);
      const ske = parseServerKeyExchange(serializeServerKeyExchange(serializeEcdhParams(0x18, point), 0x0503, sig).body);
      expect(ske).to.deep.include({ group: 0x18, scheme: 0x0503 });
      expect(toHex(ske.publicKey)).to.equal(toHex(point));
      expect(toHex(ske.signature)).to.equal(toHex(sig));
      expect(toHex(ske.params)).to.equal(toHex(serializeEcdhParams(0x18, point)));
      expect(parseCertificateRequest12(serializeCertificateRequest12({ certificateTypes: [64], signatureSchemes: [0x0807] }).body)).to.deep.equal({ certificateTypes: [64], signatureSchemes: [0x0807] });
    });
  });

  describe('sessions', () => {
    const session = (n: number): Tls12Session => ({
      suite: suiteByName('ECDHE-RSA-AES128-GCM-SHA256')!.code,
      masterSecret: new Uint8Array(48).fill(n),
      extendedMasterSecret: true,
      sessionId: new Uint8Array(32).fill(n),
      ticket: randomBytes(20),
      lifetime: 7200,
      time: 1_700_000_000_000 + n,
      servername: n % 2 === 0 ? 'example.test' : undefined,
      peerVerified: true,
      peerCertificates: [randomBytes(10)],
    });

    it('a serialized session parses back; other bytes are bad-message', () => {
      for (const s of [session(1), session(2)]) expect(parseTls12Session(serializeTls12Session(s), 's')).to.deep.equal(s);
      const bytes = serializeTls12Session(session(3));
      expect(() => parseTls12Session(bytes.subarray(0, bytes.length - 1), 's')).to.throw(TlsError).with.property('fault', 'bad-message');
      expect(() => parseTls12Session(Uint8Array.of(0x70, 0x31, 0, 0), 's')).to.throw(TlsError).with.property('fault', 'bad-message');
    });

    it('the session-id cache keeps sessions serialized in core\'s bounded cache: the least recently used goes', async () => {
      const memory = new MemorySessionCache(2);
      const cache = new SessionCache(memory);
      const [a, b, c] = [session(1), session(2), session(3)];
      cache.store(a.sessionId, a);
      cache.store(b.sessionId, b);
      expect(cache.find(a.sessionId)).to.deep.equal(a);
      cache.store(c.sessionId, c);
      expect(memory.size).to.equal(2);
      expect(cache.find(b.sessionId)).to.equal(undefined);
      expect(cache.find(a.sessionId)).to.deep.equal(a);
      cache.remove(a.sessionId);
      expect(cache.find(a.sessionId)).to.equal(undefined);
      memory.set(c.sessionId, Uint8Array.of(1, 2, 3), 60);
      expect(cache.find(c.sessionId), 'bytes that are no session').to.equal(undefined);
      expect(memory.size).to.equal(0);
      await memory.close();
    });
  });
});
