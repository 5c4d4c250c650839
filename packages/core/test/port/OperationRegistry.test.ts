import { expect } from 'chai';
import { Errno } from '../../src/gsk/errno.js';
import { GskStatus } from '../../src/gsk/status.js';
import { writeCompletion } from '../../src/port/completionRecord.js';
import { CompletionPort } from '../../src/port/CompletionPort.js';
import { OperationRegistry } from '../../src/port/OperationRegistry.js';
import { OperationKind, type Overlapped } from '../../src/port/Overlapped.js';

describe('OperationRegistry', () => {
  it('cancels every pending operation sharing an id, once, and counts them', async () => {
    const registry = new OperationRegistry();
    const port = CompletionPort.create();
    const a = registry.start(OperationKind.StartRecv, { operationId: 'x' }, port);
    registry.start(OperationKind.StartSend, { operationId: 'x' }, port);
    registry.start(OperationKind.StartRecv, { operationId: 'y' }, port);
    expect(registry.isPending('x')).to.equal(true);
    expect(registry.cancel('x')).to.equal(2);
    expect(registry.cancel('x')).to.equal(0);
    expect(registry.isPending('x')).to.equal(false);
    expect(registry.isPending('y')).to.equal(true);
    expect(a.finish({ returnValue: GskStatus.GSK_OK })).to.equal(false);
    const first = (await port.wait(0))!;
    expect([first.returnValue, first.errnoValue, first.operationCompleted]).to.deep.equal([GskStatus.GSK_TLSPORT_ERROR_CANCELLED, Errno.ECANCELED, OperationKind.StartRecv]);
    expect((await port.wait(0))!.operationCompleted).to.equal(OperationKind.StartSend);
    expect(await port.wait(0)).to.equal(null);
    port.destroy();
  });

  it('settles, without posting, only the operations of a destroyed port', async () => {
    const registry = new OperationRegistry();
    const doomed = CompletionPort.create();
    const kept = CompletionPort.create();
    const lost = registry.start(OperationKind.StartRecv, { operationId: 1 }, doomed);
    registry.start(OperationKind.StartRecv, { operationId: 2 }, kept);
    doomed.destroy();
    expect(lost.pending).to.equal(false);
    expect((lost.overlapped as Overlapped).errnoValue).to.equal(Errno.EDESTROYED);
    expect(registry.isPending(2)).to.equal(true);
    expect(registry.cancel(2)).to.equal(1);
    expect((await kept.wait(0))!.returnValue).to.equal(GskStatus.GSK_TLSPORT_ERROR_CANCELLED);
    kept.destroy();
  });

  it('delivers to a callback target after the current stack unwinds', async () => {
    const registry = new OperationRegistry();
    const seen: Overlapped[] = [];
    const op = registry.start(OperationKind.StartSend, { operationId: 3 }, (c) => seen.push(c));
    op.finish({ returnValue: GskStatus.GSK_OK, secureDataTransferSize: 5 });
    expect(seen).to.have.length(0);
    await Promise.resolve();
    expect(seen.map((c) => c.secureDataTransferSize)).to.deep.equal([5]);
  });
});

describe('writeCompletion', () => {
  it('fills every output, zero where the outcome says nothing, and keeps the inputs', () => {
    const record = { descriptorHandle: 'h', operationId: 7, buffer: new Uint8Array(2) };
    const o = writeCompletion(record, OperationKind.StartRecv, { returnValue: GskStatus.GSK_OK, secureDataTransferSize: 2 });
    expect(o).to.equal(record);
    expect(o).to.include({ descriptorHandle: 'h', operationId: 7, operationCompleted: OperationKind.StartRecv, returnValue: GskStatus.GSK_OK, errnoValue: Errno.NONE, secureDataTransferSize: 2, bytesAvailable: 0 });
    expect('error' in o).to.equal(false);
  });
});
