import { execFileSync } from 'node:child_process';
import { dirname } from 'node:path';
import type { Issued } from './pki.js';

export interface Pkcs12Options {
  /** Where the file goes. */
  file: string;
  password: string;
  /** friendlyName of the certificate and its key (GSKit's key label). */
  label?: string;
  /** A file of extra certificates (PEM) stored without a key: CAs. */
  caCerts?: string;
  /** friendlyName of the CA certificates (`-caname`). */
  caLabel?: string;
  /** Encryption iteration count (`-iter`; openssl's default is 2048). */
  iterations?: number;
  /** `openssl pkcs12 -legacy`: 3DES/RC2 instead of OpenSSL 3's PBES2/AES default. */
  legacy?: boolean;
}

/** `openssl pkcs12 -export` of a certificate and its key (or only CA certificates when `issued` is undefined). */
export function exportPkcs12(issued: Issued | undefined, options: Pkcs12Options): string {
  const args = ['pkcs12', '-export', '-out', options.file, '-passout', `pass:${options.password}`];
  if (issued !== undefined) args.push('-in', issued.certFile, '-inkey', issued.keyFile);
  else args.push('-nokeys', '-in', options.caCerts!);
  if (issued !== undefined && options.caCerts !== undefined) args.push('-certfile', options.caCerts);
  if (options.label !== undefined) args.push('-name', options.label);
  if (options.caLabel !== undefined) args.push('-caname', options.caLabel);
  if (options.iterations !== undefined) args.push('-iter', String(options.iterations));
  if (options.legacy) args.push('-legacy', '-descert');
  execFileSync('openssl', args, { cwd: dirname(options.file), stdio: ['ignore', 'pipe', 'pipe'] });
  return options.file;
}
