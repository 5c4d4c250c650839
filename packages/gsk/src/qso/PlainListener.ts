import type { Server, Socket } from 'node:net';
import { Errno, type CompletionPort } from '@tlsport/core';
import { registerSocket } from './descriptors.js';
import { QSOSTARTACCEPT, flag, type Qso_OverlappedIO_t } from './overlapped.js';
import { completeNow, PlainOperation } from './PlainOperation.js';
import { PendingSet } from './PendingSet.js';

/** Connections waiting for a QsoStartAccept beyond this are refused (closed), as a full listen backlog would. */
const MAX_BACKLOG = 1024;

/**
 * A listening descriptor taken with QsoStartAccept: each accept completes with the new
 * connection's descriptor in returnValue (IBM's convention), ready for gsk_secure_soc_open +
 * GSK_FD or for plain QsoStartRecv. Connections that arrive first wait in a bounded backlog.
 */
export class PlainListener {
  readonly pending = new PendingSet();
  private readonly accepts: PlainOperation[] = [];
  private readonly backlog: Socket[] = [];

  constructor(server: Server) {
    server.on('connection', (socket) => this.onConnection(socket));
  }

  startAccept(port: CompletionPort, io: Qso_OverlappedIO_t): number {
    const ready = this.accepts.length === 0 ? this.backlog.shift() : undefined;
    if (ready !== undefined && !flag(io.postFlag)) {
      completeNow(io, QSOSTARTACCEPT, { returnValue: registerSocket(ready) });
      return 1;
    }
    const op = new PlainOperation(QSOSTARTACCEPT, io, port, (settled) => this.pending.remove(settled));
    this.pending.add(op);
    if (ready !== undefined) {
      io.postFlagResult = 1;
      op.finish({ returnValue: registerSocket(ready) }, 1);
    } else {
      this.accepts.push(op);
    }
    return 0;
  }

  cancel(id: Qso_OverlappedIO_t['operationId']): number {
    let n = 0;
    for (const op of this.pending.withId(id)) if (op.finish({ returnValue: -1, errnoValue: Errno.ECANCELED })) n++;
    return n;
  }

  private onConnection(socket: Socket): void {
    socket.pause();
    socket.on('error', () => undefined);
    for (let op = this.accepts.shift(); op !== undefined; op = this.accepts.shift()) {
      if (op.pending) {
        op.finish({ returnValue: registerSocket(socket) });
        return;
      }
    }
    if (this.backlog.length >= MAX_BACKLOG) socket.destroy();
    else this.backlog.push(socket);
  }
}
