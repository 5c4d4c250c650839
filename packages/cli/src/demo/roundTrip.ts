import { CompletionPort, GskError, GskStatus, type Negotiated, type Overlapped, type SecureEnvironment } from '@tlsport/core';

const WAIT_MS = 5000;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The next completion, or an error when none arrives in time. */
async function completion(port: CompletionPort): Promise<Overlapped> {
  const c = await port.wait(WAIT_MS);
  if (c === null) throw new Error(`no completion within ${WAIT_MS} ms`);
  if (c.returnValue !== GskStatus.GSK_OK) throw c.error ?? new GskError(c.returnValue);
  return c;
}

/**
 * One client connection of the demo: handshake, send a line, read the server's one-line answer,
 * close_notify. Every step is started on a port and taken from it with wait().
 */
export async function roundTrip(env: SecureEnvironment, target: { host: string; port: number }, line: string): Promise<{ negotiated: Negotiated; reply: string }> {
  const port = CompletionPort.create();
  const session = await env.connect(target);
  try {
    session.startInit(port, {});
    const { negotiated } = await completion(port);
    session.startSend(port, { buffer: encoder.encode(line + '\n'), postFlag: true });
    await completion(port);
    let reply = '';
    while (!reply.endsWith('\n')) {
      session.startRecv(port, { buffer: new Uint8Array(1024), postFlag: true });
      const c = await completion(port);
      reply += decoder.decode(c.buffer!.subarray(0, c.secureDataTransferSize), { stream: true });
    }
    await session.shutdown();
    return { negotiated: negotiated!, reply: reply.trimEnd() };
  } finally {
    await session.close();
    port.destroy();
  }
}
