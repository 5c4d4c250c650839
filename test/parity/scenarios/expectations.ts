import type { Link } from '../link.js';

/** Fails the scenario with `message` unless `condition` holds. */
export function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** Checks what the openssl peer printed for this connection; a session peer has no transcript. */
export function opensslSaw(link: Link, pattern: RegExp, what: string): void {
  const text = link.peer.transcript();
  if (text !== undefined) check(pattern.test(text), `openssl did not report ${what} (${pattern})`);
}

/** The -msg trace line of a handshake message received (<<<) or sent (>>>) in TLS 1.2 or 1.3. */
export function traced(direction: '<<<' | '>>>', version: '1.2' | '1.3', message: string): RegExp {
  return new RegExp(`${direction} TLS ${version.replace('.', '\\.')}, Handshake \\[length [0-9a-f]+\\], ${message}`);
}
