import { AlertDescription, alertName } from './alerts.js';
import { ALERT_BY_FAULT, FAULT_BY_PEER_ALERT, GSK_BY_FAULT, type TlsFault } from './faults.js';
import { Errno } from '../gsk/errno.js';
import { GskStatus, gskStatusName } from '../gsk/status.js';

/** What a TlsError can carry besides its fault and detail; each field has a default by fault. */
export interface TlsErrorOptions {
  /** The TLS alert sent (origin 'local') or received (origin 'peer'). Defaults from the fault. */
  alert?: AlertDescription | undefined;
  /** Who detected the fault: this side, or the peer (which told us with an alert). */
  origin?: 'local' | 'peer';
  errno?: Errno;
  cause?: unknown;
}

/**
 * A TLS failure: the fault, the GSK status it maps to, the alert, and a readable detail.
 * Every backend reports failures as TlsError; the session turns them into completions.
 */
export class TlsError extends Error {
  readonly fault: TlsFault;
  readonly status: GskStatus;
  readonly alert: AlertDescription | undefined;
  readonly origin: 'local' | 'peer';
  readonly errno: Errno;
  readonly detail: string;

  constructor(fault: TlsFault, detail: string, options: TlsErrorOptions = {}) {
    const status = GSK_BY_FAULT[fault];
    const alert = 'alert' in options ? options.alert : ALERT_BY_FAULT[fault];
    const origin = options.origin ?? 'local';
    const alertText = alert === undefined ? '' : ` [${origin === 'peer' ? 'peer sent' : 'alert'} ${alertName(alert)}]`;
    super(`${gskStatusName(status)}: ${detail}${alertText}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'TlsError';
    this.fault = fault;
    this.status = status;
    this.alert = alert;
    this.origin = origin;
    this.errno = options.errno ?? (fault === 'io' ? Errno.EIO : Errno.NONE);
    this.detail = detail;
  }

  /** The failure for a fatal alert received from the peer. */
  static fromPeerAlert(alert: number, detail?: string): TlsError {
    const fault = FAULT_BY_PEER_ALERT[alert as AlertDescription] ?? 'peer-alert';
    return new TlsError(fault, detail ?? `peer sent fatal alert ${alertName(alert)} (${alert})`, {
      alert: alert as AlertDescription,
      origin: 'peer',
    });
  }
}

/** A TlsError that says the application cancelled the operation. */
export function cancelledError(detail = 'operation cancelled'): TlsError {
  return new TlsError('cancelled', detail, { errno: Errno.ECANCELED, alert: undefined });
}
