import { readFileSync, writeFileSync } from 'node:fs';
import { UsageError } from '../args/parseArgs.js';

/**
 * -sess_out / -sess_in: a session's resumption state in a PEM-style file. The state is the
 * backend's own format, so the file names the backend that wrote it and only that one reads it.
 */
const LABEL = 'TLSPORT SESSION';

export function writeSessionFile(file: string, backend: string, state: Uint8Array): void {
  const base64 = Buffer.from(state).toString('base64').replace(/.{1,64}/g, '$&\n');
  writeFileSync(file, `-----BEGIN ${LABEL}-----\nBackend: ${backend}\n\n${base64}-----END ${LABEL}-----\n`, { mode: 0o600 });
}

export function readSessionFile(file: string, backend: string): Uint8Array {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`-sess_in ${file}: ${(error as Error).message}`);
  }
  const match = new RegExp(`-----BEGIN ${LABEL}-----\\nBackend: (\\S+)\\n\\n([A-Za-z0-9+/=\\n]+)-----END ${LABEL}-----`).exec(text);
  if (match === null) throw new UsageError(`-sess_in ${file}: not a session file written by tlsport s_client -sess_out`);
  if (match[1] !== backend) throw new UsageError(`-sess_in ${file}: written by the ${match[1]} backend, this is ${backend}`);
  return new Uint8Array(Buffer.from(match[2]!.replace(/\n/g, ''), 'base64'));
}
