import { NegotiatedContext } from '../common/NegotiatedContext.js';
import { settled } from '../common/settled.js';
import type { MasterSecret, RecordKeys } from './keySchedule.js';

/** What both sides of a TLS 1.2 handshake derive: the master secret, then the record keys from it. */
export abstract class Tls12Context extends NegotiatedContext {
  master: MasterSecret | undefined;
  keys: RecordKeys | undefined;

  get masterSecret(): MasterSecret {
    return settled(this.master, 'master secret not derived yet');
  }

  get recordKeys(): RecordKeys {
    return settled(this.keys, 'record keys not derived yet');
  }

  destroy(): void {
    this.master?.destroy();
  }
}
