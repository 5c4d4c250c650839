import { expect } from 'chai';
import { generateKeyPairSync } from 'node:crypto';
import { suiteByName } from '@tlsport/core';
import { toHex } from '../../src/codec/bytes.js';
import { Transcript } from '../../src/handshake/transcript.js';
import { EarlySecret, finishedVerifyData, resumptionPsk, trafficKeys } from '../../src/tls13/keySchedule.js';
import { parseSessionState } from '../../src/tls13/sessionState.js';
import { tls13Suite } from '../../src/tls13/suite.js';
import { RecordCipher } from '../../src/record/RecordCipher.js';
import { ContentType } from '../../src/record/types.js';
import { Trace } from '../helpers/rfc8448.js';
import { fixedClock, provider, replayClient, ScriptedRandom } from '../helpers/replay.js';
import { PureEngine } from '../../src/engine/PureEngine.js';
import { SessionCache } from '../../src/tls12/SessionCache.js';
import { startServer } from '../../src/tls13/server/startServer.js';
import { resolveTlsConfig } from '@tlsport/core';
import { RecordingSink } from '../helpers/replay.js';
import { TrustStore } from '../../src/tls13/certificates.js';

const t = new Trace('3 Simple 1-RTT Handshake');
const suite = tls13Suite(suiteByName('TLS_AES_128_GCM_SHA256')!);
const clientHello = t.field('client', 'construct a ClientHello', 'ClientHello');
const serverHello = t.field('server', 'construct a ServerHello', 'ServerHello');
const serverFlight = t.field('server', 'send handshake record', 'payload', 1);

describe('RFC 8448 §3 simple 1-RTT handshake, byte for byte', () => {
  describe('key schedule, one RFC derivation per step', () => {
    const transcript = new Transcript(provider);
    transcript.select('sha256');
    transcript.add(clientHello);
    transcript.add(serverHello);
    const thHello = transcript.current();
    const early = EarlySecret.extract(provider, suite);
    const shared = provider.importKeyShare('x25519', t.field('client', 'create an ephemeral x25519', 'private key')).agree(t.field('server', 'create an ephemeral x25519', 'public key'));
    const hs = early.handshakeSecret(shared);
    const master = hs.masterSecret();

    it('X25519 shared secret is the handshake IKM', () => {
      expect(toHex(shared)).to.equal(toHex(t.field('server', 'extract secret "handshake"', 'IKM')));
    });
    it('early secret', () => {
      expect(toHex(early.secret)).to.equal(toHex(t.field('server', 'extract secret "early"', 'secret')));
    });
    it('handshake secret and its transcript hash (ClientHello..ServerHello)', () => {
      expect(toHex(hs.secret)).to.equal(toHex(t.field('server', 'extract secret "handshake"', 'secret')));
      expect(toHex(thHello)).to.equal(toHex(t.field('server', 'derive secret "tls13 c hs traffic"', 'hash')));
    });
    it('client and server handshake traffic secrets', () => {
      expect(toHex(hs.clientTrafficSecret(thHello))).to.equal(toHex(t.field('server', 'derive secret "tls13 c hs traffic"', 'expanded')));
      expect(toHex(hs.serverTrafficSecret(thHello))).to.equal(toHex(t.field('server', 'derive secret "tls13 s hs traffic"', 'expanded')));
    });
    it('master secret', () => {
      expect(toHex(master.secret)).to.equal(toHex(t.field('server', 'extract secret "master"', 'secret')));
    });
    it('handshake traffic keys and IVs', () => {
      const server = trafficKeys(provider, suite, hs.serverTrafficSecret(thHello));
      expect(toHex(server.key)).to.equal(toHex(t.field('server', 'derive write traffic keys for handshake data', 'key expanded')));
      expect(toHex(server.iv)).to.equal(toHex(t.field('server', 'derive write traffic keys for handshake data', 'iv expanded')));
      const client = trafficKeys(provider, suite, hs.clientTrafficSecret(thHello));
      expect(toHex(client.key)).to.equal(toHex(t.field('server', 'derive read traffic keys for handshake data', 'key expanded')));
      expect(toHex(client.iv)).to.equal(toHex(t.field('server', 'derive read traffic keys for handshake data', 'iv expanded')));
    });
    it('server Finished, application secrets, exporter, client Finished, resumption secret and PSK', () => {
      const shts = hs.serverTrafficSecret(thHello);
      const chts = hs.clientTrafficSecret(thHello);
      const flight = serverFlight;
      // EncryptedExtensions, Certificate, CertificateVerify precede Finished inside the flight's plaintext.
      const finishedAt = flight.length - 36;
      transcript.add(flight.subarray(0, finishedAt));
      expect(toHex(finishedVerifyData(provider, suite, shts, transcript.current()))).to.equal(toHex(t.field('server', 'calculate finished', 'finished')));
      transcript.add(flight.subarray(finishedAt));
      const thServerFinished = transcript.current();
      expect(toHex(master.clientTrafficSecret(thServerFinished))).to.equal(toHex(t.field('server', 'derive secret "tls13 c ap traffic"', 'expanded')));
      expect(toHex(master.serverTrafficSecret(thServerFinished))).to.equal(toHex(t.field('server', 'derive secret "tls13 s ap traffic"', 'expanded')));
      expect(toHex(master.exporterSecret(thServerFinished))).to.equal(toHex(t.field('server', 'derive secret "tls13 exp master"', 'expanded')));
      const app = trafficKeys(provider, suite, master.serverTrafficSecret(thServerFinished));
      expect(toHex(app.key)).to.equal(toHex(t.field('server', 'derive write traffic keys for application data', 'key expanded')));
      expect(toHex(app.iv)).to.equal(toHex(t.field('server', 'derive write traffic keys for application data', 'iv expanded')));
      const clientFinished = finishedVerifyData(provider, suite, chts, thServerFinished);
      expect(toHex(clientFinished)).to.equal(toHex(t.field('client', 'calculate finished', 'finished')));
      transcript.add(t.field('client', 'construct a Finished', 'Finished'));
      const res = master.resumptionSecret(transcript.current());
      expect(toHex(res)).to.equal(toHex(t.field('client', 'derive secret "tls13 res master"', 'expanded')));
      const nst = t.field('server', 'construct a NewSessionTicket', 'NewSessionTicket');
      const nonce = nst.subarray(12, 12 + nst[12]! + 1).subarray(1);
      expect(toHex(resumptionPsk(provider, suite, res, nonce))).to.equal(toHex(t.field('server', 'generate resumption secret', 'expanded')));
    });
  });

  it('record protection: the server flight sealed under the handshake key is the RFC record', () => {
    const hsKeys = t.field('server', 'derive write traffic keys for handshake data', 'key expanded');
    const hsIv = t.field('server', 'derive write traffic keys for handshake data', 'iv expanded');
    const cipher = new RecordCipher(provider.aead('aes-128-gcm', hsKeys), hsIv);
    expect(toHex(cipher.seal(ContentType.handshake, serverFlight))).to.equal(toHex(t.field('server', 'send handshake record', 'complete record', 1)));
  });

  it('client engine replay: ClientHello record, server flights in, Finished, ticket, application data and close_notify out', () => {
    const { engine, sink } = replayClient(clientHello, t.field('client', 'create an ephemeral x25519', 'private key'), new ScriptedRandom([], {}), fixedClock(1_700_000_000_000));
    engine.start();
    expect(toHex(sink.take())).to.equal(toHex(t.field('client', 'send handshake record', 'complete record')));

    // ServerHello and the encrypted flight (EncryptedExtensions..Finished, with the RSA-PSS
    // CertificateVerify verified against the RFC certificate's key).
    engine.receive(t.field('server', 'send handshake record', 'complete record', 0));
    engine.receive(t.field('server', 'send handshake record', 'complete record', 1));
    expect(sink.error, String(sink.error)).to.equal(undefined);
    expect(toHex(sink.take())).to.equal(toHex(t.field('client', 'send handshake record', 'complete record', 1)));
    expect(sink.result).to.include({ version: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', group: 'x25519', resumed: false, peerVerified: false, servername: 'server' });
    expect(sink.result!.peerCertificates).to.have.length(1);

    const random = toHex(clientHello.subarray(6, 38));
    const secret = (action: string): string => toHex(t.field('server', action, 'expanded'));
    expect(sink.keylogs).to.deep.equal([
      `CLIENT_HANDSHAKE_TRAFFIC_SECRET ${random} ${secret('derive secret "tls13 c hs traffic"')}`,
      `SERVER_HANDSHAKE_TRAFFIC_SECRET ${random} ${secret('derive secret "tls13 s hs traffic"')}`,
      `CLIENT_TRAFFIC_SECRET_0 ${random} ${secret('derive secret "tls13 c ap traffic"')}`,
      `SERVER_TRAFFIC_SECRET_0 ${random} ${secret('derive secret "tls13 s ap traffic"')}`,
      `EXPORTER_SECRET ${random} ${secret('derive secret "tls13 exp master"')}`,
    ]);

    engine.receive(t.field('server', 'send handshake record', 'complete record', 2));
    expect(sink.sessions).to.have.length(1);
    const session = parseSessionState(sink.sessions[0]!, 'session');
    expect(toHex(session.psk)).to.equal(toHex(t.field('server', 'generate resumption secret', 'expanded')));
    expect(session.ticket).to.have.length(178);

    engine.send(t.field('client', 'send application_data record', 'payload'), () => {});
    expect(toHex(sink.take())).to.equal(toHex(t.field('client', 'send application_data record', 'complete record')));
    engine.receive(t.field('server', 'send application_data record', 'complete record'));
    expect(toHex(sink.plaintexts[0]!)).to.equal(toHex(t.field('server', 'send application_data record', 'payload')));

    engine.closeNotify();
    expect(toHex(sink.take())).to.equal(toHex(t.field('client', 'send alert record', 'complete record')));
    engine.receive(t.field('server', 'send alert record', 'complete record'));
    expect(sink.closed).to.equal(true);
    expect(sink.error).to.equal(undefined);
  });

  it('server engine replay: RFC ClientHello in, ServerHello record and handshake secrets out (the RFC server key is not published, so the rest of its flight cannot be re-signed)', async () => {
    const sink = new RecordingSink();
    // The engine reads only role and keylog from its config.
    const serverConfig = { ...resolveTlsConfig({ role: 'client', keylog: () => {} }), role: 'server' as const };
    const random = new ScriptedRandom([serverHello.subarray(6, 38)], { x25519: t.field('server', 'create an ephemeral x25519', 'private key') });
    const key = provider.importPrivateKey(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
    const engine = new PureEngine(serverConfig, (io) => startServer(io, {
      versions: { tls13: true, tls12: false },
      suites: [suite],
      tls12Suites: [],
      groups: ['x25519'],
      alpn: [],
      certificateFor: () => ({ chain: [new Uint8Array([0x30, 0x00])], key }),
      requestCert: false,
      rejectUnauthorized: false,
      trust: () => new TrustStore([]),
      tickets: undefined,
      sessionCache: new SessionCache(),
      sessionLifetime: () => 7200,
      requireExtendedMasterSecret: true,
    }), sink, provider, fixedClock(0), random);
    engine.start();
    engine.receive(t.field('client', 'send handshake record', 'complete record'));
    expect(sink.error, String(sink.error)).to.equal(undefined);
    const out = sink.take();
    const shRecord = t.field('server', 'send handshake record', 'complete record', 0);
    expect(toHex(out.subarray(0, shRecord.length))).to.equal(toHex(shRecord));
    const randomHex = toHex(clientHello.subarray(6, 38));
    expect(sink.keylogs.slice(0, 2)).to.deep.equal([
      `CLIENT_HANDSHAKE_TRAFFIC_SECRET ${randomHex} ${toHex(t.field('server', 'derive secret "tls13 c hs traffic"', 'expanded'))}`,
      `SERVER_HANDSHAKE_TRAFFIC_SECRET ${randomHex} ${toHex(t.field('server', 'derive secret "tls13 s hs traffic"', 'expanded'))}`,
    ]);
    await engine.destroy();
  });
});
