import type { Duplex } from 'node:stream';
import { CompletionPort, type Negotiated, type Overlapped, type OverlappedInput, type SecureEnvironment, type SecureSession } from '@tlsport/core';
import type { Peer } from './peers/Peer.js';
import { completion, ok, receiveText, sendText } from './sessionIo.js';

/** The environments a connection was opened on; a later connection may reuse them (resumption). */
export interface Environments {
  local: SecureEnvironment;
  /** The same-backend peer's, when the peer is a session. */
  peer: SecureEnvironment | undefined;
}

/** One connection: the session under test (not yet started), its port and transport, and the peer. */
export class Link {
  readonly port = CompletionPort.create();

  constructor(
    readonly session: SecureSession,
    /** The transport under the session under test (a TCP socket or a memory pipe end). */
    readonly socket: Duplex,
    readonly peer: Peer,
    readonly environments: Environments,
  ) {}

  /** Starts the handshake of the side under test and returns its StartInit completion. */
  async init(overlapped: OverlappedInput = {}): Promise<Overlapped> {
    this.session.startInit(this.port, overlapped);
    return completion(this.port);
  }

  /** The handshake, which must succeed; returns what was negotiated. */
  async established(): Promise<Negotiated> {
    return ok(await this.init(), 'handshake').negotiated!;
  }

  send(text: string): Promise<void> {
    return sendText(this.session, this.port, text);
  }

  receive(text: string): Promise<void> {
    return receiveText(this.session, this.port, text);
  }

  /** Application data both ways: proves both sides hold the same traffic keys. */
  async exchange(tag = 'data'): Promise<void> {
    await this.send(`${tag} from the side under test\n`);
    await this.peer.received(`${tag} from the side under test`);
    await this.peer.send(`${tag} from the peer\n`);
    await this.receive(`${tag} from the peer`);
  }

  async close(): Promise<void> {
    await this.session.close();
    this.port.destroy();
    await this.peer.close();
  }
}
