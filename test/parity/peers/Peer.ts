/** The other end of a connection, seen from the scenario: a same-backend session or an openssl process. */
export interface Peer {
  /** Sends plaintext to the side under test. */
  send(text: string): Promise<void>;
  /** Resolves once the peer has received `text`; throws when it cannot. */
  received(text: string): Promise<void>;
  /** Waits for the close_notify of the side under test and answers with the peer's own. */
  answerClose(): Promise<void>;
  /**
   * Resolves with the peer's account of a connection that failed (an error message, or what
   * openssl printed); throws if the connection worked for the peer.
   */
  failure(): Promise<string>;
  /** A session peer's resumption state (openssl keeps its own in a -sess_out file). */
  readonly resumptionState: Uint8Array | undefined;
  /** What the openssl process printed for this connection (-msg trace included); undefined for a session peer. */
  transcript(): string | undefined;
  close(): Promise<void>;
}
