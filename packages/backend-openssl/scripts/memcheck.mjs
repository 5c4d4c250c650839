// A few handshakes, faults and cancels for valgrind (not part of the test suite):
//   valgrind --tool=memcheck node --jitless packages/backend-openssl/scripts/memcheck.mjs
// Needs `npx tsc -b packages/backend-openssl` first (it runs the compiled dist/).
import { EnginePair, TestCa } from '@tlsport/testkit';
import { liveObjects, OpenSslBackend } from '../dist/src/index.js';

const backend = new OpenSslBackend();
const ca = TestCa.root();
const stranger = TestCa.root();
const leaf = ca.issue();
const server = { cert: leaf.chain, key: leaf.key, ca: ca.cert };
const turn = () => new Promise((resolve) => setImmediate(resolve));

function check(condition, what) {
  if (!condition) throw new Error(`memcheck script: ${what}`);
}

async function exchange(pair) {
  await new Promise((resolve, reject) => pair.client.engine.send(Buffer.from('ping'), (e) => (e ? reject(e) : resolve())));
  await pair.until(() => pair.server.receivedText() === 'ping');
}

try {
  let session;
  for (const version of ['TLSv1.3', 'TLSv1.2']) {
    const pair = await EnginePair.create(backend, { ca: ca.cert, servername: 'localhost', maxVersion: version, keylog: () => {} }, backend, server);
    await pair.handshake(120_000);
    check(pair.client.handshake?.version === version, `${version} handshake: ${pair.client.error?.message}`);
    await exchange(pair);
    if (version === 'TLSv1.3') pair.client.engine.keyUpdate(true);
    await exchange(pair);
    pair.client.engine.closeNotify();
    await pair.until(() => pair.server.peerClosed, 120_000);
    session = pair.client.sessions.at(-1);
    await pair.destroy();
  }
  check(session !== undefined, 'no session');

  // A fault (unknown CA): error queue, alert, both engines failed.
  const failing = await EnginePair.create(backend, { ca: stranger.cert }, backend, server);
  await failing.handshake(120_000);
  await failing.until(() => failing.client.error !== undefined && failing.server.error !== undefined, 120_000);
  check(failing.client.error.fault === 'unknown-ca', `fault ${failing.client.error.fault}`);
  await failing.destroy();

  // Cancels: destroy right after start (a pool step in flight) and after a few loop turns; the
  // last one also offers the saved session (d2i_SSL_SESSION, SSL_set_session).
  for (let i = 0; i < 4; i++) {
    const pair = await EnginePair.create(backend, { ca: ca.cert, maxVersion: 'TLSv1.2', session: i === 3 ? session : undefined }, backend, server);
    pair.server.engine.start();
    pair.client.engine.start();
    for (let t = 0; t < i; t++) await turn();
    await pair.destroy();
  }

  const counts = liveObjects();
  check(counts.ssl === 0 && counts.ctx === 0, `live objects ${JSON.stringify(counts)}`);
  console.log('memcheck script done, live objects', counts);
} finally {
  ca.dispose();
  stranger.dispose();
}
