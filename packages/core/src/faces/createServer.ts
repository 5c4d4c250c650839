import cluster from 'node:cluster';
import { Server, type AddressInfo, type Socket } from 'node:net';
import { resolveTlsConfig } from '../attributes/resolveTlsConfig.js';
import { WorkerProcesses } from '../port/workerProcesses.js';
import { SecureEnvironment } from '../session/SecureEnvironment.js';
import { backendFor } from './environments.js';
import { attributesFromNode, type ServerOptions } from './nodeOptions.js';
import { TlsSocket } from './TlsSocket.js';

/**
 * node:tls's Server over tlsport: a net.Server whose connections become TlsSockets. Emits
 * 'secureConnection' (socket) after each handshake, 'tlsClientError' (error, socket) for a
 * connection that fails before it, and 'keylog' (line, socket) when listened to.
 */
export class TlsServer extends Server {
  private readonly environment: Promise<SecureEnvironment>;
  private readonly anchors: () => readonly string[];
  private readonly certificate: () => string | undefined;
  /** With `workers` > 1, in the primary: the processes serving the port. */
  private workerProcesses: WorkerProcesses | undefined;

  constructor(
    private readonly options: ServerOptions,
    secureConnectionListener?: (socket: TlsSocket) => void,
  ) {
    super({ allowHalfOpen: options.allowHalfOpen ?? false, pauseOnConnect: false, noDelay: true });
    const workers = options.workers ?? 1;
    if (!Number.isSafeInteger(workers) || workers < 1) throw new TypeError(`workers: ${String(options.workers)} (an integer >= 1)`);
    const attributes = attributesFromNode(options, 'server');
    // Bad certificates, keys or options fail here, at once, as node:tls's createServer throws.
    const config = resolveTlsConfig(attributes);
    this.anchors = () => config.ca;
    this.certificate = () => config.certificate?.cert;
    this.environment = backendFor(options.backend).then((backend) => SecureEnvironment.open(backend, attributes));
    this.environment.catch((error: Error) => this.emit('error', error));
    this.on('connection', (socket: Socket) => this.accept(socket));
    this.once('close', () => void this.environment.then((env) => env.close(), () => undefined));
    if (secureConnectionListener !== undefined) this.on('secureConnection', secureConnectionListener);
  }

  /**
   * As net.Server's; with `workers` > 1 in the primary it forks the workers instead (each listens
   * on the shared port) and emits 'listening' once they all do. Takes (port, host?, callback?) or
   * ({ port, host }, callback?) then.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- net.Server.listen's overloads
  override listen(...args: any[]): this {
    const workers = this.options.workers ?? 1;
    if (workers <= 1 || !cluster.isPrimary) return super.listen(...(args as Parameters<Server['listen']>));
    const callback = typeof args.at(-1) === 'function' ? (args.pop() as () => void) : undefined;
    const where = (typeof args[0] === 'object' && args[0] !== null ? args[0] : { port: args[0], host: typeof args[1] === 'string' ? args[1] : undefined }) as { port?: number; host?: string };
    if (callback !== undefined) this.once('listening', callback);
    WorkerProcesses.fork(workers, { port: where.port, host: where.host, workerModule: this.options.workerModule, workerArgs: this.options.workerArgs }).then(
      (processes) => {
        this.workerProcesses = processes;
        this.emit('listening');
      },
      (error: unknown) => this.emit('error', error),
    );
    return this;
  }

  override address(): AddressInfo | string | null {
    return this.workerProcesses?.address ?? super.address();
  }

  /** As net.Server's; in the primary of workers it ends them and emits 'close' once they have exited. */
  override close(callback?: (error?: Error) => void): this {
    const processes = this.workerProcesses;
    if (processes === undefined) return super.close(callback);
    this.workerProcesses = undefined;
    void processes.close().then(() => {
      callback?.();
      this.emit('close');
    });
    return this;
  }

  private accept(transport: Socket): void {
    const socket = new TlsSocket(transport, {
      role: 'server',
      environment: this.environment,
      attributes: {},
      ownsTransport: true,
      anchors: this.anchors,
      certificate: this.certificate,
      rejectUnauthorized: this.options.rejectUnauthorized !== false,
      wantsKeylog: () => this.listenerCount('keylog') > 0,
      allowHalfOpen: this.options.allowHalfOpen,
    });
    if (this.listenerCount('keylog') > 0) socket.on('keylog', (line: Buffer) => this.emit('keylog', line, socket));
    // Before the handshake completes, failures belong to the server; afterwards to the socket's owner.
    const beforeSecure = (error: Error): void => {
      this.emit('tlsClientError', error, socket);
    };
    socket.on('error', beforeSecure);
    socket.once('secure', () => {
      socket.off('error', beforeSecure);
      this.emit('secureConnection', socket);
    });
  }
}

/**
 * node:tls's createServer() over tlsport, plus `backend`. Its sockets can feed http.Server,
 * https-style and http2 servers: `httpServer.emit('connection', socket)`.
 *
 *   const server = createServer({ cert, key, backend: 'openssl' }, (socket) => socket.end('hello'));
 */
export function createServer(options: ServerOptions, secureConnectionListener?: (socket: TlsSocket) => void): TlsServer {
  return new TlsServer(options, secureConnectionListener);
}
