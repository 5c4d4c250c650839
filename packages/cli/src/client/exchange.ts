import type { Readable, Writable } from 'node:stream';
import { GskStatus, OperationKind, type CompletionPort, type Overlapped, type SecureSession } from '@tlsport/core';
import { failedCompletion } from '../report.js';
import { startOrPost } from '../startOrPost.js';

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

/** openssl s_client's commands on stdin: a line "k" sends a KeyUpdate, "K" also asks the peer for one. */
const KEY_UPDATE_LINE = /^[kK]\r?\n$/;

/**
 * A stdin chunk as what to send and the KeyUpdate commands between: lines that are exactly "k"
 * or "K" are commands, the rest is data, in order (a piped stdin brings several lines at once).
 */
function stdinCommands(chunk: Buffer): (Uint8Array | { requestPeer: boolean })[] {
  const parts: (Uint8Array | { requestPeer: boolean })[] = [];
  let dataFrom = 0;
  for (let start = 0; start < chunk.length; ) {
    const newline = chunk.indexOf(10, start);
    const end = newline === -1 ? chunk.length : newline + 1;
    if (KEY_UPDATE_LINE.test(chunk.toString('latin1', start, end))) {
      if (start > dataFrom) parts.push(chunk.subarray(dataFrom, start));
      parts.push({ requestPeer: chunk[start] === 0x4b });
      dataFrom = end;
    }
    start = end;
  }
  if (dataFrom < chunk.length) parts.push(chunk.subarray(dataFrom));
  return parts;
}

/**
 * The data phase, an IBM i style loop on one completion port: stdin chunks are posted to the port
 * (QsoPostIOCompletion) and sent from the loop, so every event — data in, data out, stdin,
 * shutdown — is a completion taken by port.wait(). Runs until the peer closes (exit 0) or the
 * session fails (FAILED, exit 1).
 */
export async function exchange(session: SecureSession, port: CompletionPort, io: ClientIo, report: (line: string) => void): Promise<number> {
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
          for (const part of stdinCommands(Buffer.from(c.buffer!))) {
            if (part instanceof Uint8Array) {
              startOrPost(port, OperationKind.StartSend, { buffer: part, postFlag: true, descriptorHandle: SEND }, (p, ov) => session.startSend(p, ov));
              continue;
            }
            session.keyUpdate(part.requestPeer);
            report(part.requestPeer ? 'KEYUPDATE requested' : 'KEYUPDATE');
          }
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
