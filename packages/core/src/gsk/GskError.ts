import { GskStatus, gskStatusName, gskStrerror } from './status.js';

/**
 * A misuse of the API (bad attribute, wrong state, destroyed port) reported with its GSK status.
 * TLS failures of a connection are TlsError instead, and arrive on the port.
 */
export class GskError extends Error {
  readonly status: GskStatus;

  constructor(status: GskStatus, detail?: string) {
    super(`${gskStatusName(status)} (${status}): ${detail ?? gskStrerror(status)}`);
    this.name = 'GskError';
    this.status = status;
  }
}
