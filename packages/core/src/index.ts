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
export type { TlsConfig, ContextConfig, SessionConfig, CertificateKeyPair } from './engine/config.js';
export { refuseRequiredExtendedMasterSecret } from './engine/config.js';
export type { TlsBackend, EngineContext, TlsEngine, EngineSink, HandshakeResult } from './engine/spi.js';
export { GskError } from './gsk/GskError.js';
export type { SecureAttributes, Pem } from './attributes/SecureAttributes.js';
export { resolveTlsConfig, resolveContextConfig, resolveSessionConfig } from './attributes/resolveTlsConfig.js';
export { selectCertificate } from './engine/selectCertificate.js';
export { CompletionPort, PortDestroyedError } from './port/CompletionPort.js';
export { OperationKind, type Overlapped, type OverlappedInput, type OperationId } from './port/Overlapped.js';
export { SecureEnvironment, type OpenSessionOptions } from './session/SecureEnvironment.js';
export { SecureSession, type SessionState, type ShutdownOptions } from './session/SecureSession.js';
export type { Negotiated, PeerCertificateSummary } from './session/negotiated.js';
export { memoryPipe } from './transport/memoryPipe.js';
export { Listener } from './transport/Listener.js';
export { TLS_BACKEND } from './di/tokens.js';
export { backendModule, useBackend, loadBackendModule, installedBackends, BACKEND_PACKAGES, type BackendContainer } from './di/backendModule.js';
export { MIN_RSA_BITS, OPENSSL_SECURITY_LEVEL } from './tls/policy.js';
