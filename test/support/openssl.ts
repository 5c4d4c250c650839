import { Child, run } from './child.js';

/** An `openssl s_server` on an OS-chosen loopback port. */
export interface OpensslServer {
  child: Child;
  port: number;
}

/**
 * Starts `openssl s_server -accept 127.0.0.1:0 …args` and resolves once it prints
 * "ACCEPT 127.0.0.1:<port>". Kill it (child.kill or killChildren) in an `after` hook.
 */
export async function opensslServer(args: readonly string[]): Promise<OpensslServer> {
  const child = new Child('openssl', ['s_server', '-accept', '127.0.0.1:0', ...args]);
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
export function opensslClientProcess(port: number, args: readonly string[]): Child {
  return new Child('openssl', ['s_client', '-connect', `127.0.0.1:${port}`, ...args]);
}

/** An HTTP/1.0 request, as -www servers expect. */
export const GET = 'GET / HTTP/1.0\r\n\r\n';
