import { connect as netConnect, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { SecureAttributes } from '../attributes/SecureAttributes.js';
import { CONTEXT_ATTRIBUTES, resolveContextConfig, resolveSessionConfig, resolveTlsConfig } from '../attributes/resolveTlsConfig.js';
import { resolveSessionLimits } from '../attributes/sessionLimits.js';
import { checkAttribute, checkAttributes } from '../attributes/values.js';
import type { ContextConfig, TlsConfig } from '../engine/config.js';
import { contextKey } from '../engine/contextKey.js';
import { DeferredEngine } from '../engine/DeferredEngine.js';
import type { EngineContext, EngineSink, TlsBackend, TlsEngine } from '../engine/spi.js';
import { TlsPeerCheck } from '../engine/TlsPeerCheck.js';
import { errnoFromNodeCode } from '../gsk/errno.js';
import { GskError } from '../gsk/GskError.js';
import { GskStatus } from '../gsk/status.js';
import { TlsError } from '../tls/TlsError.js';
import { SecureSession } from './SecureSession.js';
import type { EnginePlan, SessionHost } from './SessionHost.js';
import { resolveSessionSettings, type SessionSettings } from './sessionSettings.js';

/** How openSession treats the socket it is given. */
export interface OpenSessionOptions {
  /** The session destroys the socket when it closes (default false: it never closes what it did not create). */
  ownsSocket?: boolean;
}

/** A client's engine answers a server that does not speak TLS alike on every backend (TlsPeerCheck). */
function checked(role: 'client' | 'server', engine: TlsEngine, sink: EngineSink): TlsEngine {
  return role === 'client' ? new TlsPeerCheck(engine, sink) : engine;
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
  /** Digest of the environment's context config, computed when a session first overrides it. */
  private ownContextKey: string | undefined;
  /** Contexts built for sessions whose overrides need one, by contextKey, shared while in use. */
  private readonly sessionContexts = new Map<string, { readonly context: Promise<EngineContext>; refs: number }>();
  /** The settings of sessions without overrides, resolved at the first one's startInit. */
  private defaultSettings: SessionSettings | undefined;

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
    checkAttribute(id, value);
    this.attrs = { ...this.attrs, [id]: value };
  }

  /** gsk_attribute_set_*: sets several attributes at once; before init() only (GSK_INVALID_STATE after). */
  setAttributes(attrs: SecureAttributes): void {
    this.assertOpen('attributes');
    checkAttributes(attrs);
    this.attrs = { ...this.attrs, ...attrs };
  }

  /** gsk_attribute_get_*. */
  getAttribute<K extends keyof SecureAttributes>(id: K): SecureAttributes[K] {
    checkAttribute(id, undefined);
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
    this.assertInitialized();
    checkAttributes(attrs);
    const session = new SecureSession(this, socket, attrs, options.ownsSocket ?? false);
    this.sessions.add(session);
    return session;
  }

  /** Connects a TCP socket and opens a session that owns it. */
  async connect(options: { host: string; port: number }, attrs: SecureAttributes = {}): Promise<SecureSession> {
    // Refused before the socket exists, so a misspelt attribute leaves no connection behind.
    this.assertInitialized();
    checkAttributes(attrs);
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
    try {
      return this.openSession(socket, attrs, { ownsSocket: true });
    } catch (error) {
      socket.destroy();
      throw error;
    }
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

  private assertInitialized(): void {
    if (this.state !== 'initialized') {
      throw new GskError(this.state === 'closed' ? GskStatus.GSK_IBMI_ERROR_CLOSED : GskStatus.GSK_IBMI_ERROR_NO_INITIALIZE, 'sessions need an initialized environment');
    }
  }

  private assertOpen(what: string): void {
    if (this.state !== 'open') throw new GskError(GskStatus.GSK_INVALID_STATE, `${what}: attributes are locked after init`);
  }

  // ---- SessionHost -----------------------------------------------------------------------------

  /** @internal */
  sessionSettings(overrides: SecureAttributes): SessionSettings {
    if (this.engineContext === undefined || Object.keys(overrides).length > 0) return resolveSessionSettings(this, overrides);
    // Attributes are locked after init, so the settings of a session without overrides never change.
    return (this.defaultSettings ??= resolveSessionSettings(this, overrides));
  }

  /** @internal */
  planEngine(overrides: SecureAttributes): EnginePlan {
    const context = this.engineContext;
    const own = this.config;
    if (context === undefined || own === undefined) throw new GskError(GskStatus.GSK_IBMI_ERROR_NO_INITIALIZE, 'the environment is not initialized or is closed');
    const ids = Object.keys(overrides);
    if (ids.length === 0) return { config: own, createEngine: (sink) => checked(own.role, context.createEngine(own, sink), sink) };
    const attrs = { ...this.attrs, ...overrides };
    const config = resolveSessionConfig(attrs);
    const onOwnContext: EnginePlan = { config, createEngine: (sink) => checked(own.role, context.createEngine(config, sink), sink) };
    if (!ids.some((id) => CONTEXT_ATTRIBUTES.has(id as keyof SecureAttributes))) return onOwnContext;
    const contextConfig = resolveContextConfig(attrs);
    const key = contextKey(contextConfig);
    this.ownContextKey ??= contextKey(own);
    if (key === this.ownContextKey) return onOwnContext;
    return {
      config,
      createEngine: (sink) => {
        const lease = this.leaseContext(key, contextConfig);
        return checked(contextConfig.role, new DeferredEngine(lease.context, config, sink, lease.release), sink);
      },
    };
  }

  /** A context for `config`, shared by the sessions that need the same one, disposed after the last. */
  private leaseContext(key: string, config: ContextConfig): { context: Promise<EngineContext>; release: () => void } {
    let entry = this.sessionContexts.get(key);
    if (entry === undefined) {
      const created = { context: this.backend.createContext(config), refs: 0 };
      // A context that could not be built is not kept for the next session to reuse.
      created.context.catch(() => {
        if (this.sessionContexts.get(key) === created) this.sessionContexts.delete(key);
      });
      this.sessionContexts.set(key, created);
      entry = created;
    }
    const leased = entry;
    leased.refs++;
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      if (--leased.refs > 0) return;
      if (this.sessionContexts.get(key) === leased) this.sessionContexts.delete(key);
      leased.context.then((context) => context.dispose(), () => undefined);
    };
    return { context: leased.context, release };
  }

  /** @internal */
  attributes(): SecureAttributes {
    return this.attrs;
  }

  /** @internal */
  checkAttribute(id: string, value: unknown): void {
    checkAttribute(id, value);
  }

  /** @internal */
  sessionClosed(session: SecureSession): void {
    this.sessions.delete(session);
    if (this.state === 'closed' && this.sessions.size === 0) this.releaseContext?.();
  }
}
