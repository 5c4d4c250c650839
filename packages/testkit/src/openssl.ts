import { Child, run } from './child.js';

/** An `openssl s_server` on an OS-chosen loopback port. */
export interface OpensslServer {
  child: Child;
  port: number;
}

export interface OpensslOptions {
  /**
   * openssl prints through stdio, block-buffered on a pipe: most lines (the -msg trace,
   * "CONNECTION CLOSED") show only when the buffer fills or the process exits. Line-buffered
   * (`stdbuf -oL`, which execs openssl: same pid), each line can be waited for as it is printed.
   */
  lineBuffered?: boolean;
}

function openssl(args: readonly string[], options: OpensslOptions): Child {
  return options.lineBuffered ? new Child('stdbuf', ['-oL', 'openssl', ...args]) : new Child('openssl', args);
}

/**
 * Starts `openssl s_server -accept 127.0.0.1:0 …args` and resolves once it prints
 * "ACCEPT 127.0.0.1:<port>". Kill it (child.kill or killChildren) in an `after` hook.
 */
export async function opensslServer(args: readonly string[], options: OpensslOptions = {}): Promise<OpensslServer> {
  const child = openssl(['s_server', '-accept', '127.0.0.1:0', ...args], options);
  const accept = await child.waitFor(/^ACCEPT \S+:(\d+)$/m, 'stdout', 5000);
  return { child, port: Number(accept[1]) };
}

/**
 * Runs `openssl s_client -connect 127.0.0.1:<port> …args` with `input` on stdin. With -ign_eof
 * it runs until the server closes; without, stdin's end closes the connection.
 */
export function opensslClient(port: number, args: readonly string[], input = ''): ReturnType<typeof run> {
  return run('openssl', ['s_client', '-connect', `127.0.0.1:${port}`, ...args], input);
}

/** `openssl s_client` kept open, for conversations that wait on output before writing more. */
export function opensslClientProcess(port: number, args: readonly string[], options: OpensslOptions = {}): Child {
  return openssl(['s_client', '-connect', `127.0.0.1:${port}`, ...args], options);
}

/** An HTTP/1.0 request, as -www servers expect. */
export const GET = 'GET / HTTP/1.0\r\n\r\n';
