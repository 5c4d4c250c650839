// Everything a backend sees (the engine SPI and the shared tables) is public too.
export * from './spi.js';
export { GskError } from './gsk/GskError.js';
export type { SecureAttributes, Pem } from './attributes/SecureAttributes.js';
export { resolveTlsConfig, resolveContextConfig, resolveSessionConfig } from './attributes/resolveTlsConfig.js';
export { CompletionPort, PortDestroyedError } from './port/CompletionPort.js';
export { OperationKind, type Overlapped, type OverlappedInput, type OperationId } from './port/Overlapped.js';
export { Listener } from './port/Listener.js';
export { SecureEnvironment, type OpenSessionOptions } from './session/SecureEnvironment.js';
export { SecureSession, type SessionState, type ShutdownOptions } from './session/SecureSession.js';
export { memoryPipe } from './transport/memoryPipe.js';
export { TLS_BACKEND } from './di/tokens.js';
export { useBackend, loadBackendModule, installedBackends, BACKEND_PACKAGES, type BackendContainer } from './di/backendModule.js';
