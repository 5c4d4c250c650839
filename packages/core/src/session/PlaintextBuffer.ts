import { Fifo } from '../port/Fifo.js';

/**
 * Received plaintext waiting for StartRecv operations: a queue of chunks read without joining
 * them. O(1) per chunk however many are queued (a peer may send a million 1-byte records).
 */
export class PlaintextBuffer {
  private chunks = new Fifo<Uint8Array>();
  private offset = 0;
  private total = 0;

  get length(): number {
    return this.total;
  }

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.total += chunk.length;
  }

  /** Copies up to `max` bytes into `target` and returns how many were copied. */
  readInto(target: Uint8Array, max: number): number {
    let copied = 0;
    for (let head = this.chunks.peek(); head !== undefined && copied < max; head = this.chunks.peek()) {
      const n = Math.min(head.length - this.offset, max - copied);
      target.set(head.subarray(this.offset, this.offset + n), copied);
      copied += n;
      this.offset += n;
      if (this.offset === head.length) {
        this.chunks.shift();
        this.offset = 0;
      }
    }
    this.total -= copied;
    return copied;
  }

  clear(): void {
    this.chunks = new Fifo<Uint8Array>();
    this.offset = 0;
    this.total = 0;
  }
}
