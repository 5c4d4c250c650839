import { CompletionPort, GskStatus, type Overlapped, type OverlappedInput, type SecureSession } from '@tlsport/core';
import { RECORD_BYTES } from '../contenders/Contender.js';

const CHUNK = new Uint8Array(RECORD_BYTES).fill(0x61);
const RECV_BYTES = 256 * 1024;

/**
 * Sends `bytes` from `sender` to `receiver` through the port API (startSend/startRecv, waiting
 * only when an operation went asynchronous), as an application would.
 */
export async function sessionTransfer(sender: SecureSession, receiver: SecureSession, bytes: number): Promise<void> {
  await Promise.all([send(sender, bytes), receive(receiver, bytes)]);
}

async function send(session: SecureSession, bytes: number): Promise<void> {
  const port = CompletionPort.create();
  try {
    for (let sent = 0; sent < bytes; sent += CHUNK.length) {
      const o = { buffer: CHUNK };
      const status = session.startSend(port, o);
      if (status === GskStatus.GSK_OK) continue;
      if (status !== GskStatus.GSK_IBMI_ASYNCHRONOUS_SEND) throw new Error(`startSend: status ${status}`);
      const c = await port.wait();
      if (c?.returnValue !== GskStatus.GSK_OK) throw new Error(`send failed: ${String(c?.error?.message ?? c?.returnValue)}`);
    }
  } finally {
    port.destroy();
  }
}

async function receive(session: SecureSession, bytes: number): Promise<void> {
  const port = CompletionPort.create();
  const buffer = new Uint8Array(RECV_BYTES);
  try {
    for (let got = 0; got < bytes; ) {
      const o: OverlappedInput = { buffer };
      // Finished at once: the outputs are filled into `o` itself and nothing is posted.
      const status = session.startRecv(port, o);
      const c = status === GskStatus.GSK_IBMI_ASYNCHRONOUS_RECV ? await port.wait() : (o as Overlapped);
      if (c?.returnValue !== GskStatus.GSK_OK) throw new Error(`receive failed: status ${String(c?.returnValue)}`);
      got += c.secureDataTransferSize;
    }
  } finally {
    port.destroy();
  }
}
