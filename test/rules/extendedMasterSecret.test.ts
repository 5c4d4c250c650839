import { once } from 'node:events';
import { connect as tlsConnect } from 'node:tls';
import { expect } from 'chai';
import { SecureEnvironment, gskStatusName } from '@tlsport/core';
import { BACKENDS } from '../support/backends.js';
import { makePki, type Pki } from '../support/sessions.js';
import { ServerTarget } from '../hostile/support/targets.js';

/** OpenSSL's SSL_OP_NO_EXTENDED_MASTER_SECRET: a node:tls TLS 1.2 client that does not do RFC 7627. */
const SSL_OP_NO_EXTENDED_MASTER_SECRET = 1;

/**
 * The requireExtendedMasterSecret attribute on every backend: false accepts a TLS 1.2 peer without
 * extended master secret everywhere; unset is each backend's policy (pure requires it, OpenSSL does
 * not); true is refused by the backends that cannot enforce it, with a clear error.
 */
describe('requireExtendedMasterSecret on every backend', function () {
  this.timeout(20_000);
  let pki: Pki;
  before(() => (pki = makePki()));
  after(() => pki.ca.dispose());

  /** What a legacy TLS 1.2 client gets from a server opened with `attrs`: the version, or the error. */
  const legacyClient = async (target: ServerTarget): Promise<string> => {
    const accepted = target.next();
    const socket = tlsConnect({ host: '127.0.0.1', port: target.port, servername: 'localhost', ca: pki.ca.cert, maxVersion: 'TLSv1.2', secureOptions: SSL_OP_NO_EXTENDED_MASTER_SECRET });
    try {
      await once(socket, 'secureConnect');
      await (await accepted).init;
      return socket.getProtocol() ?? 'none';
    } catch (error) {
      return `${(await (await accepted).init).status}: ${String(error)}`;
    } finally {
      socket.destroy();
    }
  };

  for (const backend of BACKENDS) {
    it(`${backend.name}: false accepts a client without EMS; unset is the backend's policy`, async () => {
      for (const [attrs, pureRefuses] of [[{ requireExtendedMasterSecret: false }, false], [{}, true]] as const) {
        const target = await ServerTarget.open(backend, pki, attrs);
        try {
          const outcome = await legacyClient(target);
          if (backend.name === 'pure' && pureRefuses) expect(outcome).to.match(/^GSK_ERROR_BAD_MESSAGE: .*handshake failure/i);
          else expect(outcome).to.equal('TLSv1.2');
        } finally {
          await target.close();
        }
      }
    });

    it(`${backend.name}: true is ${backend.name === 'pure' ? 'honoured' : 'refused when the environment opens'}`, async () => {
      const opening = SecureEnvironment.open(backend, { role: 'server', cert: pki.leaf.chain, key: pki.leaf.key, requireExtendedMasterSecret: true });
      if (backend.name === 'pure') return void (await (await opening).close());
      const error = await opening.then(() => undefined, (e: { status?: number; message: string }) => e);
      expect(error?.message).to.match(/requireExtendedMasterSecret: true is not available on the .* backend/);
      expect(gskStatusName(error!.status!)).to.equal('GSK_ERROR_UNSUPPORTED');
    });
  }
});
