import { expect } from 'chai';
import { suiteByName } from '@tlsport/core';
import { toHex } from '../../src/codec/bytes.js';
import { parseClientHello } from '../../src/handshake/clientHello.js';
import { bindersLength } from '../../src/handshake/extensionCodecs.js';
import { parseNewSessionTicket } from '../../src/handshake/newSessionTicket.js';
import { parseServerHello } from '../../src/handshake/serverHello.js';
import { Transcript } from '../../src/handshake/transcript.js';
import { EarlySecret, finishedVerifyData } from '../../src/tls13/keySchedule.js';
import { tls13Suite } from '../../src/tls13/suite.js';
import { Trace } from '../helpers/rfc8448.js';
import { provider } from '../helpers/replay.js';

const t = new Trace('4 Resumed 0-RTT Handshake');
const s3 = new Trace('3 Simple 1-RTT Handshake');
const suite = tls13Suite(suiteByName('TLS_AES_128_GCM_SHA256')!);
const psk = s3.field('server', 'generate resumption secret', 'expanded');
const hello = t.field('client', 'send handshake record', 'payload');

describe('RFC 8448 §4 resumption (0-RTT early data itself is out of scope: tlsport never sends or accepts it)', () => {
  it('the ClientHello offers the §3 ticket; the early secret comes from the §3 resumption PSK', () => {
    const ch = parseClientHello(hello.subarray(4));
    const ticket = parseNewSessionTicket(s3.field('server', 'construct a NewSessionTicket', 'NewSessionTicket').subarray(4));
    expect(toHex(ch.psks!.identities[0]!.identity)).to.equal(toHex(ticket.ticket));
    expect(ch.pskModes).to.deep.equal([1]);
    expect(toHex(EarlySecret.extract(provider, suite, psk).secret)).to.equal(toHex(t.field('client', 'extract secret "early"', 'secret')));
  });

  it('PSK binder: the truncated ClientHello, its hash and the binder match, and the ClientHello carries that binder', () => {
    const ch = parseClientHello(hello.subarray(4));
    const prefix = hello.subarray(0, hello.length - bindersLength(ch.psks!.binders));
    expect(toHex(prefix)).to.equal(toHex(t.field('client', 'calculate PSK binder', 'ClientHello prefix')));
    const tr = new Transcript(provider);
    const binderHash = tr.hashWith('sha256', prefix);
    expect(toHex(binderHash)).to.equal(toHex(t.field('client', 'calculate PSK binder', 'binder hash')));
    const early = EarlySecret.extract(provider, suite, psk);
    expect(toHex(early.resumptionBinderKey())).to.equal(toHex(t.field('client', 'calculate PSK binder', 'PRK')));
    const binder = finishedVerifyData(provider, suite, early.resumptionBinderKey(), binderHash);
    expect(toHex(binder)).to.equal(toHex(t.field('client', 'calculate PSK binder', 'finished')));
    expect(toHex(ch.psks!.binders[0]!)).to.equal(toHex(binder));
  });

  it('ServerHello selects identity 0; handshake, master, traffic secrets and both Finished follow from PSK + ECDHE', () => {
    const sh = t.field('server', 'construct a ServerHello', 'ServerHello');
    expect(parseServerHello(sh.subarray(4)).selectedIdentity).to.equal(0);
    const tr = new Transcript(provider);
    tr.select('sha256');
    tr.add(hello);
    tr.add(sh);
    const th = tr.current();
    const shared = provider.importKeyShare('x25519', t.field('client', 'create an ephemeral x25519', 'private key')).agree(t.field('server', 'create an ephemeral x25519', 'public key'));
    const hs = EarlySecret.extract(provider, suite, psk).handshakeSecret(shared);
    expect(toHex(hs.secret)).to.equal(toHex(t.field('server', 'extract secret "handshake"', 'secret')));
    const chts = hs.clientTrafficSecret(th);
    const shts = hs.serverTrafficSecret(th);
    expect(toHex(chts)).to.equal(toHex(t.field('server', 'derive secret "tls13 c hs traffic"', 'expanded')));
    expect(toHex(shts)).to.equal(toHex(t.field('server', 'derive secret "tls13 s hs traffic"', 'expanded')));
    tr.add(t.field('server', 'construct an EncryptedExtensions', 'EncryptedExtensions'));
    expect(toHex(finishedVerifyData(provider, suite, shts, tr.current()))).to.equal(toHex(t.field('server', 'calculate finished', 'finished')));
    tr.add(t.field('server', 'construct a Finished', 'Finished'));
    const master = hs.masterSecret();
    expect(toHex(master.secret)).to.equal(toHex(t.field('server', 'extract secret "master"', 'secret')));
    expect(toHex(master.clientTrafficSecret(tr.current()))).to.equal(toHex(t.field('server', 'derive secret "tls13 c ap traffic"', 'expanded')));
    expect(toHex(master.serverTrafficSecret(tr.current()))).to.equal(toHex(t.field('server', 'derive secret "tls13 s ap traffic"', 'expanded')));
    // The RFC client sent early data, so EndOfEarlyData is in its transcript before Finished.
    tr.add(t.field('client', 'construct an EndOfEarlyData', 'EndOfEarlyData'));
    expect(toHex(finishedVerifyData(provider, suite, chts, tr.current()))).to.equal(toHex(t.field('client', 'calculate finished', 'finished')));
    tr.add(t.field('client', 'construct a Finished', 'Finished'));
    expect(toHex(master.resumptionSecret(tr.current()))).to.equal(toHex(t.field('client', 'derive secret "tls13 res master"', 'expanded')));
  });
});
