import { createHash, type Hash as NodeHashState } from 'node:crypto';
import type { Hash, HashName } from '../provider.js';
import { asBytes } from '../bytes.js';

/** An incremental node:crypto hash; snapshot and fork copy the running state. */
export class NodeHash implements Hash {
  private constructor(private readonly state: NodeHashState) {}

  static create(name: HashName): NodeHash {
    return new NodeHash(createHash(name));
  }

  update(data: Uint8Array): this {
    this.state.update(data);
    return this;
  }

  snapshot(): Uint8Array {
    return asBytes(this.state.copy().digest());
  }

  fork(): Hash {
    return new NodeHash(this.state.copy());
  }
}
