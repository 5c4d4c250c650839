// Run by Listener.test.ts in each worker of `Listener.listen({ workers: 2 })`: the same call
// listens on the shared port here; each connection is told this worker's pid, until the primary
// closes its listener (which closes ours: the pending accept completes and the worker ends).
import { CompletionPort } from '../../src/port/CompletionPort.js';
import { Listener } from '../../src/port/Listener.js';
import { GskStatus } from '../../src/gsk/status.js';

const listener = await Listener.listen({ workers: 2 });
const port = CompletionPort.create();
while (listener.startAccept(port, {}) === GskStatus.GSK_OK) {
  const accepted = await port.wait();
  if (accepted?.returnValue !== GskStatus.GSK_OK || accepted.socket === undefined) break;
  accepted.socket.end(`${process.pid}\n`);
}
port.destroy();
