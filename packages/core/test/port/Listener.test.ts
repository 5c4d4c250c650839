import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { CompletionPort } from '../../src/port/CompletionPort.js';
import { Listener } from '../../src/port/Listener.js';
import { Errno } from '../../src/gsk/errno.js';
import { GskStatus } from '../../src/gsk/status.js';
import { OperationKind } from '../../src/port/Overlapped.js';

describe('Listener.startAccept (QsoStartAccept)', () => {
  it('returns GSK_IBMI_ERROR_INVALID_IOCOMPLETIONPORT on a destroyed port instead of throwing, and posts nothing', async () => {
    const listener = await Listener.listen();
    const port = CompletionPort.create();
    port.destroy();
    expect(listener.startAccept(port, { operationId: 1 })).to.equal(GskStatus.GSK_IBMI_ERROR_INVALID_IOCOMPLETIONPORT);
    expect(listener.isOperationPending(1)).to.equal(false);
    await listener.close();
  });

  it('operationWaitTime: an accept nobody connects to is posted with EAGAIN; a later connection waits for the next accept', async () => {
    const listener = await Listener.listen();
    const port = CompletionPort.create();
    expect(listener.startAccept(port, { descriptorHandle: 'timed', operationWaitTime: 50 })).to.equal(GskStatus.GSK_OK);
    const timedOut = await port.wait(2000);
    expect([timedOut?.operationCompleted, timedOut?.returnValue, timedOut?.errnoValue]).to.deep.equal([OperationKind.StartAccept, GskStatus.GSK_IBMI_ERROR_TIMED_OUT, Errno.EAGAIN]);
    const client = connect(listener.port, '127.0.0.1');
    expect(listener.startAccept(port, { descriptorHandle: 'next', operationWaitTime: 5000 })).to.equal(GskStatus.GSK_OK);
    const accepted = await port.wait(5000);
    expect([accepted?.descriptorHandle, accepted?.returnValue]).to.deep.equal(['next', GskStatus.GSK_OK]);
    accepted?.socket?.destroy();
    client.destroy();
    port.destroy();
    await listener.close();
  });
});

/** What the server at `port` says to a fresh connection. */
function answerFrom(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    connect(port, '127.0.0.1')
      .setEncoding('utf8')
      .on('data', (chunk: string) => (text += chunk))
      .on('end', () => resolve(text.trim()))
      .on('error', reject);
  });
}

describe('Listener.listen({ workers })', () => {
  it('serves the port from N worker processes; the primary accepts nothing, and closing it ends the workers', async function () {
    this.timeout(60_000);
    const workerModule = fileURLToPath(new URL('./listenerWorker.js', import.meta.url));
    const listener = await Listener.listen({ workers: 2, workerModule, workerArgs: [] });
    expect(listener.workers).to.equal(2);
    expect(listener.port).to.be.above(0);
    const port = CompletionPort.create();
    expect(listener.startAccept(port, { operationId: 7 })).to.equal(GskStatus.GSK_OK);
    const pids = new Set<string>();
    for (let i = 0; i < 6; i++) pids.add(await answerFrom(listener.port));
    expect(pids.size, `answers from ${[...pids].join(', ')}`).to.equal(2);
    expect(pids.has(String(process.pid))).to.equal(false);
    expect(listener.isOperationPending(7)).to.equal(true);
    await listener.close();
    const closed = await port.wait(1000);
    expect([closed?.operationId, closed?.returnValue]).to.deep.equal([7, GskStatus.GSK_IBMI_ERROR_CLOSED]);
    port.destroy();
  });

  it('refuses a worker count that is not a positive integer, naming it', async () => {
    for (const workers of [0, 1.5, -2]) {
      let error: unknown;
      await Listener.listen({ workers }).catch((e: unknown) => (error = e));
      expect(error).to.be.instanceOf(TypeError).with.property('message').that.matches(/^workers: /);
    }
  });
});
