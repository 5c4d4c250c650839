import type { EngineSink } from '@tlsport/core';

/** An EngineSink that ignores everything except what `handlers` overrides. */
export function silentSink(handlers: Partial<EngineSink> = {}): EngineSink {
  return {
    transmit: () => {},
    plaintext: () => {},
    handshakeComplete: () => {},
    peerClosed: () => {},
    failed: () => {},
    keylog: () => {},
    session: () => {},
    ...handlers,
  };
}
