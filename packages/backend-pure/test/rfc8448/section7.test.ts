import { expect } from 'chai';
import { toHex, concat } from '../../src/codec/bytes.js';
import { Trace } from '../helpers/rfc8448.js';
import { fixedClock, replayClient, ScriptedRandom } from '../helpers/replay.js';

const t = new Trace('7 Compatibility Mode');

describe('RFC 8448 §7 compatibility mode, byte for byte', () => {
  it('client engine replay: legacy_session_id, the server CCS dropped, the client CCS before its Finished', () => {
    const clientHello = t.field('client', 'construct a ClientHello', 'ClientHello');
    const { engine, sink } = replayClient(clientHello, t.field('client', 'create an ephemeral x25519', 'private key'), new ScriptedRandom([], {}), fixedClock(0));
    engine.start();
    expect(toHex(sink.take())).to.equal(toHex(t.field('client', 'send handshake record', 'complete record')));
    engine.receive(t.field('server', 'send handshake record', 'complete record', 0));
    engine.receive(t.field('server', 'send change_cipher_spec record', 'complete record'));
    engine.receive(t.field('server', 'send handshake record', 'complete record', 1));
    expect(sink.error, String(sink.error)).to.equal(undefined);
    expect(toHex(sink.take())).to.equal(toHex(concat(
      t.field('client', 'send change_cipher_spec record', 'complete record'),
      t.field('client', 'send handshake record', 'complete record', 1),
    )));
    expect(sink.result).to.include({ cipherSuite: 'TLS_AES_128_GCM_SHA256', group: 'x25519' });
    const random = toHex(clientHello.subarray(6, 38));
    expect(sink.keylogs[2]).to.equal(`CLIENT_TRAFFIC_SECRET_0 ${random} ${toHex(t.field('server', 'derive secret "tls13 c ap traffic"', 'expanded'))}`);
    engine.closeNotify();
    expect(toHex(sink.take())).to.equal(toHex(t.field('client', 'send alert record', 'complete record')));
    engine.receive(t.field('server', 'send alert record', 'complete record'));
    expect(sink.closed).to.equal(true);
  });
});
