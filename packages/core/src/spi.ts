/**
 * @tlsport/core/spi: what a backend needs to implement an engine — the SPI itself, the resolved
 * configuration it runs with, and the TLS and GSK tables every backend shares. Applications use
 * the package root.
 */
export type { TlsBackend, EngineContext, TlsEngine, EngineSink, HandshakeResult } from './engine/spi.js';
export type { TlsConfig, ContextConfig, SessionConfig, CertificateKeyPair } from './engine/config.js';
export { refuseRequiredExtendedMasterSecret } from './engine/config.js';
export type { Negotiated, PeerCertificateSummary } from './engine/negotiated.js';
export { guardSink, type GuardedSink } from './engine/guardSink.js';
export { selectCertificate } from './engine/selectCertificate.js';
export { GskStatus, gskStrerror, gskStatusName } from './gsk/status.js';
export { Errno, errnoFromNodeCode } from './gsk/errno.js';
export { AlertDescription, AlertLevel, alertName } from './tls/alerts.js';
export { type TlsFault, GSK_BY_FAULT, ALERT_BY_FAULT, FAULT_BY_PEER_ALERT } from './tls/faults.js';
export { TlsError, cancelledError, type TlsErrorOptions } from './tls/TlsError.js';
export {
  CIPHER_SUITES,
  GROUPS,
  suiteByName,
  suiteByCode,
  groupByName,
  groupByCode,
  isHybridGroup,
  type CipherSuiteInfo,
  type GroupInfo,
  type GroupName,
  type TlsVersion,
} from './tls/suites.js';
export { firstKeyShareGroups } from './tls/keyShares.js';
export { MIN_RSA_BITS, OPENSSL_SECURITY_LEVEL } from './tls/policy.js';
export { backendModule } from './di/backendModule.js';
export type { TicketKey } from './stores/ticketKey.js';
export { ticketKeyBytes, ticketKeyFromBytes, TICKET_KEY_NAME_BYTES, TICKET_KEY_SECRET_BYTES } from './stores/ticketKey.js';
export { TicketKeyRing, type TicketKeyRingOptions, type LiveTicketKeys } from './stores/TicketKeyRing.js';
export { MemoryTicketKeySource, newTicketKey, type TicketKeySource } from './stores/TicketKeySource.js';
export { rotationSchedule, liveSlots, slotAt, slotStartMs, decryptEndMs, DEFAULT_ROTATION, MAX_TICKET_LIFETIME_SECONDS, type RotationSchedule } from './stores/rotation.js';
export { MemorySessionCache, DEFAULT_SESSION_CACHE_SIZE, type SessionCache } from './stores/SessionCache.js';
export { contextTicketKeys, type ContextTicketKeys } from './stores/contextTicketKeys.js';
