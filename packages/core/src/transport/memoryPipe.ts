import { Duplex } from 'node:stream';

/**
 * Two connected in-memory duplex streams: what one writes, the other reads. Stands in for a TCP
 * connection in tests and benchmarks. Back-pressure is honoured: a write is acknowledged only once
 * the other side has room. `end()` or `destroy()` on one side ends the other's readable side, like a TCP FIN.
 */
export function memoryPipe(): [Duplex, Duplex] {
  const a = new PipeEnd();
  const b = new PipeEnd();
  a.peer = b;
  b.peer = a;
  return [a, b];
}

class PipeEnd extends Duplex {
  peer!: PipeEnd;
  /** The peer's write waiting for room in our readable buffer. */
  private blocked: (() => void) | undefined;

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    // Delivered on the next tick, as a socket would: the writer's call returns before the reader
    // runs, so two engines on a pipe never call into each other on one stack.
    process.nextTick(() => {
      if (this.peer.destroyed) {
        callback(Object.assign(new Error('memory pipe: peer destroyed'), { code: 'EPIPE' }));
        return;
      }
      if (this.peer.push(chunk)) callback();
      else this.peer.blocked = callback;  // released by the peer's _read
    });
  }

  override _read(): void {
    // Our reader wants more: the peer's write that found our buffer full may now complete.
    const resume = this.blocked;
    if (resume !== undefined) {
      this.blocked = undefined;
      resume();
    }
  }

  override _final(callback: (error?: Error | null) => void): void {
    process.nextTick(() => {
      if (!this.peer.destroyed) this.peer.push(null);
      callback();
    });
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    // A destroyed end looks to the other side like a closed connection: its input ends, after
    // whatever was already on its way (queued on the same tick queue, so it arrives first).
    process.nextTick(() => {
      if (!this.peer.destroyed && !this.peer.readableEnded) this.peer.push(null);
    });
    const resume = this.blocked;
    this.blocked = undefined;
    resume?.();
    callback(error);
  }
}
