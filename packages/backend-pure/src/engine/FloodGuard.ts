import { unexpectedMessage } from '../codec/errors.js';
import { MAX_EMPTY_RECORDS, MAX_KEY_UPDATES, MAX_WARNING_ALERTS } from '../common/limits.js';

/**
 * Counts the records a peer sends that make no progress (docs/design.md rule 11): each is cheap alone,
 * but millions of them cost CPU for nothing. A streak is broken by a record that does move the
 * connection forward; past its bound the connection ends with unexpected_message, as OpenSSL does.
 */
export class FloodGuard {
  private emptyRecords = 0;
  private warningAlerts = 0;
  private keyUpdates = 0;

  /** An empty application_data record, or a TLS 1.3 ChangeCipherSpec (RFC 8446 §5, §5.4). */
  empty(what: string): void {
    this.warningAlerts = 0;
    if (++this.emptyRecords > MAX_EMPTY_RECORDS) throw unexpectedMessage(`more than ${MAX_EMPTY_RECORDS} records in a row without content (${what})`);
  }

  /** A warning alert that leaves the connection up (TLS 1.2 warnings, TLS 1.3 user_canceled). */
  warning(description: number): void {
    this.emptyRecords = 0;
    if (++this.warningAlerts >= MAX_WARNING_ALERTS) throw unexpectedMessage(`${MAX_WARNING_ALERTS} warning alerts in a row (the last: ${description})`);
  }

  /** A handshake message after the handshake: KeyUpdates in a row are bounded (RFC 8446 §4.6.3). */
  handshake(keyUpdate: boolean): void {
    this.progress();
    if (keyUpdate && ++this.keyUpdates > MAX_KEY_UPDATES) throw unexpectedMessage(`more than ${MAX_KEY_UPDATES} KeyUpdates without application data`);
  }

  /** Application data with content: every streak ends. */
  data(): void {
    this.progress();
    this.keyUpdates = 0;
  }

  private progress(): void {
    this.emptyRecords = 0;
    this.warningAlerts = 0;
  }
}
