import type { Hash, HashName } from '../provider.js';
import { NOBLE_HASHES } from './nobleHashes.js';

type State = ReturnType<(typeof NOBLE_HASHES)[HashName]['create']>;

/** An incremental @noble/hashes SHA-2; snapshot and fork clone the running state. */
export class NobleHash implements Hash {
  private constructor(private readonly state: State) {}

  static create(name: HashName): NobleHash {
    return new NobleHash(NOBLE_HASHES[name].create());
  }

  update(data: Uint8Array): this {
    this.state.update(data);
    return this;
  }

  snapshot(): Uint8Array {
    return this.state.clone().digest();
  }

  fork(): Hash {
    return new NobleHash(this.state.clone());
  }
}
