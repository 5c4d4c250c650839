import { Observable, type Subscriber } from 'rxjs';
import { Errno } from '../gsk/errno.js';
import { GskError } from '../gsk/GskError.js';
import { GskStatus } from '../gsk/status.js';
import { writeCompletion } from './completionRecord.js';
import { Fifo } from './Fifo.js';
import { OperationKind, type Overlapped, type OverlappedInput } from './Overlapped.js';

/** Thrown to waiters when their port is destroyed (QsoWaitForIOCompletion's EDESTROYED). */
export class PortDestroyedError extends GskError {
  readonly errno = Errno.EDESTROYED;

  constructor(detail = 'the completion port was destroyed') {
    super(GskStatus.GSK_IBMI_ERROR_INVALID_IOCOMPLETIONPORT, detail);
    this.name = 'PortDestroyedError';
  }
}

/** Something with operations pending on the port (a session, a listener), told when it is destroyed. */
export interface PortClient {
  /** Settle every operation of this client that targets `port`, without posting them. */
  portDestroyed(port: CompletionPort): void;
}

interface Waiter {
  resolve(value: Overlapped | null): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout | undefined;
}

/**
 * An I/O completion port (QsoCreateIOCompletionPort): a FIFO of completed operations.
 * Each completion reaches exactly one consumer: the longest-waiting `wait()` caller first, then
 * the `completions$` subscribers in turn, else it queues until someone asks.
 */
export class CompletionPort {
  private readonly queue = new Fifo<Overlapped>();
  private readonly waiters = new Fifo<Waiter>();
  private readonly streams: Subscriber<Overlapped>[] = [];
  private nextStream = 0;
  private readonly clients = new Set<PortClient>();
  private isDestroyed = false;

  /** The application's completions as a stream; each subscriber is one more consumer. */
  readonly completions$: Observable<Overlapped>;

  private constructor() {
    this.completions$ = new Observable<Overlapped>((subscriber) => {
      if (this.isDestroyed) {
        subscriber.error(new PortDestroyedError());
        return undefined;
      }
      this.streams.push(subscriber);
      // Completions only queue while nobody waits, so a new subscriber takes the backlog.
      for (let c = this.queue.shift(); c !== undefined; c = subscriber.closed ? undefined : this.queue.shift()) {
        subscriber.next(c);
      }
      return () => {
        const at = this.streams.indexOf(subscriber);
        if (at >= 0) this.streams.splice(at, 1);
      };
    });
  }

  /** QsoCreateIOCompletionPort. */
  static create(): CompletionPort {
    return new CompletionPort();
  }

  get destroyed(): boolean {
    return this.isDestroyed;
  }

  /** Completions queued and not yet consumed. */
  get queued(): number {
    return this.queue.length;
  }

  /**
   * QsoWaitForIOCompletion: the next completion, or null when `ms` elapses. `0` polls,
   * `undefined` waits for ever. Rejects with PortDestroyedError (EDESTROYED) if the port is destroyed.
   */
  wait(ms?: number): Promise<Overlapped | null> {
    if (this.isDestroyed) return Promise.reject(new PortDestroyedError());
    const ready = this.queue.shift();
    if (ready !== undefined) return Promise.resolve(ready);
    if (ms !== undefined && ms <= 0) return Promise.resolve(null);
    return new Promise<Overlapped | null>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, timer: undefined };
      if (ms !== undefined) {
        waiter.timer = setTimeout(() => {
          this.waiters.remove(waiter);
          resolve(null);
        }, ms);
      }
      this.waiters.push(waiter);
    });
  }

  /**
   * QsoPostIOCompletion: post an application record. operationCompleted becomes Post unless the
   * caller set it; returnValue and the transfer fields default to zero.
   */
  post(overlapped: OverlappedInput & Partial<Overlapped>): void {
    this.assertUsable();
    const o = overlapped;
    this.deliver(
      writeCompletion(o, o.operationCompleted ?? OperationKind.Post, {
        returnValue: o.returnValue ?? GskStatus.GSK_OK,
        errnoValue: o.errnoValue,
        secureDataTransferSize: o.secureDataTransferSize,
        bytesAvailable: o.bytesAvailable,
      }),
    );
  }

  /**
   * QsoDestroyIOCompletionPort: waiters and streams get EDESTROYED, pending operations are
   * cancelled, queued completions are dropped. Idempotent.
   */
  destroy(): void {
    if (this.isDestroyed) return;
    this.isDestroyed = true;
    const error = new PortDestroyedError();
    for (const w of this.waiters.drain()) {
      if (w.timer !== undefined) clearTimeout(w.timer);
      w.reject(error);
    }
    for (const s of this.streams.splice(0)) s.error(error);
    this.queue.drain();
    for (const c of [...this.clients]) c.portDestroyed(this);
    this.clients.clear();
  }

  /** Throws GskError if the port cannot take new operations. For sessions starting work. */
  assertUsable(): void {
    if (this.isDestroyed) throw new PortDestroyedError('operation started on a destroyed completion port');
  }

  /** @internal A session or listener with operations pending on this port; told by destroy(). */
  attach(client: PortClient): void {
    this.clients.add(client);
  }

  /** @internal Its last operation on this port settled. */
  detach(client: PortClient): void {
    this.clients.delete(client);
  }

  /** @internal Hands a completion to exactly one consumer. Dropped silently after destroy. */
  deliver(completion: Overlapped): void {
    if (this.isDestroyed) return;
    const waiter = this.waiters.shift();
    if (waiter !== undefined) {
      if (waiter.timer !== undefined) clearTimeout(waiter.timer);
      waiter.resolve(completion);
      return;
    }
    if (this.streams.length > 0) {
      const stream = this.streams[this.nextStream++ % this.streams.length]!;
      stream.next(completion);
      return;
    }
    this.queue.push(completion);
  }
}
