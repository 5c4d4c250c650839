import type { Readable, Writable } from 'node:stream';
import { CompletionPort, GskStatus, OperationKind, SecureEnvironment, type Overlapped, type SecureSession } from '@tlsport/core';
import { parseArgs } from '../args/parseArgs.js';
import { backendByName } from '../backend.js';
import { connectedLine, failedCompletion, failedThrown } from '../report.js';
import { startOrPost } from '../startOrPost.js';
import { DEFAULT_BACKEND, hostPort, tlsAttributes } from '../tlsOptions.js';
import { S_CLIENT_OPTIONS } from './options.js';


/** What s_client talks to besides the network. */
export interface ClientIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

/** Completion tags: which of the client's operations a completion belongs to. */
const RECV = 'recv';
const SEND = 'send';
const STDIN = 'stdin';
const STDIN_END = 'stdin-end';
const SHUTDOWN = 'shutdown';

const CHUNK = 16 * 1024;


/**
 * tlsport s_client: one handshake, then an IBM i style loop on one completion port. stdin chunks
 * are posted to the port (QsoPostIOCompletion) and sent from the loop, so every event — data in,
 * data out, stdin, shutdown — is a completion taken by port.wait(). Returns the exit code.
 */
export async function sClient(argv: readonly string[], io: ClientIo): Promise<number> {
  const o = parseArgs(argv, S_CLIENT_OPTIONS);
  const target = hostPort(o.connect ?? '127.0.0.1:4433', 'connect', '127.0.0.1');
  const attrs = {
    ...tlsAttributes(o),
    role: 'client' as const,
    servername: o.servername ?? target.host,
    rejectUnauthorized: o.noverify !== true,
  };
  const report = (line: string): void => {
    io.stderr.write(line + '\n');
  };

  let env: SecureEnvironment;
  let session: SecureSession;
  try {
    env = await SecureEnvironment.open(await backendByName(o.backend ?? DEFAULT_BACKEND), attrs);
  } catch (error) {
    report(failedThrown(error));
    return 1;
  }
  try {
    session = await env.connect(target);
  } catch (error) {
    report(failedThrown(error));
    await env.close();
    return 1;
  }
  const port = CompletionPort.create();
  try {
    session.startInit(port, { descriptorHandle: 'init' });
    const init = (await port.wait())!;
    if (init.returnValue !== GskStatus.GSK_OK) {
      report(failedCompletion(init));
      return 1;
    }
    if (o.quiet !== true) report(connectedLine(init.negotiated!));
    return await exchange(session, port, io, report);
  } finally {
    await session.close();
    port.destroy();
    await env.close();
  }
}

/** The data phase: runs until the peer closes (exit 0) or the session fails (FAILED, exit 1). */
async function exchange(session: SecureSession, port: CompletionPort, io: ClientIo, report: (line: string) => void): Promise<number> {
  const receive = (): void => startOrPost(port, OperationKind.StartRecv, { buffer: new Uint8Array(CHUNK), postFlag: true, descriptorHandle: RECV }, (p, ov) => session.startRecv(p, ov));
  const onData = (chunk: Buffer): void => port.post({ descriptorHandle: STDIN, buffer: chunk });
  const onEnd = (): void => port.post({ descriptorHandle: STDIN_END });
  io.stdin.on('data', onData).on('end', onEnd);
  try {
    receive();
    for (;;) {
      const c: Overlapped = (await port.wait())!;
      switch (c.descriptorHandle) {
        case RECV:
          if (c.returnValue === GskStatus.GSK_OK) {
            io.stdout.write(c.buffer!.subarray(0, c.secureDataTransferSize));
            receive();
            continue;
          }
          if (c.returnValue === GskStatus.GSK_ERROR_SOCKET_CLOSED && c.error === undefined) {
            // The peer closed: answer its close_notify (if we have not sent ours) and leave.
            if (session.currentState === 'established') await session.shutdown();
            return 0;
          }
          report(failedCompletion(c));
          return 1;
        case STDIN:
          startOrPost(port, OperationKind.StartSend, { buffer: c.buffer!, postFlag: true, descriptorHandle: SEND }, (p, ov) => session.startSend(p, ov));
          continue;
        case STDIN_END:
          // 2-step: the loop ends when the peer's close_notify ends the pending receive.
          startOrPost(port, OperationKind.Shutdown, { descriptorHandle: SHUTDOWN, twoStep: true }, (p, ov) => session.startShutdown(p, ov));
          continue;
        case SHUTDOWN:
          // Answered or dropped: the pending receive drains what is left and ends the loop.
          if (c.returnValue === GskStatus.GSK_OK || c.returnValue === GskStatus.GSK_ERROR_SOCKET_CLOSED) continue;
          if (c.returnValue === GskStatus.GSK_IBMI_ERROR_TIMED_OUT) return 0;
          report(failedCompletion(c));
          return 1;
        case SEND:
          if (c.returnValue === GskStatus.GSK_OK) continue;
          report(failedCompletion(c));
          return 1;
      }
    }
  } finally {
    io.stdin.off('data', onData).off('end', onEnd);
    io.stdin.pause();
  }
}
