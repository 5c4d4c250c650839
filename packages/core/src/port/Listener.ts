import cluster from 'node:cluster';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { Errno, errnoFromNodeCode } from '../gsk/errno.js';
import { GskStatus } from '../gsk/status.js';
import type { CompletionPort } from './CompletionPort.js';
import { OperationKind, type OperationId, type OverlappedInput } from './Overlapped.js';
import { Fifo } from './Fifo.js';
import type { Operation } from './Operation.js';
import { OperationRegistry } from './OperationRegistry.js';
import { WorkerProcesses, type ListenOptions } from './workerProcesses.js';

export type { ListenOptions } from './workerProcesses.js';

/**
 * A listening TCP socket whose connections are taken with startAccept (QsoStartAccept): each
 * accept operation completes on the port with the accepted socket in `socket`, ready for
 * SecureEnvironment.openSession. Connections that arrive with no accept pending wait in a backlog.
 *
 * With `workers: N` the connections are served by N worker processes instead (one per core):
 * each runs the program again, and there the same `listen` call shares the port. The primary's
 * listener then only stands for them: its accepts stay pending until it is closed, which ends
 * the workers.
 */
export class Listener {
  private readonly operations = new OperationRegistry();
  private readonly pendingAccepts = new Fifo<Operation>();
  private readonly backlog = new Fifo<Socket>();
  private closed = false;

  private constructor(private readonly where: Server | WorkerProcesses) {
    if (where instanceof WorkerProcesses) return;
    where.on('connection', (socket) => this.onConnection(socket));
    // In a worker, the primary's disconnect closes the server: the application's accepts learn it.
    where.once('close', () => this.stopAccepting());
  }

  /** Listens on host:port (port 0: the OS picks one; see `port`), here or in `workers` processes. */
  static async listen(options: ListenOptions = {}): Promise<Listener> {
    const workers = options.workers ?? 1;
    if (!Number.isSafeInteger(workers) || workers < 1) throw new TypeError(`workers: ${String(options.workers)} (an integer >= 1)`);
    if (workers > 1 && cluster.isPrimary) return new Listener(await WorkerProcesses.fork(workers, options));
    const server = createServer({ noDelay: true });
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0, backlog: options.backlog ?? 511 }, () => {
        server.off('error', reject);
        resolve(new Listener(server));
      });
    });
  }

  get port(): number {
    return this.boundAddress()?.port ?? 0;
  }

  get address(): string {
    return this.boundAddress()?.address ?? '';
  }

  /** Worker processes serving this listener's port (0: this process serves it). */
  get workers(): number {
    return this.where instanceof WorkerProcesses ? this.where.workers.length : 0;
  }

  /**
   * QsoStartAccept: the accept is always posted (as with postFlag set), with the connection in
   * `socket`. Returns GSK_OK when started, GSK_IBMI_ERROR_CLOSED on a closed listener and
   * GSK_IBMI_ERROR_INVALID_IOCOMPLETIONPORT on a destroyed port (nothing posted). A positive
   * operationWaitTime posts the accept with EAGAIN (GSK_IBMI_ERROR_TIMED_OUT) if no connection came.
   */
  startAccept(port: CompletionPort, overlapped: OverlappedInput): GskStatus {
    if (port.destroyed) return GskStatus.GSK_IBMI_ERROR_INVALID_IOCOMPLETIONPORT;
    if (this.closed) return GskStatus.GSK_IBMI_ERROR_CLOSED;
    const op = this.operations.start(OperationKind.StartAccept, overlapped, port);
    const wait = overlapped.operationWaitTime;
    if (wait !== undefined && wait > 0) op.armTimer(wait, () => op.finish({ returnValue: GskStatus.GSK_IBMI_ERROR_TIMED_OUT, errnoValue: Errno.EAGAIN }));
    const ready = this.backlog.shift();
    if (ready !== undefined) this.complete(op, ready);
    else this.pendingAccepts.push(op);
    return GskStatus.GSK_OK;
  }

  /** QsoCancelOperation: cancels the pending accepts with this id, posts each with ECANCELED, returns how many. */
  cancelOperation(id: OperationId): number {
    return this.operations.cancel(id);
  }

  /** QsoIsOperationPending: true while an accept with this id is started and not yet posted. */
  isOperationPending(id: OperationId): boolean {
    return this.operations.isPending(id);
  }

  /** Stops listening; pending accepts complete with GSK_IBMI_ERROR_CLOSED; backlog sockets are destroyed. */
  close(): Promise<void> {
    this.stopAccepting();
    const where = this.where;
    if (where instanceof WorkerProcesses) return where.close();
    return new Promise((resolve) => where.close(() => resolve()));
  }

  private boundAddress(): AddressInfo | undefined {
    if (this.where instanceof WorkerProcesses) return this.where.address;
    const address = this.where.address();
    return typeof address === 'object' && address !== null ? address : undefined;
  }

  private stopAccepting(): void {
    if (this.closed) return;
    this.closed = true;
    for (const op of this.operations.all()) op.finish({ returnValue: GskStatus.GSK_IBMI_ERROR_CLOSED, errnoValue: Errno.ECANCELED });
    for (const s of this.backlog.drain()) s.destroy();
  }

  private onConnection(socket: Socket): void {
    if (this.closed) {
      socket.destroy();
      return;
    }
    for (let op = this.pendingAccepts.shift(); op !== undefined; op = this.pendingAccepts.shift()) {
      if (op.pending) {
        this.complete(op, socket);
        return;
      }
    }
    socket.on('error', () => undefined);
    this.backlog.push(socket);
  }

  private complete(op: Operation, socket: Socket): void {
    if (socket.destroyed) {
      op.finish({ returnValue: GskStatus.GSK_ERROR_IO, errnoValue: errnoFromNodeCode('ECONNRESET') });
      return;
    }
    (op.overlapped as { socket?: Socket }).socket = socket;
    op.finish({ returnValue: GskStatus.GSK_OK });
  }
}
