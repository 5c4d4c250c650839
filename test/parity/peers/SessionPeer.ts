import { CompletionPort, GskStatus, type Overlapped, type SecureSession } from '@tlsport/core';
import { completion, describe, ok, receiveOnce, receiveText, sendText } from '../sessionIo.js';
import type { Peer } from './Peer.js';

/** A session of the same backend at the other end of an in-memory pipe, on its own port. */
export class SessionPeer implements Peer {
  private readonly port = CompletionPort.create();
  private readonly init: Promise<Overlapped> | undefined;

  /** `stalled`: the session is never started, so it never answers. */
  constructor(private readonly session: SecureSession, stalled: boolean) {
    if (stalled) return;
    session.startInit(this.port, {});
    this.init = completion(this.port);
    this.init.catch(() => undefined); // awaited later, or never when the scenario fails first
  }

  get resumptionState(): Uint8Array | undefined {
    return this.session.resumptionState;
  }

  async send(text: string): Promise<void> {
    await this.established();
    await sendText(this.session, this.port, text);
  }

  async received(text: string): Promise<void> {
    await this.established();
    await receiveText(this.session, this.port, text);
  }

  async answerClose(): Promise<void> {
    await this.established();
    for (;;) {
      const c = await receiveOnce(this.session, this.port);
      if (c.returnValue === GskStatus.GSK_OK) continue;
      if (c.returnValue !== GskStatus.GSK_ERROR_SOCKET_CLOSED || this.session.error !== undefined) throw new Error(`peer: the stream ended without close_notify: ${describe(c)}`);
      break;
    }
    ok(await this.session.shutdown(), 'peer shutdown');
  }

  async failure(): Promise<string> {
    const init = await this.initCompletion();
    if (init.returnValue !== GskStatus.GSK_OK) return describe(init);
    // TLS 1.3: a client finishes before the server has judged it; the failure reaches its next receive.
    const c = await receiveOnce(this.session, this.port);
    if (c.returnValue === GskStatus.GSK_OK) throw new Error('peer: the connection worked, it received data');
    return this.session.error?.message ?? describe(c);
  }

  transcript(): undefined {
    return undefined;
  }

  async close(): Promise<void> {
    await this.session.close();
    this.port.destroy();
  }

  private initCompletion(): Promise<Overlapped> {
    if (this.init === undefined) throw new Error('peer: a stalled peer has no handshake');
    return this.init;
  }

  private async established(): Promise<void> {
    ok(await this.initCompletion(), 'peer handshake');
  }
}
