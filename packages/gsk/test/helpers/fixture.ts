import { join } from 'node:path';
import type { TlsBackend } from '@tlsport/core';
import { nodeTlsBackend } from '@tlsport/backend-node-tls';
import { TestCa, exportPkcs12 } from '@tlsport/testkit';
import * as g from '../../src/index.js';

/** A CA, a server key ring, a client key ring and a CA-only trust store, all PKCS#12 made by openssl. */
export interface GskPki {
  ca: TestCa;
  serverP12: string;
  clientP12: string;
  trustP12: string;
  /** A key ring whose certificate is signed by a CA nobody trusts (it trusts the unit CA itself). */
  strangerP12: string;
  dispose(): void;
}

export const PASSWORD = 'gsk-test';

export function gskPki(): GskPki {
  const ca = TestCa.root({ cn: 'gsk unit CA' });
  const stranger = TestCa.root({ cn: 'stranger CA' });
  const server = ca.issue({ dns: ['localhost'], ips: ['127.0.0.1'] });
  const client = ca.issue({ dns: ['client.example'] });
  const strangerLeaf = stranger.issue({ dns: ['localhost'] });
  return {
    ca,
    serverP12: exportPkcs12(server, { file: join(ca.dir, 'server.p12'), password: PASSWORD, label: 'server', caCerts: ca.certFile }),
    clientP12: exportPkcs12(client, { file: join(ca.dir, 'client.p12'), password: PASSWORD, label: 'client', caCerts: ca.certFile }),
    trustP12: exportPkcs12(undefined, { file: join(ca.dir, 'trust.p12'), password: PASSWORD, caCerts: ca.certFile }),
    strangerP12: exportPkcs12(strangerLeaf, { file: join(ca.dir, 'stranger.p12'), password: PASSWORD, label: 'stranger', caCerts: ca.certFile }),
    dispose: () => {
      ca.dispose();
      stranger.dispose();
    },
  };
}

/** A configuration step: `gsk_attribute_set_*` calls on an environment handle. */
export type Setup = (env: g.gsk_handle) => void;

/** gsk_environment_open + the setup + a key ring + gsk_environment_init; throws on a failed status. */
export async function environment(keyring: string, setup: Setup = () => undefined, backend: TlsBackend = nodeTlsBackend): Promise<g.gsk_handle> {
  const env = g.gskRef<g.gsk_handle>();
  expectOk(g.gsk_environment_open(env, backend), 'gsk_environment_open');
  expectOk(g.gsk_attribute_set_buffer(env.value!, g.GSK_KEYRING_FILE, keyring), 'GSK_KEYRING_FILE');
  expectOk(g.gsk_attribute_set_buffer(env.value!, g.GSK_KEYRING_PW, PASSWORD), 'GSK_KEYRING_PW');
  setup(env.value!);
  expectOk(await g.gsk_environment_init(env.value!), 'gsk_environment_init');
  return env.value!;
}

export function expectOk(rc: number, what: string): void {
  if (rc !== g.GSK_OK) throw new Error(`${what}: ${rc} ${g.gsk_strerror(rc)}`);
}

/** A connected pair of descriptors over loopback: [server side, client side, listening]. */
export async function descriptorPair(): Promise<[number, number, number]> {
  const lsd = await g.listenSocket();
  const [client, server] = await Promise.all([g.connectSocket('127.0.0.1', g.localPort(lsd)), g.accept(lsd)]);
  return [server, client, lsd];
}

/** Session handles over a connected pair, GSK_FD set. */
export interface SessionPair {
  server: g.gsk_handle;
  client: g.gsk_handle;
  /** The descriptors under each side. */
  serverFd: number;
  clientFd: number;
  close(): Promise<void>;
}

export async function sessionPair(serverEnv: g.gsk_handle, clientEnv: g.gsk_handle): Promise<SessionPair> {
  const [ssd, csd, lsd] = await descriptorPair();
  const server = g.gskRef<g.gsk_handle>();
  const client = g.gskRef<g.gsk_handle>();
  expectOk(g.gsk_secure_soc_open(serverEnv, server), 'gsk_secure_soc_open');
  expectOk(g.gsk_secure_soc_open(clientEnv, client), 'gsk_secure_soc_open');
  expectOk(g.gsk_attribute_set_numeric_value(server.value!, g.GSK_FD, ssd), 'GSK_FD');
  expectOk(g.gsk_attribute_set_numeric_value(client.value!, g.GSK_FD, csd), 'GSK_FD');
  const s = server.value!;
  const c = client.value!;
  return {
    server: s,
    client: c,
    serverFd: ssd,
    clientFd: csd,
    close: async () => {
      await g.gsk_secure_soc_close(g.gskRef(s));
      await g.gsk_secure_soc_close(g.gskRef(c));
      for (const sd of [ssd, csd, lsd]) g.closeSocket(sd);
    },
  };
}

/**
 * Both handshakes (gsk_secure_soc_init) at once: [server status, client status]. A side that fails
 * closes its descriptor, as a C program does after a failed init, so the other side is not left waiting.
 */
export function handshake(pair: SessionPair): Promise<[number, number]> {
  const side = (handle: g.gsk_handle, fd: number): Promise<number> =>
    g.gsk_secure_soc_init(handle).then((rc) => {
      if (rc !== g.GSK_OK) g.closeSocket(fd);
      return rc;
    });
  return Promise.all([side(pair.server, pair.serverFd), side(pair.client, pair.clientFd)]);
}

export const serverSetup: Setup = (env) => expectOk(g.gsk_attribute_set_enum(env, g.GSK_SESSION_TYPE, g.GSK_SERVER_SESSION), 'GSK_SESSION_TYPE');
export const clientSetup: Setup = (env) => expectOk(g.gsk_attribute_set_buffer(env, g.GSK_SSL_EXTN_SERVERNAME_REQUEST, 'localhost'), 'SNI');
