import { GskStatus, gskStatusName, type CompletionPort, type Overlapped, type SecureSession } from '@tlsport/core';

/** How long one step of a conversation may take before the scenario fails. */
export const STEP_MS = 5000;

/** The next completion on `port`; throws (a fail, never a hang) when none arrives in time. */
export async function completion(port: CompletionPort, ms = STEP_MS): Promise<Overlapped> {
  const c = await port.wait(ms);
  if (c === null) throw new Error(`no completion within ${ms} ms`);
  return c;
}

/** The failure a completion carries: its TlsError when there is one, so 'unsupported' stays recognisable. */
export function failureOf(c: Overlapped, what: string): Error {
  return c.error ?? new Error(`${what}: ${gskStatusName(c.returnValue)}`);
}

/** Throws the completion's failure, its message prefixed with `what`, unless it is GSK_OK. */
export function ok(c: Overlapped, what: string): Overlapped {
  if (c.returnValue === GskStatus.GSK_OK) return c;
  const error = failureOf(c, what);
  if (c.error !== undefined) error.message = `${what}: ${error.message}`;
  throw error;
}

export async function sendText(session: SecureSession, port: CompletionPort, text: string): Promise<void> {
  const o = { buffer: new TextEncoder().encode(text), postFlag: true } as Overlapped;
  // A start refused at once (the session is closed) returns its status and posts nothing.
  ok(session.startSend(port, o) === GskStatus.GSK_IBMI_ASYNCHRONOUS_SEND ? await completion(port) : o, 'send');
}

/** One receive (whatever arrived, or how the stream ended). */
export async function receiveOnce(session: SecureSession, port: CompletionPort): Promise<Overlapped> {
  const o = { buffer: new Uint8Array(16_384), postFlag: true } as Overlapped;
  return session.startRecv(port, o) === GskStatus.GSK_IBMI_ASYNCHRONOUS_RECV ? completion(port) : o;
}

/** Receives until the text so far contains `expected`; throws with what arrived if the stream ends first. */
export async function receiveText(session: SecureSession, port: CompletionPort, expected: string): Promise<void> {
  let text = '';
  while (!text.includes(expected)) {
    const c = await receiveOnce(session, port);
    if (c.returnValue !== GskStatus.GSK_OK) {
      const error = failureOf(c, 'receive');
      error.message += ` (waiting for ${JSON.stringify(expected)}, got ${JSON.stringify(text)})`;
      throw error;
    }
    text += new TextDecoder().decode(c.buffer!.subarray(0, c.secureDataTransferSize));
  }
}

/** The readable account of a completion that did not succeed. */
export function describe(c: Overlapped): string {
  return c.error?.message ?? gskStatusName(c.returnValue);
}
