import { once } from 'node:events';
import type { Duplex } from 'node:stream';
import { RECORD_BYTES } from '../contenders/Contender.js';

const CHUNK = new Uint8Array(RECORD_BYTES).fill(0x61);

/** Counts what a readable delivers, so a transfer can wait for the far end to have everything. */
export class ByteCounter {
  received = 0;
  private waiting: { target: number; resolve: () => void } | undefined;

  constructor(stream: Duplex) {
    stream.on('data', (chunk: Buffer) => {
      this.received += chunk.length;
      if (this.waiting !== undefined && this.received >= this.waiting.target) {
        this.waiting.resolve();
        this.waiting = undefined;
      }
    });
  }

  reach(target: number): Promise<void> {
    if (this.received >= target) return Promise.resolve();
    return new Promise((resolve) => (this.waiting = { target, resolve }));
  }
}

/** Writes `bytes` to `sender` in full records, honouring back-pressure, until `counter` has them all. */
export async function streamTransfer(sender: Duplex, counter: ByteCounter, bytes: number): Promise<void> {
  const target = counter.received + bytes;
  for (let sent = 0; sent < bytes; sent += CHUNK.length) {
    if (!sender.write(CHUNK)) await once(sender, 'drain');
  }
  await counter.reach(target);
}
