import { join } from 'node:path';
import { Child, run } from '@tlsport/testkit';
import { REPO_ROOT } from './repoRoot.js';

/** The built CLI entry point, run with the node that runs the tests. */
export const TLSPORT_BIN = join(REPO_ROOT, 'packages/cli/dist/src/bin.js');

/** The CLI runs from the repository root, wherever the tests were started. */
const AT_ROOT = { cwd: REPO_ROOT };

/** Runs `tlsport …args` to completion with `input` on stdin. */
export function tlsport(args: readonly string[], input = '', ms = 10_000): ReturnType<typeof run> {
  return run(process.execPath, [TLSPORT_BIN, ...args], input, ms, AT_ROOT);
}

/** `tlsport …args` kept running (a server, or a client fed step by step). */
export function tlsportProcess(args: readonly string[]): Child {
  return new Child(process.execPath, [TLSPORT_BIN, ...args], AT_ROOT);
}

/** Starts `tlsport s_server -accept 127.0.0.1:0 …args` and resolves with its port once it prints ACCEPT. */
export async function tlsportServer(args: readonly string[]): Promise<{ child: Child; port: number }> {
  const child = tlsportProcess(['s_server', '-accept', '127.0.0.1:0', ...args]);
  const accept = await child.waitFor(/^ACCEPT \S+:(\d+)$/m, 'stdout', 10_000);
  return { child, port: Number(accept[1]) };
}

/** The one CONNECTED line's fields, or undefined. */
export function connected(stderr: string): Record<string, string> | undefined {
  const line = /^CONNECTED (.*)$/m.exec(stderr)?.[1];
  return line === undefined ? undefined : Object.fromEntries(line.split(' ').map((kv) => kv.split('=') as [string, string]));
}
