import { expect } from 'chai';
import { firstValueFrom, take, toArray } from 'rxjs';
import { CompletionPort, PortDestroyedError } from '../../src/port/CompletionPort.js';
import { OperationKind, type Overlapped } from '../../src/port/Overlapped.js';
import { Errno } from '../../src/gsk/errno.js';
import { GskStatus } from '../../src/gsk/status.js';

describe('CompletionPort', () => {
  it('post then wait returns the same record, marked Post', async () => {
    const port = CompletionPort.create();
    const record = { descriptorHandle: { conn: 7 }, operationId: 42 };
    port.post(record);
    const c = await port.wait(0);
    expect(c).to.equal(record);
    expect(c!.operationCompleted).to.equal(OperationKind.Post);
    expect(c!.returnValue).to.equal(GskStatus.GSK_OK);
    expect(c!.descriptorHandle).to.deep.equal({ conn: 7 });
  });

  it('wait(0) polls: null when empty', async () => {
    expect(await CompletionPort.create().wait(0)).to.equal(null);
  });

  it('wait(ms) resolves null when ms elapses', async () => {
    const port = CompletionPort.create();
    const t0 = Date.now();
    expect(await port.wait(30)).to.equal(null);
    expect(Date.now() - t0).to.be.at.least(25);
  });

  it('a completion posted later wakes a waiter that waits for ever', async () => {
    const port = CompletionPort.create();
    const pending = port.wait();
    setTimeout(() => port.post({ operationId: 1 }), 5);
    expect((await pending)!.operationId).to.equal(1);
  });

  it('serves concurrent waiters first-come, each completion to exactly one', async () => {
    const port = CompletionPort.create();
    const waits = [port.wait(), port.wait(), port.wait()];
    for (let i = 0; i < 3; i++) port.post({ operationId: i });
    const got = await Promise.all(waits);
    expect(got.map((c) => c!.operationId)).to.deep.equal([0, 1, 2]);
    expect(await port.wait(0)).to.equal(null);
  });

  it('a timed-out waiter does not swallow a later completion', async () => {
    const port = CompletionPort.create();
    expect(await port.wait(5)).to.equal(null);
    port.post({ operationId: 9 });
    expect((await port.wait(0))!.operationId).to.equal(9);
  });

  it('keeps FIFO order over many completions', async () => {
    const port = CompletionPort.create();
    for (let i = 0; i < 5000; i++) port.post({ operationId: i });
    for (let i = 0; i < 5000; i++) expect((await port.wait(0))!.operationId).to.equal(i);
  });

  it('completions$ takes the backlog, then new completions; waiters come first', async () => {
    const port = CompletionPort.create();
    port.post({ operationId: 'a' });
    port.post({ operationId: 'b' });
    const seen = firstValueFrom(port.completions$.pipe(take(3), toArray()));
    port.post({ operationId: 'c' });
    expect((await seen).map((c) => c.operationId)).to.deep.equal(['a', 'b', 'c']);
    const waiter = port.wait();
    const sub = port.completions$.subscribe(() => expect.fail('the waiter must get it'));
    port.post({ operationId: 'd' });
    expect((await waiter)!.operationId).to.equal('d');
    sub.unsubscribe();
  });

  it('two stream subscribers split completions, each to exactly one', async () => {
    const port = CompletionPort.create();
    const a: Overlapped[] = [];
    const b: Overlapped[] = [];
    const sa = port.completions$.subscribe((c) => a.push(c));
    const sb = port.completions$.subscribe((c) => b.push(c));
    for (let i = 0; i < 10; i++) port.post({ operationId: i });
    sa.unsubscribe();
    sb.unsubscribe();
    expect(a.length + b.length).to.equal(10);
    expect(a.length).to.equal(5);
    expect(new Set([...a, ...b].map((c) => c.operationId)).size).to.equal(10);
  });

  it('destroy wakes every waiter with EDESTROYED and errors streams', async () => {
    const port = CompletionPort.create();
    const waits = [port.wait(), port.wait(1000)];
    let streamError: unknown;
    port.completions$.subscribe({ error: (e) => (streamError = e) });
    port.destroy();
    for (const w of waits) {
      const error = await w.then(() => undefined, (e: unknown) => e);
      expect(error).to.be.instanceOf(PortDestroyedError);
      expect((error as PortDestroyedError).errno).to.equal(Errno.EDESTROYED);
    }
    expect(streamError).to.be.instanceOf(PortDestroyedError);
  });

  it('after destroy: wait rejects, post throws clearly, destroy is idempotent', async () => {
    const port = CompletionPort.create();
    port.post({ operationId: 1 });
    port.destroy();
    port.destroy();
    expect(port.destroyed).to.equal(true);
    expect(port.queued).to.equal(0);
    await port.wait(0).then(() => expect.fail('must reject'), (e: unknown) => expect(e).to.be.instanceOf(PortDestroyedError));
    expect(() => port.post({})).to.throw(PortDestroyedError, /destroyed/);
  });
});
