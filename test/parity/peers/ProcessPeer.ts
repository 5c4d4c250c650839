import type { Child } from '@tlsport/testkit';
import type { Peer } from './Peer.js';
import { Transcript } from './transcript.js';

const CLOSE_NOTIFY = (direction: '<<<' | '>>>'): RegExp => new RegExp(`${direction} TLS 1\\.[23], Alert \\[length 0002\\], warning close_notify`);

/**
 * An `openssl s_server` or `s_client` run with -msg: what it receives is printed, what it sends
 * comes from its stdin. A shared s_server serves this connection and then waits for the next;
 * an owned process (s_client, or a server only this connection uses) is killed on close.
 */
export class ProcessPeer implements Peer {
  readonly resumptionState = undefined;
  private readonly log: Transcript;

  constructor(
    private readonly child: Child,
    private readonly owned: boolean,
  ) {
    this.log = new Transcript(child);
  }

  async send(text: string): Promise<void> {
    this.child.write(text);
  }

  async received(text: string): Promise<void> {
    await this.log.waitFor(new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  }

  /** openssl answers a close_notify with its own by itself; the trace shows both. */
  async answerClose(): Promise<void> {
    await this.log.waitFor(CLOSE_NOTIFY('<<<'));
    await this.log.waitFor(CLOSE_NOTIFY('>>>'));
  }

  async failure(): Promise<string> {
    if (this.owned) await this.child.exitCode(5000);
    else await this.log.waitFor(/^CONNECTION CLOSED$/m);
    return this.log.text;
  }

  transcript(): string {
    return this.log.text;
  }

  async close(): Promise<void> {
    if (this.owned) {
      await this.child.kill();
      return;
    }
    // The next connection's transcript starts clean once s_server is done with this one.
    await this.log.waitFor(/^CONNECTION CLOSED$/m).catch(() => undefined);
  }
}
