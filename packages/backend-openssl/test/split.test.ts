import { expect } from 'chai';
import { resolveTlsConfig, type HandshakeResult, type SecureAttributes, type TlsEngine } from '@tlsport/core';
import { silentSink } from '@tlsport/testkit';
import { backend } from './helpers/pair.js';
import { makePki, serverWith, type Pki } from './helpers/pki.js';

interface Side {
  engine: TlsEngine;
  outbox: Uint8Array[];
  received: Buffer[];
  handshake?: HandshakeResult;
}

/**
 * Ciphertext re-cut into slices of 1..`maxSlice` bytes (seeded), so records arrive split at every
 * possible place and several at once: the engine must accept any split or coalescing.
 */
async function slicedExchange(client: SecureAttributes, server: SecureAttributes, maxSlice: number, payload: Buffer): Promise<{ c: Side; s: Side }> {
  let seed = 12345;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return 1 + (seed % maxSlice);
  };
  const make = async (attrs: SecureAttributes): Promise<{ side: Side; dispose(): Promise<void> }> => {
    const config = resolveTlsConfig(attrs);
    const context = await backend.createContext(config);
    const side = { outbox: [], received: [] } as unknown as Side;
    side.engine = context.createEngine(config, silentSink({
      transmit: (b) => side.outbox.push(Uint8Array.from(b)),
      plaintext: (d) => side.received.push(Buffer.from(d)),
      handshakeComplete: (r) => {
        side.handshake = r;
      },
      failed: (e) => {
        throw e;
      },
    }));
    return { side, dispose: () => side.engine.destroy().then(() => context.dispose()) };
  };
  const c = await make({ ...client, role: 'client' });
  const s = await make({ ...server, role: 'server' });
  const pump = (from: Side, to: Side) => {
    const bytes = Buffer.concat(from.outbox.splice(0));
    for (let at = 0; at < bytes.length; ) {
      const n = next();
      to.engine.receive(bytes.subarray(at, at + n));
      at += n;
    }
  };
  const total = (side: Side) => side.received.reduce((n, b) => n + b.length, 0);
  try {
    s.side.engine.start();
    c.side.engine.start();
    let sent = false;
    // A time limit, not a turn count: turns spin fast while a handshake step waits for the pool.
    const deadline = Date.now() + 20_000;
    while (total(s.side) < payload.length) {
      if (Date.now() > deadline) throw new Error(`no progress: client ${c.side.handshake?.version}, server ${s.side.handshake?.version}, ${total(s.side)} bytes in`);
      if (!sent && c.side.handshake !== undefined) {
        sent = true;
        c.side.engine.send(payload, () => {});
      }
      pump(c.side, s.side);
      pump(s.side, c.side);
      await new Promise((r) => setImmediate(r));
    }
    return { c: c.side, s: s.side };
  } finally {
    await c.dispose();
    await s.dispose();
  }
}

describe('openssl engine: ciphertext in any split', () => {
  let pki: Pki;
  before(() => {
    pki = makePki();
  });
  after(() => pki.dispose());

  for (const version of ['TLSv1.3', 'TLSv1.2'] as const) {
    for (const maxSlice of [1, 7, 3000, 40_000]) {
      it(`${version}: slices of up to ${maxSlice} bytes`, async () => {
        const payload = Buffer.alloc(maxSlice === 1 ? 20_000 : 200_000);
        for (let i = 0; i < payload.length; i++) payload[i] = (i * 31) & 0xff;
        const { c, s } = await slicedExchange({ ca: pki.ca.cert, maxVersion: version }, { ...serverWith(pki.ecdsa), maxVersion: version }, maxSlice, payload);
        expect(c.handshake?.version).to.equal(version);
        expect(Buffer.concat(s.received).equals(payload)).to.equal(true);
      });
    }
  }
});
