import { flag, text, usage } from '../args/parseArgs.js';
import { TLS_OPTIONS } from '../tlsOptions.js';

/** s_client's options (the table -help prints; loading it loads nothing of core). */
export const S_CLIENT_OPTIONS = {
  connect: text('HOST:PORT', 'where to connect (default 127.0.0.1:4433)'),
  servername: text('NAME', 'SNI name and the name to verify (default: the -connect host)'),
  noverify: flag('do not verify the server certificate'),
  verify_return_error: flag('fail when verification fails (the default; kept for openssl compatibility)'),
  ...TLS_OPTIONS,
} as const;

export const S_CLIENT_USAGE = usage('s_client', 'Connects, prints one CONNECTED/FAILED line on stderr, sends stdin, prints what arrives.', S_CLIENT_OPTIONS);
