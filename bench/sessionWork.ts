import { existsSync } from 'node:fs';
import { CompletionPort } from '@tlsport/core';
import { connection, sessionEnvironments } from './links/sessionConnection.js';
import { BenchPki } from './pki.js';

/**
 * A fixed amount of work through the whole session layer, for instruction counts (callgrind),
 * which stay repeatable on a loaded machine where wall-clock rates do not:
 *
 *   bench/count-instructions.sh BACKEND N
 *
 * N connections, one after another, over in-memory pipes: client and server sessions on one
 * completion port, full TLS 1.3 ECDSA handshake, the server sends one byte, the client reads it,
 * both shut down (1-step) and close: what a server's main thread does per connection, without
 * sockets. With `--mark` it makes a few connections first, prints READY and waits for a file to appear,
 * so that instructions are counted for the N connections only (bench/count-instructions.sh).
 */
/** Connections made before the counted ones (JIT, caches). */
const WARMUP = 5;

const [name, count = '100', mode, goFile] = process.argv.slice(2);
const pki = BenchPki.create();
try {
  const [clientEnv, serverEnv] = await sessionEnvironments(pki, name, 'sessionWork.js BACKEND [N]');
  const port = CompletionPort.create();
  if (mode === '--mark') {
    // For `callgrind --instr-atstart=no`: the caller turns counting on (callgrind_control -i on)
    // and then creates the file named after --mark, so only the counted connections are measured.
    for (let i = 0; i < WARMUP; i++) await connection(clientEnv, serverEnv, port);
    console.log('READY');
    while (!existsSync(goFile!)) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  for (let i = 0; i < Number(count); i++) await connection(clientEnv, serverEnv, port);
  port.destroy();
  await Promise.all([clientEnv.close(), serverEnv.close()]);
  console.log(`${name}: ${count} connections`);
} finally {
  pki.dispose();
}
