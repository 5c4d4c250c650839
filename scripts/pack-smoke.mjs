#!/usr/bin/env node
// Installs tlsport as a user would: `npm pack` of every publishable package, installed into an
// empty project outside the workspace, then used there. Run after `npm run build`.
//
//   node scripts/pack-smoke.mjs [--keep]      (npm run pack:smoke)
//
// 1. --ignore-scripts install: the openssl addon is not built, so installedBackends() leaves it
//    out and useBackend('openssl') names `npm rebuild @tlsport/backend-openssl`;
// 2. that `npm rebuild`, after which all three backends load;
// 3. per backend, a program using the installed packages fetches a page from `openssl s_server -www`;
// 4. a TypeScript program against the installed declarations type-checks (strict);
// 5. `npx tlsport -help` and `npx tlsport s_client` against `openssl s_server`;
// 6. per backend, a GSKit-style program on @tlsport/gsk (a PKCS#12 trust store made by openssl,
//    gsk_environment_open ... gsk_secure_soc_read) fetches the same page;
// 7. the DI smoke again with inversify 6 (core accepts 6 and 7 as its peer).
// Prints one line per step; exits 1 at the first failure. Needs the npm registry for the
// packages' own dependencies. --keep leaves the temporary project for inspection.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const PACKAGES = ['core', 'backend-node-tls', 'backend-openssl', 'backend-pure', 'store-redis', 'cli', 'gsk'];
const BACKENDS = ['node-tls', 'openssl', 'pure'];
const keep = process.argv.includes('--keep');
const work = mkdtempSync(join(tmpdir(), 'tlsport-pack-'));
const app = join(work, 'app');
let server;

function step(what, fn) {
  const started = Date.now();
  try {
    const detail = fn();
    console.log(`ok   ${what}${detail ? `: ${detail}` : ''} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (error) {
    console.log(`FAIL ${what}`);
    console.log(String(error.stdout ?? '') + String(error.stderr ?? '') || error.message);
    throw error;
  }
}

function sh(command, args, cwd = app, input) {
  return execFileSync(command, args, { cwd, encoding: 'utf8', input, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'], env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });
}

/** The program a user would write: one backend by name through DI, a GET over TLS on a port. */
const SMOKE = `
import { readFileSync } from 'node:fs';
import { Container } from 'inversify';
import { CompletionPort, GskStatus, SecureEnvironment, TLS_BACKEND, useBackend } from '@tlsport/core';
const [name, serverPort, caFile] = process.argv.slice(2);
const container = new Container();
await useBackend(container, name);
const env = await SecureEnvironment.open(container.get(TLS_BACKEND), { ca: readFileSync(caFile, 'utf8'), servername: 'localhost' });
const port = CompletionPort.create();
const session = await env.connect({ host: '127.0.0.1', port: Number(serverPort) });
const next = async () => {
  const c = await port.wait(30000);
  if (c === null) throw new Error('no completion within 30 s');
  return c;
};
session.startInit(port, {});
const init = await next();
if (init.returnValue !== GskStatus.GSK_OK) throw init.error;
session.startSend(port, { buffer: new TextEncoder().encode('GET / HTTP/1.0\\r\\n\\r\\n'), postFlag: true });
if ((await next()).returnValue !== GskStatus.GSK_OK) throw new Error('send failed');
let page = '';
for (;;) {
  session.startRecv(port, { buffer: new Uint8Array(16384), postFlag: true });
  const c = await next();
  if (c.returnValue !== GskStatus.GSK_OK) break; // the server closes after the page
  page += new TextDecoder().decode(c.buffer.subarray(0, c.secureDataTransferSize));
}
await session.close();
port.destroy();
await env.close();
console.log(name, init.negotiated.version, init.negotiated.cipherSuite, page.split('\\r\\n', 1)[0]);
`;

/**
 * A GSKit client as an IBM i C program is ported (examples/gskit-client.ts): the trust store a
 * PKCS#12 key ring, the session on a Qso-style descriptor, a GET and the page read back.
 */
const GSK_SMOKE = `
import { Container } from 'inversify';
import { TLS_BACKEND, useBackend } from '@tlsport/core';
import {
  GSK_CLIENT_SESSION, GSK_CONNECT_CIPHER_SPEC_EX, GSK_CONNECT_SEC_TYPE, GSK_FD, GSK_KEYRING_FILE, GSK_KEYRING_PW, GSK_OK, GSK_SESSION_TYPE,
  GSK_SSL_EXTN_SERVERNAME_REQUEST, closeSocket, connectSocket, gskRef, gskUseBackend, gsk_attribute_get_buffer, gsk_attribute_set_buffer,
  gsk_attribute_set_enum, gsk_attribute_set_numeric_value, gsk_environment_close, gsk_environment_init, gsk_environment_open,
  gsk_secure_soc_close, gsk_secure_soc_init, gsk_secure_soc_open, gsk_secure_soc_read, gsk_secure_soc_write, gsk_strerror,
} from '@tlsport/gsk';
const [name, serverPort, keyring, password] = process.argv.slice(2);
const container = new Container();
await useBackend(container, name);
gskUseBackend(container.get(TLS_BACKEND));
const check = (call, rc) => {
  if (rc !== GSK_OK) throw new Error(\`\${call} failed with rc = \${rc}: \${gsk_strerror(rc)}\`);
};
const env = gskRef();
const session = gskRef();
check('gsk_environment_open', gsk_environment_open(env));
check('gsk_attribute_set_enum(GSK_SESSION_TYPE)', gsk_attribute_set_enum(env.value, GSK_SESSION_TYPE, GSK_CLIENT_SESSION));
check('gsk_attribute_set_buffer(GSK_KEYRING_FILE)', gsk_attribute_set_buffer(env.value, GSK_KEYRING_FILE, keyring, 0));
check('gsk_attribute_set_buffer(GSK_KEYRING_PW)', gsk_attribute_set_buffer(env.value, GSK_KEYRING_PW, password, 0));
check('gsk_attribute_set_buffer(GSK_SSL_EXTN_SERVERNAME_REQUEST)', gsk_attribute_set_buffer(env.value, GSK_SSL_EXTN_SERVERNAME_REQUEST, 'localhost', 0));
check('gsk_environment_init', await gsk_environment_init(env.value));
const sd = await connectSocket('127.0.0.1', Number(serverPort));
check('gsk_secure_soc_open', gsk_secure_soc_open(env.value, session));
check('gsk_attribute_set_numeric_value(GSK_FD)', gsk_attribute_set_numeric_value(session.value, GSK_FD, sd));
check('gsk_secure_soc_init', await gsk_secure_soc_init(session.value));
const protocol = gskRef();
const cipher = gskRef();
check('gsk_attribute_get_buffer(GSK_CONNECT_SEC_TYPE)', gsk_attribute_get_buffer(session.value, GSK_CONNECT_SEC_TYPE, protocol));
check('gsk_attribute_get_buffer(GSK_CONNECT_CIPHER_SPEC_EX)', gsk_attribute_get_buffer(session.value, GSK_CONNECT_CIPHER_SPEC_EX, cipher));
const request = new TextEncoder().encode('GET / HTTP/1.0\\r\\n\\r\\n');
const written = gskRef();
check('gsk_secure_soc_write', await gsk_secure_soc_write(session.value, request, request.length, written));
const buffer = new Uint8Array(16384);
const read = gskRef();
check('gsk_secure_soc_read', await gsk_secure_soc_read(session.value, buffer, buffer.length, read));
const page = new TextDecoder().decode(buffer.subarray(0, read.value));
await gsk_secure_soc_close(session);
gsk_environment_close(env);
closeSocket(sd);
console.log(name, protocol.value, cipher.value, page.split('\\r\\n', 1)[0]);
`;

/** What installedBackends() offers, and what useBackend('openssl') says when it cannot. */
const INSTALLED = `
import { Container } from 'inversify';
import { installedBackends, useBackend } from '@tlsport/core';
const names = await installedBackends();
let openssl = 'loads';
await useBackend(new Container(), 'openssl').catch((error) => { openssl = error.message; });
console.log(JSON.stringify({ names, openssl }));
`;

/** Type-checked against the shipped .d.ts files (strict, NodeNext), never run. */
const TYPED = `
import { Container } from 'inversify';
import { CompletionPort, GskStatus, OperationKind, SecureEnvironment, TLS_BACKEND, useBackend, type Overlapped, type TlsBackend } from '@tlsport/core';
import { OpenSslBackend, liveObjects } from '@tlsport/backend-openssl';
import { GSK_OK, gskRef, gsk_environment_open, type gsk_handle } from '@tlsport/gsk';
export function typedGsk(): boolean {
  const env = gskRef<gsk_handle>();
  return gsk_environment_open(env) === GSK_OK && env.value !== undefined;
}
export async function typed(): Promise<number> {
  const container = new Container();
  await useBackend(container, 'pure');
  const env = await SecureEnvironment.open(container.get<TlsBackend>(TLS_BACKEND), { servername: 'example.com', minVersion: 'TLSv1.3' });
  const port = CompletionPort.create();
  const session = await env.connect({ host: 'example.com', port: 443 });
  session.startInit(port, { descriptorHandle: 'c1' });
  const c: Overlapped | null = await port.wait(5000);
  const ok = c?.returnValue === GskStatus.GSK_OK && c.operationCompleted === OperationKind.StartInit;
  port.destroy();
  return ok ? liveObjects().ssl + new OpenSslBackend().name.length : 0;
}
`;

function startOpensslServer(pki) {
  return new Promise((resolve, reject) => {
    const child = spawn('openssl', ['s_server', '-accept', '127.0.0.1:0', '-www', '-cert', pki.cert, '-key', pki.key], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (data) => {
      out += data;
      const accept = /^ACCEPT \S+:(\d+)$/m.exec(out);
      if (accept !== null) resolve({ child, port: Number(accept[1]) });
    });
    child.on('exit', (code) => reject(new Error(`openssl s_server exited with ${code}: ${out}`)));
  });
}

function makePki() {
  const dir = join(work, 'pki');
  mkdirSync(dir);
  const p256 = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  sh('openssl', ['req', '-x509', ...p256, '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '1', '-subj', '/CN=pack smoke CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign'], dir);
  sh('openssl', ['req', '-new', ...p256, '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=localhost'], dir);
  writeFileSync(join(dir, 'leaf.ext'), 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1\n');
  sh('openssl', ['x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-set_serial', '7', '-days', '1', '-extfile', 'leaf.ext', '-out', 'leaf.crt'], dir);
  return { ca: join(dir, 'ca.crt'), cert: join(dir, 'leaf.crt'), key: join(dir, 'leaf.key') };
}

async function main() {
  const tarballs = join(work, 'tarballs');
  mkdirSync(tarballs);
  mkdirSync(app);
  step('npm pack', () => {
    for (const name of PACKAGES) sh('npm', ['pack', '--silent', '--pack-destination', tarballs], join(root, 'packages', name));
    return readdirSync(tarballs).join(', ');
  });
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'tlsport-pack-smoke', private: true, type: 'module' }, null, 2));
  writeFileSync(join(app, 'smoke.mjs'), SMOKE);
  writeFileSync(join(app, 'installed.mjs'), INSTALLED);
  writeFileSync(join(app, 'gsk.mjs'), GSK_SMOKE);
  writeFileSync(join(app, 'typed.ts'), TYPED);
  const files = readdirSync(tarballs).map((f) => join(tarballs, f));
  step(`npm install --ignore-scripts (tarballs, inversify 7, rxjs) into ${app}`, () => {
    sh('npm', ['install', '--ignore-scripts', '--loglevel=error', ...files, 'inversify@^7', 'rxjs@^7']);
  });
  step('without the addon: installedBackends() omits openssl, useBackend says how to build it', () => {
    const { names, openssl } = JSON.parse(sh('node', ['installed.mjs']));
    if (names.join() !== 'node-tls,pure') throw new Error(`installedBackends(): ${names}`);
    if (!openssl.includes('npm rebuild @tlsport/backend-openssl')) throw new Error(`useBackend('openssl'): ${openssl}`);
    return `${JSON.stringify(names)}; ${openssl.slice(0, 120)}…`;
  });
  step('npm rebuild @tlsport/backend-openssl builds the addon against this node', () => {
    sh('npm', ['rebuild', '--loglevel=error', '@tlsport/backend-openssl']);
    const { names } = JSON.parse(sh('node', ['installed.mjs']));
    if (names.join() !== BACKENDS.join()) throw new Error(`installedBackends() after rebuild: ${names}`);
    return JSON.stringify(names);
  });
  const pki = makePki();
  server = await startOpensslServer(pki);
  for (const name of BACKENDS) {
    step(`smoke program, backend ${name} -> openssl s_server -www`, () => {
      const line = sh('node', ['smoke.mjs', name, String(server.port), pki.ca]).trim();
      if (!line.endsWith('HTTP/1.0 200 ok')) throw new Error(line);
      return line;
    });
  }
  // The GSKit trust store: the CA alone in a PKCS#12 file, as openssl writes it (PBES2/AES).
  const trust = join(work, 'pki', 'trust.p12');
  sh('openssl', ['pkcs12', '-export', '-nokeys', '-in', pki.ca, '-out', trust, '-passout', 'pass:trust-pw'], join(work, 'pki'));
  for (const name of BACKENDS) {
    step(`@tlsport/gsk program, backend ${name}: PKCS#12 trust store, gsk_secure_soc_init/write/read -> openssl s_server -www`, () => {
      const line = sh('node', ['gsk.mjs', name, String(server.port), trust, 'trust-pw']).trim();
      if (!line.endsWith('HTTP/1.0 200 ok')) throw new Error(line);
      return line;
    });
  }
  step('TypeScript against the shipped declarations (tsc --strict --noEmit)', () => {
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    sh('node', [tsc, '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--skipLibCheck', 'false', '--typeRoots', join(root, 'node_modules', '@types'), '--types', 'node', 'typed.ts']);
  });
  step('npx tlsport -help', () => sh('npx', ['--no-install', 'tlsport', '-help']).split('\n', 1)[0]);
  step('npx tlsport s_client -> openssl s_server', () => {
    const client = spawnSync('npx', ['--no-install', 'tlsport', 's_client', '-connect', `127.0.0.1:${server.port}`, '-CAfile', pki.ca, '-servername', 'localhost'], { cwd: app, encoding: 'utf8', input: 'GET / HTTP/1.0\r\n\r\n' });
    const connected = client.stderr.split('\n', 1)[0];
    if (client.status !== 0 || !connected.startsWith('CONNECTED ') || !client.stdout.startsWith('HTTP/1.0 200 ok')) throw new Error(`exit ${client.status}\n${client.stderr}${client.stdout}`);
    return `${connected}; ${client.stdout.split('\r\n', 1)[0]}`;
  });
  step('inversify 6 in the app: useBackend and the smoke program', () => {
    sh('npm', ['install', '--loglevel=error', 'inversify@^6.2.0']);
    const version = JSON.parse(sh('npm', ['ls', 'inversify', '--json'])).dependencies.inversify.version;
    const line = sh('node', ['smoke.mjs', 'pure', String(server.port), pki.ca]).trim();
    if (!line.endsWith('HTTP/1.0 200 ok')) throw new Error(line);
    return `inversify ${version}: ${line}`;
  });
}

try {
  await main();
  console.log(`pack-smoke: all steps passed${keep ? ` (kept ${work})` : ''}`);
} catch {
  process.exitCode = 1;
} finally {
  server?.child.kill();
  if (!keep) rmSync(work, { recursive: true, force: true });
}
