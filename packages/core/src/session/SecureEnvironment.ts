import { connect as netConnect, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { ATTRIBUTE_NAMES, type SecureAttributes } from '../attributes/SecureAttributes.js';
import { resolveTlsConfig } from '../attributes/resolveConfig.js';
import { resolveSessionLimits } from '../attributes/sessionLimits.js';
import type { TlsConfig } from '../engine/config.js';
import type { EngineContext, TlsBackend } from '../engine/spi.js';
import { errnoFromNodeCode } from '../gsk/errno.js';
import { GskError } from '../gsk/GskError.js';
import { GskStatus } from '../gsk/status.js';
import { TlsError } from '../tls/TlsError.js';
import { SecureSession } from './SecureSession.js';
import type { SessionHost } from './SessionHost.js';

export interface OpenSessionOptions {
  /** The session destroys the socket when it closes (default false: it never closes what it did not create). */
  ownsSocket?: boolean;
}

/**
 * A TLS configuration shared by sessions (gsk_environment_open / attribute_set / init), bound to
 * one backend. Attributes are set before init(); afterwards they are locked (GSK_INVALID_STATE).
 */
export class SecureEnvironment implements SessionHost {
  private attrs: SecureAttributes = {};
  private state: 'open' | 'initialized' | 'closed' = 'open';
  private config: TlsConfig | undefined;
  private engineContext: EngineContext | undefined;
  private readonly sessions = new Set<SecureSession>();
  private closed: Promise<void> | undefined;
  private releaseContext: (() => void) | undefined;

  private constructor(readonly backend: TlsBackend) {}

  /** gsk_environment_open: an environment whose attributes can still be set. */
  static create(backend: TlsBackend): SecureEnvironment {
    if (backend === undefined || typeof backend.createContext !== 'function') {
      throw new GskError(GskStatus.GSK_INVALID_HANDLE, 'SecureEnvironment needs a TlsBackend (bind one with useBackend)');
    }
    return new SecureEnvironment(backend);
  }

  /** open + set attributes + init in one step. */
  static async open(backend: TlsBackend, attrs: SecureAttributes = {}): Promise<SecureEnvironment> {
    const env = SecureEnvironment.create(backend);
    env.setAttributes(attrs);
    await env.init();
    return env;
  }

  get initialized(): boolean {
    return this.state === 'initialized';
  }

  /** Sessions currently open on this environment. */
  get sessionCount(): number {
    return this.sessions.size;
  }

  /** gsk_attribute_set_*: one attribute, before init only. */
  setAttribute<K extends keyof SecureAttributes>(id: K, value: SecureAttributes[K]): void {
    this.assertOpen(String(id));
    this.checkAttributeId(id);
    this.attrs = { ...this.attrs, [id]: value };
  }

  setAttributes(attrs: SecureAttributes): void {
    this.assertOpen('attributes');
    for (const id of Object.keys(attrs)) this.checkAttributeId(id);
    this.attrs = { ...this.attrs, ...attrs };
  }

  /** gsk_attribute_get_*. */
  getAttribute<K extends keyof SecureAttributes>(id: K): SecureAttributes[K] {
    this.checkAttributeId(id);
    return this.attrs[id];
  }

  /**
   * gsk_environment_init: validates the attributes and builds the backend's context (loads keys,
   * trust anchors). Throws GskError or TlsError with the status of what is wrong.
   */
  async init(): Promise<void> {
    this.assertOpen('init');
    const config = resolveTlsConfig(this.attrs);
    resolveSessionLimits(this.attrs); // a bad bound or idle timeout fails here, not at each startInit
    this.engineContext = await this.backend.createContext(config);
    this.config = config;
    this.state = 'initialized';
  }

  /** gsk_secure_soc_open + GSK_FD: a session over a connected stream (a net.Socket or a memory pipe end). */
  openSession(socket: Duplex, attrs: SecureAttributes = {}, options: OpenSessionOptions = {}): SecureSession {
    if (this.state !== 'initialized') {
      throw new GskError(this.state === 'closed' ? GskStatus.GSK_IBMI_ERROR_CLOSED : GskStatus.GSK_IBMI_ERROR_NO_INITIALIZE, 'openSession needs an initialized environment');
    }
    for (const id of Object.keys(attrs)) this.checkAttributeId(id);
    const session = new SecureSession(this, socket, attrs, options.ownsSocket ?? false);
    this.sessions.add(session);
    return session;
  }

  /** Connects a TCP socket and opens a session that owns it. */
  async connect(options: { host: string; port: number }, attrs: SecureAttributes = {}): Promise<SecureSession> {
    const socket = await new Promise<Socket>((resolve, reject) => {
      const s = netConnect({ host: options.host, port: options.port, noDelay: true });
      s.once('connect', () => {
        s.off('error', reject);
        resolve(s);
      });
      s.once('error', reject);
    }).catch((error: NodeJS.ErrnoException) => {
      throw new TlsError('io', `connect to ${options.host}:${options.port} failed: ${error.message}`, { errno: errnoFromNodeCode(error.code), alert: undefined, cause: error });
    });
    return this.openSession(socket, attrs, { ownsSocket: true });
  }

  /**
   * gsk_environment_close: no new sessions; open sessions keep working. The backend context is
   * released once the last session closes; the promise resolves then. Idempotent.
   */
  close(): Promise<void> {
    if (this.closed === undefined) {
      this.state = 'closed';
      this.closed = new Promise((resolve) => {
        this.releaseContext = () => {
          const context = this.engineContext;
          this.engineContext = undefined;
          void (context?.dispose() ?? Promise.resolve()).then(resolve);
        };
      });
      if (this.sessions.size === 0) this.releaseContext?.();
    }
    return this.closed;
  }

  private assertOpen(what: string): void {
    if (this.state !== 'open') throw new GskError(GskStatus.GSK_INVALID_STATE, `${what}: attributes are locked after init`);
  }

  // ---- SessionHost -----------------------------------------------------------------------------

  /** @internal */
  context(): EngineContext | undefined {
    return this.engineContext;
  }

  /** @internal */
  configFor(overrides: SecureAttributes): TlsConfig {
    if (Object.keys(overrides).length === 0 && this.config !== undefined) return this.config;
    return resolveTlsConfig({ ...this.attrs, ...overrides });
  }

  /** @internal */
  attributes(): SecureAttributes {
    return this.attrs;
  }

  /** @internal */
  checkAttributeId(id: string): void {
    if (!ATTRIBUTE_NAMES.has(id)) throw new GskError(GskStatus.GSK_ATTRIBUTE_INVALID_ID, `unknown attribute ${id}`);
  }

  /** @internal */
  sessionClosed(session: SecureSession): void {
    this.sessions.delete(session);
    if (this.state === 'closed' && this.sessions.size === 0) this.releaseContext?.();
  }
}
