import { expect } from 'chai';
import { GskStatus } from '../../src/gsk/status.js';
import { OperationRegistry } from '../../src/port/OperationRegistry.js';
import { OperationKind, type Overlapped } from '../../src/port/Overlapped.js';
import { ReceiveQueue, type EndOfInput } from '../../src/session/ReceiveQueue.js';
import { TlsError } from '../../src/tls/TlsError.js';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('ReceiveQueue', () => {
  let end: EndOfInput | undefined;
  let queue: ReceiveQueue;
  const registry = new OperationRegistry();
  const done: Overlapped[] = [];
  const receive = (length: number, fillBuffer = false, operationId?: string) => {
    const op = registry.start(OperationKind.StartRecv, { buffer: new Uint8Array(length), fillBuffer, operationId }, (c) => done.push(c));
    queue.wait(op);
    return op.overlapped as Overlapped;
  };

  beforeEach(() => {
    end = undefined;
    queue = new ReceiveQueue(() => end);
    done.length = 0;
  });

  it('completes a receive with what there is; fillBuffer waits for the whole buffer', async () => {
    const partial = receive(4);
    const full = receive(3, true);
    queue.push(bytes(1, 2));
    queue.serve();
    expect(queue.take({ buffer: new Uint8Array(3), fillBuffer: true })).to.equal(undefined);
    queue.push(bytes(3, 4));
    queue.serve();
    expect(queue.buffered).to.equal(2);
    queue.push(bytes(5));
    queue.serve();
    await Promise.resolve();
    expect(done).to.deep.equal([partial, full]);
    expect([...partial.buffer!.subarray(0, partial.secureDataTransferSize)]).to.deep.equal([1, 2]);
    expect([...full.buffer!]).to.deep.equal([3, 4, 5]);
    expect([full.bytesAvailable, queue.hasWaiting]).to.deep.equal([0, false]);
  });

  it('once input is over, hands out what is left, then the end status to every later receive', async () => {
    const first = receive(8, true);
    queue.push(bytes(9, 9, 9));
    queue.serve();
    expect(queue.hasWaiting).to.equal(true);
    end = { status: GskStatus.GSK_ERROR_SOCKET_CLOSED, error: undefined };
    const second = receive(8);
    queue.serve();
    await Promise.resolve();
    expect([first.returnValue, first.secureDataTransferSize]).to.deep.equal([GskStatus.GSK_OK, 3]);
    expect([second.returnValue, second.secureDataTransferSize, second.error]).to.deep.equal([GskStatus.GSK_ERROR_SOCKET_CLOSED, 0, undefined]);
    const failure = new TlsError('bad-mac', 'test');
    end = { status: failure.status, error: failure };
    expect(queue.take({ buffer: new Uint8Array(1) })).to.include({ returnValue: failure.status, error: failure });
  });

  it('skips receives that settled elsewhere (cancelled) and keeps order for the rest', async () => {
    const cancelled = receive(2, false, 'gone');
    const next = receive(2, false, 'kept');
    const after = receive(2, false, 'kept');
    expect(registry.cancel('gone')).to.equal(1);
    queue.push(bytes(1, 2, 3));
    queue.serve();
    await Promise.resolve();
    expect(cancelled.returnValue).to.equal(GskStatus.GSK_TLSPORT_ERROR_CANCELLED);
    expect([...next.buffer!]).to.deep.equal([1, 2]);
    expect([after.secureDataTransferSize, ...after.buffer!.subarray(0, 1)]).to.deep.equal([1, 3]);
  });
});
