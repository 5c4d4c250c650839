import { flag, text, usage } from '../args/parseArgs.js';
import { TLS_OPTIONS } from '../tlsOptions.js';

/** s_client's options (the table -help prints; loading it loads nothing of core). */
export const S_CLIENT_OPTIONS = {
  connect: text('HOST:PORT', 'where to connect (default 127.0.0.1:4433)'),
  servername: text('NAME', 'SNI name and the name to verify (default: the -connect host)'),
  noverify: flag('do not verify the server certificate'),
  verify_return_error: flag('fail when verification fails (the default; kept for openssl compatibility)'),
  verify_hostname: text('NAME', 'the name the certificate must hold (also sent as SNI unless -servername says otherwise)'),
  verify_ip: text('IP', 'the IP address the certificate must hold (an IP SAN; no SNI is sent)'),
  showcerts: flag('print the certificates the server sent, PEM, on stdout'),
  brief: flag('a short summary of the connection on stderr instead of the CONNECTED line'),
  msg: flag('trace each TLS record both ways on stderr (type, length, cleartext handshake messages)'),
  state: flag('print the handshake\'s progress on stderr (SSL_connect: lines)'),
  reconnect: flag('after the first handshake, reconnect 5 times resuming its session, then talk on the last'),
  sess_out: text('FILE', 'write the session (resumption state) to FILE when the connection ends'),
  sess_in: text('FILE', 'resume the session in FILE (written by -sess_out with the same -backend)'),
  no_ticket: flag('do not keep session tickets: nothing to resume for -reconnect or -sess_out'),
  ...TLS_OPTIONS,
} as const;

export const S_CLIENT_USAGE = usage('s_client', 'Connects, prints one CONNECTED/FAILED line on stderr, sends stdin, prints what arrives. A line "k" on stdin sends a KeyUpdate, "K" one that asks the server to update too.', S_CLIENT_OPTIONS);
