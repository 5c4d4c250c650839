import { count, flag, text, usage } from '../args/parseArgs.js';
import { TLS_OPTIONS } from '../tlsOptions.js';

/** s_server's options (the table -help prints; loading it loads nothing of core). */
export const S_SERVER_OPTIONS = {
  accept: text('[HOST:]PORT', 'where to listen (default 127.0.0.1:4433; port 0: the OS picks one)'),
  verify: count('DEPTH', 'ask the client for a certificate (verified if sent)'),
  Verify: count('DEPTH', 'require a client certificate that verifies'),
  www: flag('answer each request with an HTTP/1.0 page describing the session, then close'),
  WWW: flag('serve files under the working directory: "GET /path" answers with the file as an HTTP/1.0 page'),
  HTTP: flag('like -WWW, but each file is a complete HTTP response, headers included'),
  rev: flag('echo each line back reversed'),
  servername: text('NAME', 'SNI: clients asking for NAME get -cert2/-key2'),
  cert2: text('FILE', 'certificate chain for -servername, PEM, leaf first'),
  key2: text('FILE', 'private key of -cert2, PEM'),
  no_ticket: flag('issue no session tickets'),
  ticket_store: text('URL', 'share ticket keys and TLS 1.2 sessions with the other servers of a fleet through Redis (redis://HOST:PORT)'),
  ticket_rotate: count('SECONDS', 'a ticket key encrypts this long, then only decrypts (default 7200)'),
  ticket_decrypt: count('SECONDS', 'how long a ticket key still decrypts after it stopped encrypting (default 46800)'),
  naccept: count('N', 'exit after N connections have come and gone'),
  ...TLS_OPTIONS,
} as const;

export const S_SERVER_USAGE = usage(
  's_server',
  'Listens, prints ACCEPT host:port on stdout, one CONNECTED/FAILED line per connection on stderr, and what clients send on stdout.',
  S_SERVER_OPTIONS,
);
