import type { EngineSink } from './spi.js';

/** A sink that stops passing calls on once silenced, and `silence` to do so. */
export interface GuardedSink {
  readonly sink: EngineSink;
  silence(): void;
}

/**
 * The one guard between an engine and whoever consumes its output: after a failure has been
 * reported, or once the engine is being destroyed, nothing more gets through. Engines therefore
 * need no guard of their own (an asynchronous engine's late callbacks simply fall silent here).
 */
export function guardSink(target: EngineSink): GuardedSink {
  let live = true;
  const sink: EngineSink = {
    transmit: (ciphertext) => {
      if (live) target.transmit(ciphertext);
    },
    plaintext: (data) => {
      if (live) target.plaintext(data);
    },
    handshakeComplete: (result) => {
      if (live) target.handshakeComplete(result);
    },
    peerClosed: () => {
      if (live) target.peerClosed();
    },
    failed: (error) => {
      if (!live) return;
      live = false;
      target.failed(error);
    },
    keylog: (line) => {
      if (live) target.keylog(line);
    },
    session: (state) => {
      if (live) target.session(state);
    },
  };
  return {
    sink,
    silence: () => {
      live = false;
    },
  };
}
