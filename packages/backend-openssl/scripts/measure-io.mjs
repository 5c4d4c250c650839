// Measures what decided where application data is encrypted and decrypted (not part of the tests):
// SSL_write / SSL_read of one record on the main thread vs. one hop to the libuv pool and back
// (and how an empty handshake step moves inline once it has been measured cheap).
//   npx tsc -b packages/backend-openssl && node packages/backend-openssl/scripts/measure-io.mjs
import { resolveTlsConfig } from '@tlsport/core';
import { TestCa } from '@tlsport/testkit';
import { OpenSslBackend } from '../dist/src/index.js';
import { addon } from '../dist/src/native.js';
import { contextOptions, engineOptions } from '../dist/src/nativeOptions.js';

const ROUNDS = 5000;
const ca = TestCa.root();
const leaf = ca.issue();
const backend = new OpenSslBackend();
const perRound = (start) => (Number(process.hrtime.bigint() - start) / 1000 / ROUNDS).toFixed(1);

/** A client and server engine whose ciphertext waits in queues until `flush` delivers it. */
async function quietPair() {
  const side = async (attrs) => {
    const config = resolveTlsConfig(attrs);
    const context = await backend.createContext(config);
    const s = { outbox: [], done: false, context };
    const noop = () => {};
    s.engine = context.createEngine(config, {
      transmit: (b) => s.outbox.push(b), plaintext: noop, handshakeComplete: () => { s.done = true; },
      peerClosed: noop, failed: (e) => { throw e; }, keylog: noop, session: noop,
    });
    return s;
  };
  const client = await side({ role: 'client', ca: ca.cert });
  const server = await side({ role: 'server', cert: leaf.chain, key: leaf.key, ca: ca.cert });
  server.engine.start();
  client.engine.start();
  while (!(client.done && server.done)) {
    for (const b of client.outbox.splice(0)) server.engine.receive(b);
    for (const b of server.outbox.splice(0)) client.engine.receive(b);
    await new Promise((r) => setImmediate(r));
  }
  client.outbox.length = 0;
  server.outbox.length = 0;
  return { client, server };
}

try {
  const { client, server } = await quietPair();
  for (const size of [1024, 16384]) {
    const data = Buffer.alloc(size, 0x61);
    let start = process.hrtime.bigint();
    for (let i = 0; i < ROUNDS; i++) client.engine.send(data, () => {});
    const write = perRound(start);
    const records = client.outbox.splice(0);
    start = process.hrtime.bigint();
    for (const record of records) server.engine.receive(record);
    console.log(`${size} B of data: send (SSL_write) ${write} us, receive (SSL_read) ${perRound(start)} us, on the main thread`);
  }
  for (const s of [client, server]) {
    await s.engine.destroy();
    await s.context.dispose();
  }

  // An empty step: a server SSL_do_handshake with no input returns WANT_READ at once. The first
  // goes to the pool (its kind is unknown); once measured cheap, the rest run inline.
  const config = resolveTlsConfig({ role: 'server', cert: leaf.chain, key: leaf.key, ca: ca.cert });
  const native = await new Promise((resolve, reject) => addon.buildContext(contextOptions(config), (e, c) => (e ? reject(e) : resolve(c))));
  const engine = new addon.Engine(native, engineOptions(config, { chooseCertificate: false }));
  const step = () => new Promise((resolve) => { if (engine.handshake([], resolve) !== undefined) resolve(true); });
  let start = process.hrtime.bigint();
  const firstInline = await step();
  console.log(`first empty step (${firstInline ? 'inline' : 'libuv pool round trip'}): ${(Number(process.hrtime.bigint() - start) / 1000).toFixed(1)} us`);
  start = process.hrtime.bigint();
  let inline = 0;
  for (let i = 0; i < ROUNDS; i++) if (await step()) inline++;
  console.log(`then ${ROUNDS} empty steps, ${inline} of them inline: ${perRound(start)} us each`);
  engine.free();
  native.dispose();
} finally {
  ca.dispose();
}
