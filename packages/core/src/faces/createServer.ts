import { Server, type Socket } from 'node:net';
import { resolveTlsConfig } from '../attributes/resolveTlsConfig.js';
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

  constructor(
    private readonly options: ServerOptions,
    secureConnectionListener?: (socket: TlsSocket) => void,
  ) {
    super({ allowHalfOpen: options.allowHalfOpen ?? false, pauseOnConnect: false, noDelay: true });
    const attributes = attributesFromNode(options, 'server');
    // Bad certificates, keys or options fail here, at once, as node:tls's createServer throws.
    const config = resolveTlsConfig(attributes);
    this.anchors = () => config.ca;
    this.environment = backendFor(options.backend).then((backend) => SecureEnvironment.open(backend, attributes));
    this.environment.catch((error: Error) => this.emit('error', error));
    this.on('connection', (socket: Socket) => this.accept(socket));
    this.once('close', () => void this.environment.then((env) => env.close(), () => undefined));
    if (secureConnectionListener !== undefined) this.on('secureConnection', secureConnectionListener);
  }

  private accept(transport: Socket): void {
    const socket = new TlsSocket(transport, {
      role: 'server',
      environment: this.environment,
      attributes: {},
      ownsTransport: true,
      anchors: this.anchors,
      certificate: typeof this.options.cert === 'string' || this.options.cert instanceof Uint8Array ? this.options.cert : undefined,
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
