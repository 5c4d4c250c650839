import { connect } from 'node:net';
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
