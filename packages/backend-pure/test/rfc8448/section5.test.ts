import { expect } from 'chai';
import { suiteByName } from '@tlsport/core';
import { toHex } from '../../src/codec/bytes.js';
import { parseClientHello } from '../../src/handshake/clientHello.js';
import { parseServerHello } from '../../src/handshake/serverHello.js';
import { Transcript } from '../../src/handshake/transcript.js';
import { EarlySecret, finishedVerifyData } from '../../src/tls13/keySchedule.js';
import { tls13Suite } from '../../src/tls13/suite.js';
import { Trace } from '../helpers/rfc8448.js';
import { fixedClock, provider, replayClient, ScriptedRandom } from '../helpers/replay.js';

const t = new Trace('5 HelloRetryRequest');
const suite = tls13Suite(suiteByName('TLS_AES_128_GCM_SHA256')!);
const hello1 = t.field('client', 'construct a ClientHello', 'ClientHello', 0);
const hrr = t.field('server', 'construct a ServerHello', 'ServerHello', 0);
const hello2 = t.field('client', 'construct a ClientHello', 'ClientHello', 1);
const serverHello = t.field('server', 'construct a ServerHello', 'ServerHello', 1);

describe('RFC 8448 §5 HelloRetryRequest', () => {
  it('client engine replay: the HelloRetryRequest record in, a second ClientHello out with the P-256 share and the cookie echoed', () => {
    const random = new ScriptedRandom([], { secp256r1: t.field('client', 'create an ephemeral P-256', 'private key') });
    const { engine, sink } = replayClient(hello1, t.field('client', 'create an ephemeral x25519', 'private key'), random, fixedClock(0));
    engine.start();
    expect(toHex(sink.take())).to.equal(toHex(t.field('client', 'send handshake record', 'complete record', 0)));
    engine.receive(t.field('server', 'send handshake record', 'complete record', 0));
    expect(sink.error, String(sink.error)).to.equal(undefined);
    const out = sink.take();
    expect(toHex(out.subarray(0, 3))).to.equal('160303');
    const ours = parseClientHello(out.subarray(9));
    const rfc = parseClientHello(hello2.subarray(4));
    expect(toHex(ours.random)).to.equal(toHex(rfc.random));
    expect(toHex(ours.cookie!)).to.equal(toHex(parseServerHello(hrr.subarray(4)).cookie!));
    expect(toHex(ours.cookie!)).to.equal(toHex(rfc.cookie!));
    expect(ours.keyShares).to.have.length(1);
    expect(ours.keyShares![0]!.group).to.equal(0x0017);
    expect(toHex(ours.keyShares![0]!.keyExchange)).to.equal(toHex(t.field('client', 'create an ephemeral P-256', 'public key')));
    expect(toHex(ours.keyShares![0]!.keyExchange)).to.equal(toHex(rfc.keyShares![0]!.keyExchange));
  });

  it('transcript with message_hash(ClientHello1): P-256 secret, every derivation and both Finished match', () => {
    const tr = new Transcript(provider);
    tr.add(hello1);
    tr.select('sha256');
    tr.replaceWithMessageHash();
    tr.add(hrr);
    tr.add(hello2);
    tr.add(serverHello);
    const th = tr.current();
    expect(toHex(th)).to.equal(toHex(t.field('server', 'derive secret "tls13 c hs traffic"', 'hash')));
    const shared = provider.importKeyShare('secp256r1', t.field('client', 'create an ephemeral P-256', 'private key')).agree(t.field('server', 'create an ephemeral P-256', 'public key'));
    expect(toHex(shared)).to.equal(toHex(t.field('server', 'extract secret "handshake"', 'IKM')));
    const hs = EarlySecret.extract(provider, suite).handshakeSecret(shared);
    expect(toHex(hs.secret)).to.equal(toHex(t.field('server', 'extract secret "handshake"', 'secret')));
    const chts = hs.clientTrafficSecret(th);
    const shts = hs.serverTrafficSecret(th);
    expect(toHex(chts)).to.equal(toHex(t.field('server', 'derive secret "tls13 c hs traffic"', 'expanded')));
    expect(toHex(shts)).to.equal(toHex(t.field('server', 'derive secret "tls13 s hs traffic"', 'expanded')));
    for (const name of ['EncryptedExtensions', 'Certificate', 'CertificateVerify']) tr.add(t.field('server', `construct a${name === 'EncryptedExtensions' ? 'n' : ''} ${name}`, name));
    expect(toHex(finishedVerifyData(provider, suite, shts, tr.current()))).to.equal(toHex(t.field('server', 'calculate finished', 'finished')));
    tr.add(t.field('server', 'construct a Finished', 'Finished'));
    const master = hs.masterSecret();
    expect(toHex(master.secret)).to.equal(toHex(t.field('server', 'extract secret "master"', 'secret')));
    expect(toHex(master.serverTrafficSecret(tr.current()))).to.equal(toHex(t.field('server', 'derive secret "tls13 s ap traffic"', 'expanded')));
    expect(toHex(finishedVerifyData(provider, suite, chts, tr.current()))).to.equal(toHex(t.field('client', 'calculate finished', 'finished')));
    tr.add(t.field('client', 'construct a Finished', 'Finished'));
    expect(toHex(master.resumptionSecret(tr.current()))).to.equal(toHex(t.field('client', 'derive secret "tls13 res master"', 'expanded')));
  });
});
