import { expect } from 'chai';
import { LoopTurns } from '../../src/session/LoopTurns.js';
import { EngineDriver } from '../../src/session/EngineDriver.js';
import type { EngineSink, TlsEngine } from '../../src/engine/spi.js';

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A clock the test moves by hand. */
function manualClock(): { now: () => number; advance: (ms: number) => void } {
  let t = 0;
  return { now: () => t, advance: (ms) => (t += ms) };
}

/** An engine that records what it was given, and spends `costMs` of the manual clock per receive. */
function recordingEngine(log: string[], spend: () => void): TlsEngine {
  return {
    start: () => log.push('start'),
    receive: (chunk) => {
      log.push(`receive ${chunk[0]}`);
      spend();
    },
    send: (_data, written) => written(),
    keyUpdate: () => undefined,
    closeNotify: () => log.push('closeNotify'),
    bufferedBytes: () => 0,
    destroy: async () => undefined,
  };
}

describe('LoopTurns', () => {
  it('lets work run until the turn has spent its budget, then runs the rest in later turns, in order', async () => {
    const clock = manualClock();
    const turns = new LoopTurns(2, clock.now);
    const ran: number[] = [];
    expect(turns.mayRun()).to.equal(true);
    clock.advance(1.5);
    expect(turns.mayRun()).to.equal(true);
    clock.advance(1);
    expect(turns.mayRun()).to.equal(false);
    for (const n of [1, 2, 3]) turns.defer(() => {
      ran.push(n);
      clock.advance(1.5);
    });
    expect(turns.waiting).to.equal(3);
    // While work waits, new work waits behind it even in a fresh turn.
    await nextTurn();
    expect(ran).to.deep.equal([1, 2]);
    expect(turns.mayRun()).to.equal(false);
    await nextTurn();
    expect(ran).to.deep.equal([1, 2, 3]);
    expect(turns.waiting).to.equal(0);
    await nextTurn();
    expect(turns.mayRun()).to.equal(true);
  });
});

describe('EngineDriver paced by LoopTurns', () => {
  const sink = {} as EngineSink;

  it('puts a call off to a later turn once the budget is spent; calls after it queue behind it, and inputEnded waits for them', async () => {
    const clock = manualClock();
    const turns = new LoopTurns(2, clock.now);
    const log: string[] = [];
    const driver = new EngineDriver({ cork: () => undefined, uncork: () => undefined, threw: (e) => log.push(`threw ${e.message}`) });
    driver.create(() => recordingEngine(log, () => clock.advance(3)), sink);
    driver.pace(turns);
    driver.receive(Uint8Array.of(1));
    driver.receive(Uint8Array.of(2));
    driver.call((engine) => engine.closeNotify());
    expect(log).to.deep.equal(['receive 1']);
    expect(driver.bufferedBytes).to.equal(1);
    let ended = false;
    void driver.inputEnded()!.then(() => (ended = true));
    await nextTurn();
    await nextTurn();
    expect(log).to.deep.equal(['receive 1', 'receive 2', 'closeNotify']);
    expect(driver.bufferedBytes).to.equal(0);
    await Promise.resolve();
    expect(ended).to.equal(true);
    // Unpaced (an established session), calls run at once whatever the turn has spent.
    driver.pace(undefined);
    driver.receive(Uint8Array.of(3));
    expect(log.at(-1)).to.equal('receive 3');
    await driver.destroy();
  });

  it('drops what waits for a later turn when the engine is destroyed', async () => {
    const clock = manualClock();
    const turns = new LoopTurns(2, clock.now);
    const log: string[] = [];
    const driver = new EngineDriver({ cork: () => undefined, uncork: () => undefined, threw: () => undefined });
    driver.create(() => recordingEngine(log, () => clock.advance(3)), sink);
    driver.pace(turns);
    driver.receive(Uint8Array.of(1));
    driver.receive(Uint8Array.of(2));
    const ended = driver.inputEnded();
    await driver.destroy();
    await ended;
    await nextTurn();
    expect(log).to.deep.equal(['receive 1']);
  });
});
