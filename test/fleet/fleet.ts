import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Fleet } from '@tlsport/testkit';
import { TLSPORT_BIN } from '../support/tlsportCli.js';

/** `count` tlsport s_server processes on `backend`, from the built CLI. */
export function startFleet(count: number, backend: string, args: readonly string[]): Promise<Fleet> {
  return Fleet.start(TLSPORT_BIN, count, backend, args);
}

/** Every file under `dir`, recursively (symlinks not followed). */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return entry.isFile() ? [path] : [];
  });
}

/** The files under `dirs` that hold any of `needles` (raw bytes, or their hex or base64 text). */
export function filesHolding(dirs: readonly string[], needles: readonly Uint8Array[]): string[] {
  const forms = needles.flatMap((n) => [Buffer.from(n), Buffer.from(Buffer.from(n).toString('hex')), Buffer.from(Buffer.from(n).toString('base64'))]);
  return dirs.flatMap(filesUnder).filter((file) => {
    if (statSync(file).size > 64 * 1024 * 1024) return false;
    const content = readFileSync(file);
    return forms.some((form) => content.includes(form));
  });
}
