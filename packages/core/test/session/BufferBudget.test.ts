import { expect } from 'chai';
import { BufferBudget } from '../../src/session/BufferBudget.js';
import { ciphertextCost, sliceFor } from '../../src/session/SendQueue.js';

describe('BufferBudget', () => {
  it('gives each direction half the bound; reading needs room in both halves', () => {
    const held = { transport: 0, plaintext: 0, engine: 0 };
    const budget = new BufferBudget(100_000, { transport: () => held.transport, plaintext: () => held.plaintext, engine: () => held.engine });
    expect([budget.readRoom(), budget.sendRoom()]).to.deep.equal([50_000, 50_000]);
    held.plaintext = 30_000;
    held.engine = 5_000;
    expect(budget.readRoom()).to.equal(15_000);
    held.transport = 45_000;
    expect([budget.readRoom(), budget.sendRoom()]).to.deep.equal([5_000, 5_000]);
    expect([budget.total, budget.peak]).to.deep.equal([80_000, 80_000]);
    held.transport = 0;
    budget.note();
    expect(budget.peak).to.equal(80_000);
    budget.maxBytes = 200_000;
    expect(budget.sendRoom()).to.equal(100_000);
  });
});

describe('send slicing', () => {
  it('sends all that fits, else whole records within the room, else waits', () => {
    expect(ciphertextCost(1)).to.equal(65);
    expect(ciphertextCost(16 * 1024 + 1)).to.equal(16 * 1024 + 1 + 128);
    expect(sliceFor(1000, 2000)).to.equal(1000);
    expect(sliceFor(100_000, 40_000)).to.equal(32 * 1024);
    expect(sliceFor(100_000, 16 * 1024)).to.equal(0);
    expect(sliceFor(100_000, -50_000)).to.equal(0);
    for (const [remaining, room] of [[1, 64], [70_000, 70_000], [5_000_000, 524_288]] as const) {
      expect(ciphertextCost(sliceFor(remaining, room))).to.be.at.most(Math.max(room, 0));
    }
  });
});
