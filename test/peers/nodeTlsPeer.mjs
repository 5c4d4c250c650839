// A node:tls peer for interop tests, run under another Node binary (e.g. Node 26, OpenSSL 3.5).
// Usage: node nodeTlsPeer.mjs '<json>' with {mode: 'server'|'client', ...}; it speaks JSON lines
// on stdout. Both modes report each ServerHello / HelloRetryRequest on the wire with its key_share
// group (node:tls has no server API for the group, nor a client one for a retry); the client also
// reports getEphemeralKeyInfo().
import { readFileSync } from 'node:fs';
import { Duplex } from 'node:stream';
import net from 'node:net';
import tls from 'node:tls';

const options = JSON.parse(process.argv[2]);
const say = (event) => process.stdout.write(`${JSON.stringify(event)}\n`);
const HRR_RANDOM = 'cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c';

/**
 * The key_share group of a ServerHello or HelloRetryRequest record, or undefined (RFC 8446 §4.1.3).
 * The record may be cut short (a hybrid ServerHello spans chunks): the group comes early in it.
 */
function serverHelloGroup(record) {
  if (record.length < 9 + 35 || record[0] !== 22 || record[5] !== 2) return undefined;
  const body = record.subarray(9);
  const retry = body.subarray(2, 34).toString('hex') === HRR_RANDOM;
  let at = 34 + 1 + body[34] + 3;
  if (at + 2 > body.length) return undefined;
  const end = Math.min(at + 2 + body.readUInt16BE(at), body.length);
  for (at += 2; at + 6 <= end; at += 4 + body.readUInt16BE(at + 2)) {
    if (body.readUInt16BE(at) === 51) return { retry, group: body.readUInt16BE(at + 4) };
  }
  return undefined;
}

/**
 * A scanner for one direction: follows the record boundaries across chunks and reports the hellos
 * among the plaintext records, until the first encrypted one.
 */
function scanner() {
  let skip = 0;
  let done = false;
  return (chunk) => {
    let at = skip;
    for (; !done && at + 5 <= chunk.length; at += 5 + chunk.readUInt16BE(at + 3)) {
      if (chunk[at] === 23) done = true;
      const hello = serverHelloGroup(chunk.subarray(at));
      if (hello !== undefined) say({ event: 'serverHello', ...hello });
    }
    skip = Math.max(0, at - chunk.length);
  };
}

/** A raw socket behind a Duplex that sees every chunk both ways, so the hellos are seen. */
function watched(raw) {
  const [outgoing, incoming] = [scanner(), scanner()];
  const stream = new Duplex({
    read() {},
    write(chunk, _encoding, done) {
      outgoing(chunk);
      raw.write(chunk, done);
    },
    final(done) {
      raw.end(done);
    },
  });
  raw.on('data', (d) => {
    incoming(d);
    stream.push(d);
  }).on('end', () => stream.push(null)).on('error', (e) => stream.destroy(e));
  return stream;
}

if (options.mode === 'server') {
  const secureContext = tls.createSecureContext({ key: readFileSync(options.key), cert: readFileSync(options.cert), ecdhCurve: options.groups });
  const server = net.createServer((raw) => {
    const socket = new tls.TLSSocket(watched(raw), { isServer: true, secureContext });
    socket.on('secure', () => say({ event: 'secure', protocol: socket.getProtocol(), resumed: socket.isSessionReused() }));
    socket.on('data', (d) => socket.write(`pong:${d}`));
    socket.on('error', (e) => say({ event: 'error', message: e.message }));
    socket.on('end', () => socket.end());
  });
  server.listen(0, '127.0.0.1', () => say({ event: 'listening', port: server.address().port }));
  process.stdin.on('end', () => process.exit(0)).resume();
} else {
  const session = options.session === undefined ? undefined : Buffer.from(options.session, 'hex');
  const raw = net.connect({ host: '127.0.0.1', port: options.port });
  const socket = tls.connect({ socket: watched(raw), ca: readFileSync(options.ca), servername: 'localhost', ecdhCurve: options.groups, session });
  let ticket;
  socket.on('session', (s) => (ticket = s.toString('hex')));
  socket.on('secureConnect', () => {
    say({ event: 'secure', protocol: socket.getProtocol(), resumed: socket.isSessionReused(), group: socket.getEphemeralKeyInfo()?.name });
    socket.write('ping');
  });
  socket.on('data', (d) => {
    say({ event: 'data', text: d.toString() });
    // A TLS 1.3 ticket arrives after the handshake; wait a moment for it before closing.
    setTimeout(() => {
      say({ event: 'session', session: ticket });
      socket.end();
    }, 100);
  });
  socket.on('error', (e) => {
    say({ event: 'error', message: e.message });
    process.exitCode = 1;
  });
}
