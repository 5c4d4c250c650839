/** What a session holds, part by part. */
export interface BufferedParts {
  /** Ciphertext written to the transport and not yet taken by it. */
  transport(): number;
  /** Plaintext received and not yet taken by a receive. */
  plaintext(): number;
  /** What the engine holds (input not yet processed, output not yet transmitted). */
  engine(): number;
}

/**
 * A session's memory bound (docs/design.md rule 11). Half is for each direction: ciphertext waiting for
 * the transport, and plaintext plus engine-held bytes. The transport is read only while both halves
 * have room (what is read may make output: KeyUpdate replies, alerts), and at most that much, so the
 * total never exceeds the bound; sends go out within the outbound half.
 */
export class BufferBudget {
  private highest = 0;
  private half: number;

  constructor(
    private bound: number,
    private readonly parts: BufferedParts,
  ) {
    this.half = Math.floor(bound / 2);
  }

  get maxBytes(): number {
    return this.bound;
  }

  set maxBytes(bound: number) {
    this.bound = bound;
    this.half = Math.floor(bound / 2);
  }

  /** Everything held now. */
  get total(): number {
    return this.parts.transport() + this.parts.plaintext() + this.parts.engine();
  }

  /** The most held at any point noted so far. */
  get peak(): number {
    return this.highest;
  }

  /** Bytes that may be taken from the transport now. */
  readRoom(): number {
    const outbound = this.parts.transport();
    const inbound = this.parts.plaintext() + this.parts.engine();
    this.note(outbound + inbound);
    return Math.min(this.half - inbound, this.half - outbound);
  }

  /** Ciphertext bytes the transport may still be given. */
  sendRoom(): number {
    return this.half - this.parts.transport();
  }

  /** Records the current total towards the peak. */
  note(total = this.total): void {
    if (total > this.highest) this.highest = total;
  }
}
