/**
 * Every bound the pure engine puts on what a peer may make it do, in one place (docs/design.md rule 11).
 * The values follow OpenSSL where OpenSSL has one, so the backends close at about the same point;
 * docs/hostile-peers.md shows what each backend accepts before it closes.
 */

/** Largest handshake message accepted: long certificate chains fit, memory stays bounded. */
export const MAX_HANDSHAKE_MESSAGE = 0x20000;

/**
 * Records one handshake message may span (RFC 8446 §5.1 allows any split). OpenSSL has no such
 * cap; 256 records of the smallest max_fragment_length (2^9, RFC 6066 §4) carry our largest message.
 */
export const MAX_HANDSHAKE_MESSAGE_RECORDS = 256;

/**
 * Records in a row that carry nothing: empty application data, TLS 1.3 ChangeCipherSpec. The
 * next one is unexpected_message. OpenSSL: MAX_EMPTY_RECORDS (32), which counts TLS 1.3 CCS too.
 */
export const MAX_EMPTY_RECORDS = 32;

/**
 * Warning alerts in a row (TLS 1.2 warnings, TLS 1.3 user_canceled): the fifth is
 * unexpected_message. OpenSSL: MAX_WARN_ALERT_COUNT (5), reached on the fifth.
 */
export const MAX_WARNING_ALERTS = 5;

/**
 * TLS 1.2 renegotiation attempts refused with a no_renegotiation warning; the next one is
 * unexpected_message. Node's tls.CLIENT_RENEG_LIMIT is 3.
 */
export const MAX_RENEGOTIATION_REFUSALS = 3;

/**
 * KeyUpdates in a row without application data between them; the next is unexpected_message.
 * OpenSSL: MAX_KEY_UPDATE_MESSAGES (32).
 */
export const MAX_KEY_UPDATES = 32;

/**
 * Bytes of 0-RTT data a server that rejects early data skips (RFC 8446 §4.2.10: "up to the
 * configured max_early_data_size"). OpenSSL's default recv_max_early_data is 2^14.
 */
export const MAX_SKIPPED_EARLY_DATA = 1 << 14;

/** PSK identities a server examines in one ClientHello (RFC 8446 §4.2.11 lets it ignore any). */
export const MAX_PSK_IDENTITIES = 8;

/** NewSessionTickets a client turns into resumable sessions per connection; later ones are read and dropped. */
export const MAX_TICKETS_PER_CONNECTION = 8;
