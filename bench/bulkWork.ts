import { existsSync } from 'node:fs';
import { sessionEnvironments } from './links/sessionConnection.js';
import { closeSessions, establishSessions } from './links/sessionPair.js';
import { sessionTransfer } from './links/sessionTransfer.js';
import { tcpPair } from './links/tcpPair.js';
import { BenchPki } from './pki.js';

/**
 * A fixed bulk transfer through the session layer over loopback TCP, for instruction counts
 * (callgrind; the kernel's share is not counted, count syscalls with strace):
 *
 *   WORK=bulkWork bench/count-instructions.sh BACKEND MIB
 *
 * One client and one server session in this process over a real loopback TCP pair; the client
 * sends MIB MiB in 16 KiB startSends, the server receives them (bench/links/sessionTransfer.ts,
 * as the bulk suite does). With `--mark` it transfers a little first, prints READY and waits for
 * a file to appear, so that instructions are counted for the MIB MiB only.
 */
/** MiB transferred before the counted ones (JIT, buffers). */
const WARMUP_MIB = 8;
const MIB = 1 << 20;

const [name, count = '16', mode, goFile] = process.argv.slice(2);
const pki = BenchPki.create();
try {
  const [clientEnv, serverEnv] = await sessionEnvironments(pki, name, 'bulkWork.js BACKEND [MIB]');
  const [clientEnd, serverEnd] = await tcpPair();
  const pair = await establishSessions(clientEnv, serverEnv, clientEnd, serverEnd);
  if (mode === '--mark') {
    await sessionTransfer(pair.client, pair.server, WARMUP_MIB * MIB);
    console.log('READY');
    while (!existsSync(goFile!)) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await sessionTransfer(pair.client, pair.server, Number(count) * MIB);
  await closeSessions(pair);
  await Promise.all([clientEnv.close(), serverEnv.close()]);
  console.log(`${name}: ${count} MiB`);
} finally {
  pki.dispose();
}
