import { EnginePair } from '@tlsport/testkit';
import { expect } from 'chai';
import { resolveTlsConfig } from '../../src/attributes/resolveTlsConfig.js';
import type { EngineContext, EngineSink } from '../../src/engine/spi.js';
import { EngineDriver } from '../../src/session/EngineDriver.js';
import type { TlsError } from '../../src/tls/TlsError.js';
import { BACKENDS, clientAttrs, makePki, serverAttrs } from '../support/fixtures.js';

/** A sink that logs what reaches it. */
function loggingSink(log: string[]): EngineSink {
  return {
    transmit: () => log.push('transmit'),
    plaintext: () => log.push('plaintext'),
    handshakeComplete: () => log.push('handshake'),
    peerClosed: () => log.push('peerClosed'),
    failed: (error) => log.push(`failed ${error.fault}`),
    keylog: () => undefined,
    session: () => undefined,
  };
}

describe('EngineDriver', () => {
  const pki = makePki();

  for (const backend of BACKENDS) {
    describe(`on ${backend.name}`, () => {
      let contexts: [EngineContext, EngineContext];
      before(async () => {
        contexts = await EnginePair.contexts(backend, clientAttrs(pki), serverAttrs(pki));
      });
      after(async () => Promise.all(contexts.map((c) => c.dispose())));

      it('runs a call made during a call after it, each corked', async () => {
        const log: string[] = [];
        const driver = new EngineDriver({ cork: () => log.push('cork'), uncork: () => log.push('uncork'), threw: () => log.push('threw') });
        driver.create((sink) => contexts[0].createEngine(resolveTlsConfig(clientAttrs(pki)), sink), loggingSink([]));
        driver.call((engine) => {
          log.push('outer');
          driver.call(() => log.push('inner'));
          engine.start();
          log.push('outer done');
        });
        expect(log).to.deep.equal(['cork', 'outer', 'outer done', 'uncork', 'cork', 'inner', 'uncork']);
        await driver.destroy();
      });

      it('turns a throw into one failure and drops calls once destroyed', async () => {
        const log: string[] = [];
        const failures: TlsError[] = [];
        const driver = new EngineDriver({ cork: () => undefined, uncork: () => undefined, threw: (e) => failures.push(e) });
        driver.create((sink) => contexts[1].createEngine(resolveTlsConfig(serverAttrs(pki)), sink), loggingSink(log));
        driver.call((engine) => engine.keyUpdate(false)); // no handshake yet: every engine refuses
        expect(failures).to.have.length(1);
        const destroyed = driver.destroy();
        expect(driver.destroy()).to.equal(destroyed);
        expect(driver.running).to.equal(false);
        let ran = false;
        driver.call(() => (ran = true));
        await destroyed;
        expect([ran, driver.bufferedBytes]).to.deep.equal([false, 0]);
      });

      it('silences the sink once the engine is being destroyed', async () => {
        const pair = await EnginePair.create(backend, clientAttrs(pki), backend, serverAttrs(pki));
        await pair.handshake();
        const log: string[] = [];
        const driver = new EngineDriver({ cork: () => undefined, uncork: () => undefined, threw: () => undefined });
        driver.create((sink) => contexts[1].createEngine(resolveTlsConfig(serverAttrs(pki)), sink), loggingSink(log));
        driver.call((engine) => engine.start());
        // A ClientHello on its way in while the engine is torn down: nothing may come out.
        const hello = pair.client.wire[0]!;
        driver.call((engine) => engine.receive(hello));
        log.length = 0; // a synchronous engine has answered already; an asynchronous one answers late
        await driver.destroy();
        await new Promise((r) => setTimeout(r, 50));
        expect(log).to.deep.equal([]);
        await pair.destroy();
      });
    });
  }

  it('counts what the engine holds (a partial record) and input queued behind a call', async () => {
    const [, server] = await EnginePair.contexts(BACKENDS[2]!, clientAttrs(pki), serverAttrs(pki));
    const driver = new EngineDriver({ cork: () => undefined, uncork: () => undefined, threw: () => undefined });
    driver.create((sink) => server.createEngine(resolveTlsConfig(serverAttrs(pki)), sink), loggingSink([]));
    driver.call((engine) => engine.start());
    driver.receive(Uint8Array.of(22, 3, 1, 0x02, 0x00, 1, 0, 1));
    expect(driver.bufferedBytes).to.equal(8);
    // A chunk that arrives during a call waits for it, and is counted while it waits.
    driver.call(() => {
      driver.receive(Uint8Array.of(1, 0, 0));
      expect(driver.bufferedBytes).to.equal(11);
    });
    expect(driver.bufferedBytes).to.equal(11);
    await driver.destroy();
    await server.dispose();
  });
});
