import { expect } from 'chai';
import { pureBackend } from '@tlsport/backend-pure';
import * as g from '../src/index.js';
import { clientSetup, environment, expectOk, gskPki, handshake, serverSetup, sessionPair, type GskPki, type Setup } from './helpers/fixture.js';

const both = (...steps: Setup[]): Setup => (env) => steps.forEach((s) => s(env));

describe('gsk secure sessions: init, read/write, negotiated values, cert info, misc, client-auth modes', function () {
  this.timeout(20_000);
  let pki: GskPki;
  let server: g.gsk_handle;
  let client: g.gsk_handle;

  before(async () => {
    pki = gskPki();
    server = await environment(pki.serverP12, serverSetup);
    client = await environment(pki.trustP12, clientSetup);
  });

  after(() => pki.dispose());

  it('handshakes, exchanges data, and reads the negotiated values; they are GSK_INVALID_STATE before', async () => {
    const pair = await sessionPair(server, client);
    const text = g.gskRef<string>();
    expect(g.gsk_attribute_get_buffer(pair.client, g.GSK_CONNECT_CIPHER_SPEC_EX, text)).to.equal(g.GSK_INVALID_STATE);
    expect(await handshake(pair)).to.deep.equal([g.GSK_OK, g.GSK_OK]);
    expect(g.gsk_attribute_get_buffer(pair.client, g.GSK_CONNECT_CIPHER_SPEC_EX, text)).to.equal(g.GSK_OK);
    expect(text.value).to.match(/^TLS_(AES_128_GCM_SHA256|AES_256_GCM_SHA384|CHACHA20_POLY1305_SHA256)$/);
    expect(g.gsk_attribute_get_buffer(pair.server, g.GSK_CONNECT_SEC_TYPE, text)).to.equal(g.GSK_OK);
    expect(text.value).to.equal('TLSV13');
    const n = g.gskRef<number>();
    expect(g.gsk_attribute_get_enum(pair.client, g.GSK_PROTOCOL_USED, n)).to.equal(g.GSK_OK);
    expect(n.value).to.equal(g.GSK_PROTOCOL_USED_TLSV13);
    expect(g.gsk_attribute_get_numeric_value(pair.client, g.GSK_CERTIFICATE_VALIDATION_CODE, n)).to.equal(g.GSK_OK);
    expect(n.value).to.equal(g.GSK_OK);
    expect(g.gsk_attribute_get_numeric_value(pair.server, g.GSK_FD, n)).to.equal(g.GSK_OK);
    const bytes = new TextEncoder().encode('ping');
    const written = g.gskRef<number>();
    const read = g.gskRef<number>();
    const buffer = new Uint8Array(16);
    expect(await g.gsk_secure_soc_write(pair.client, bytes, bytes.length, written)).to.equal(g.GSK_OK);
    expect(await g.gsk_secure_soc_read(pair.server, buffer, buffer.length, read)).to.equal(g.GSK_OK);
    expect(new TextDecoder().decode(buffer.subarray(0, read.value))).to.equal('ping');
    expect(await g.gsk_secure_soc_init(pair.client)).to.equal(g.GSK_IBMI_ERROR_ALREADY_SECURE);
    await pair.close();
  });

  it('gsk_attribute_get_cert_info: the partner and local certificates with IBM element ids', async () => {
    const pair = await sessionPair(server, await environment(pki.trustP12, clientSetup));
    await handshake(pair);
    const elements = g.gskRef<g.gsk_cert_data_elem[]>();
    const count = g.gskRef<number>();
    expect(g.gsk_attribute_get_cert_info(pair.client, g.GSK_PARTNER_CERT_INFO, elements, count)).to.equal(g.GSK_OK);
    const byId = new Map(elements.value!.map((e) => [e.cert_data_id, e.cert_data_p]));
    expect(count.value).to.equal(elements.value!.length);
    expect(byId.get(g.CERT_COMMON_NAME)).to.equal('localhost');
    expect(byId.get(g.CERT_ISSUER_COMMON_NAME)).to.equal('gsk unit CA');
    expect(byId.get(g.CERT_DN_PRINTABLE)).to.equal('CN=localhost');
    expect(byId.get(g.CERT_VERSION)).to.equal('3');
    expect(byId.get(g.CERT_SIGNATURE_ALGORITHM)).to.equal('ecdsa-with-SHA256');
    expect(Buffer.from(byId.get(g.CERT_BODY_BASE64) as string, 'base64')).to.deep.equal(Buffer.from(byId.get(g.CERT_BODY_DER) as Uint8Array));
    expect(g.gsk_attribute_get_cert_info(pair.server, g.GSK_LOCAL_CERT_INFO, elements, count)).to.equal(g.GSK_OK);
    expect(elements.value!.find((e) => e.cert_data_id === g.CERT_COMMON_NAME)?.cert_data_p).to.equal('localhost');
    expect(g.gsk_attribute_get_cert_info(pair.server, g.GSK_PARTNER_CERT_INFO, elements, count)).to.equal(g.GSK_ERROR_NO_CERTIFICATE);
    expect(g.gsk_attribute_get_cert_info(pair.client, 999, elements, count)).to.equal(g.GSK_ATTRIBUTE_INVALID_ID);
    await pair.close();
  });

  it('gsk_secure_soc_misc: GSK_RESET_CIPHER is a KeyUpdate on 1.3 (data still flows), unsupported on 1.2 and on node-tls; unknown ids 602', async () => {
    const onNodeTls = await sessionPair(server, client);
    await handshake(onNodeTls);
    expect(g.gsk_secure_soc_misc(onNodeTls.client, g.GSK_RESET_CIPHER)).to.equal(g.GSK_ERROR_UNSUPPORTED);
    await onNodeTls.close();
    const pair = await sessionPair(await environment(pki.serverP12, serverSetup, pureBackend), await environment(pki.trustP12, clientSetup, pureBackend));
    expect(g.gsk_secure_soc_misc(pair.client, g.GSK_RESET_CIPHER)).to.equal(g.GSK_INVALID_STATE);
    await handshake(pair);
    expect(g.gsk_secure_soc_misc(pair.client, g.GSK_RESET_CIPHER)).to.equal(g.GSK_OK);
    const bytes = new TextEncoder().encode('after key update');
    const n = g.gskRef<number>();
    const buffer = new Uint8Array(64);
    expect(await g.gsk_secure_soc_write(pair.client, bytes, bytes.length, n)).to.equal(g.GSK_OK);
    expect(await g.gsk_secure_soc_read(pair.server, buffer, buffer.length, n)).to.equal(g.GSK_OK);
    expect(new TextDecoder().decode(buffer.subarray(0, n.value))).to.equal('after key update');
    expect(g.gsk_secure_soc_misc(pair.client, 7)).to.equal(g.GSK_MISC_INVALID_ID);
    await pair.close();
    const tls12 = await environment(pki.trustP12, both(clientSetup, (env) => g.gsk_attribute_set_enum(env, g.GSK_PROTOCOL_TLSV13, g.GSK_FALSE)));
    const old = await sessionPair(server, tls12);
    await handshake(old);
    expect(g.gsk_secure_soc_misc(old.client, g.GSK_RESET_CIPHER)).to.equal(g.GSK_ERROR_UNSUPPORTED);
    await old.close();
  });

  it('resumption: a second session to the same server resumes (GSK_SID_NOT_FIRST) until GSK_RESET_SESSION drops it', async () => {
    const sidFirst = async (reset: boolean): Promise<number> => {
      const pair = await sessionPair(server, client);
      await handshake(pair);
      // Let the server's NewSessionTicket arrive before the session ends.
      const n = g.gskRef<number>();
      const bytes = new TextEncoder().encode('x');
      const buffer = new Uint8Array(4);
      await g.gsk_secure_soc_write(pair.server, bytes, 1, n);
      await g.gsk_secure_soc_read(pair.client, buffer, 4, n);
      if (reset) expect(g.gsk_secure_soc_misc(pair.client, g.GSK_RESET_SESSION)).to.equal(g.GSK_OK);
      expect(g.gsk_attribute_get_enum(pair.client, g.GSK_SID_FIRST, n)).to.equal(g.GSK_OK);
      await pair.close();
      return n.value!;
    };
    const fresh = await environment(pki.trustP12, clientSetup);
    const saved = client;
    client = fresh;
    try {
      expect(await sidFirst(false)).to.equal(g.GSK_SID_IS_FIRST);
      expect(await sidFirst(true)).to.equal(g.GSK_SID_NOT_FIRST);
      expect(await sidFirst(false)).to.equal(g.GSK_SID_IS_FIRST);
    } finally {
      client = saved;
    }
  });

  it('GSK_IBMI_READ_TIMEOUT: a read with nothing to read ends with GSK_IBMI_ERROR_TIMED_OUT', async () => {
    const pair = await sessionPair(server, client);
    await handshake(pair);
    await pair.close();
    const timed = await environment(pki.trustP12, both(clientSetup, (env) => expectOk(g.gsk_attribute_set_numeric_value(env, g.GSK_IBMI_READ_TIMEOUT, 100), 'read timeout')));
    const p2 = await sessionPair(server, timed);
    await handshake(p2);
    const n = g.gskRef<number>();
    expect(await g.gsk_secure_soc_read(p2.client, new Uint8Array(8), 8, n)).to.equal(g.GSK_OS400_ERROR_TIMED_OUT);
    expect(n.value).to.equal(0);
    await p2.close();
  });

  it('GSK_ENVIRONMENT_CLOSE_CALLBACK with GSK_DELAYED_ENVIRONMENT_CLOSE: called once the closed environment\'s last session closes', async () => {
    const closedEnvs: g.gsk_handle[] = [];
    const delayed = await environment(pki.serverP12, both(serverSetup, (env) => {
      expect(g.gsk_attribute_set_callback(env, g.GSK_ENVIRONMENT_CLOSE_CALLBACK, {})).to.equal(g.GSK_IBMI_ERROR_INVALID_POINTER);
      expectOk(g.gsk_attribute_set_enum(env, g.GSK_ENVIRONMENT_CLOSE_OPTIONS, g.GSK_DELAYED_ENVIRONMENT_CLOSE), 'close options');
      expectOk(g.gsk_attribute_set_callback(env, g.GSK_ENVIRONMENT_CLOSE_CALLBACK, (h: g.gsk_handle) => closedEnvs.push(h)), 'close callback');
    }));
    const pair = await sessionPair(delayed, client);
    expect(await handshake(pair)).to.deep.equal([g.GSK_OK, g.GSK_OK]);
    expect(g.gsk_environment_close(g.gskRef(delayed))).to.equal(g.GSK_OK);
    // The open session still works, and the callback waits for it.
    const n = g.gskRef<number>();
    const buffer = new Uint8Array(4);
    expect(await g.gsk_secure_soc_write(pair.server, new TextEncoder().encode('late'), 4, n)).to.equal(g.GSK_OK);
    expect(await g.gsk_secure_soc_read(pair.client, buffer, 4, n)).to.equal(g.GSK_OK);
    expect(closedEnvs).to.deep.equal([]);
    await pair.close();
    for (let i = 0; i < 50 && closedEnvs.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(closedEnvs).to.have.lengthOf(1);
    expect(closedEnvs[0]).to.equal(delayed);
  });

  it('GSK_ENVIRONMENT_CLOSE_CALLBACK is not called under GSK_NORMAL_ENVIRONMENT_CLOSE (the default)', async () => {
    let called = 0;
    const normal = await environment(pki.trustP12, both(clientSetup, (env) => {
      const options = g.gskRef<number>();
      expectOk(g.gsk_attribute_get_enum(env, g.GSK_ENVIRONMENT_CLOSE_OPTIONS, options), 'close options');
      expect(options.value).to.equal(g.GSK_NORMAL_ENVIRONMENT_CLOSE);
      expectOk(g.gsk_attribute_set_callback(env, g.GSK_ENVIRONMENT_CLOSE_CALLBACK, () => called++), 'close callback');
    }));
    expect(g.gsk_environment_close(g.gskRef(normal))).to.equal(g.GSK_OK);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(called).to.equal(0);
  });

  describe('client authentication (GSK_SESSION_TYPE, GSK_CLIENT_AUTH_TYPE, GSK_SERVER_AUTH_TYPE)', () => {
    const withType = (type: number, auth?: number): Setup => both(serverSetup, (env) => {
      expectOk(g.gsk_attribute_set_enum(env, g.GSK_SESSION_TYPE, type), 'session type');
      if (auth !== undefined) expectOk(g.gsk_attribute_set_enum(env, g.GSK_CLIENT_AUTH_TYPE, auth), 'client auth');
    });
    async function statuses(serverType: Setup, clientRing: string): Promise<[number, number]> {
      const srv = await environment(pki.serverP12, serverType);
      const cli = await environment(clientRing, clientSetup);
      const pair = await sessionPair(srv, cli);
      const result = await handshake(pair);
      await pair.close();
      return result;
    }

    it('WITH_CL_AUTH: a client without a certificate is accepted; with a trusted one too', async () => {
      expect((await statuses(withType(g.GSK_SERVER_SESSION_WITH_CL_AUTH), pki.trustP12))[0]).to.equal(g.GSK_OK);
      expect((await statuses(withType(g.GSK_SERVER_SESSION_WITH_CL_AUTH), pki.clientP12))[0]).to.equal(g.GSK_OK);
    });

    it('WITH_CL_AUTH (FULL): a certificate that does not verify fails; PASSTHRU accepts it', async () => {
      expect((await statuses(withType(g.GSK_SERVER_SESSION_WITH_CL_AUTH), pki.strangerP12))[0]).to.equal(g.GSK_ERROR_CERT_VALIDATION);
      expect((await statuses(withType(g.GSK_SERVER_SESSION_WITH_CL_AUTH, g.GSK_CLIENT_AUTH_PASSTHRU), pki.strangerP12))[0]).to.equal(g.GSK_OK);
    });

    it('WITH_CL_AUTH_CRITICAL: no certificate fails; a trusted one passes', async () => {
      expect((await statuses(withType(g.GSK_SERVER_SESSION_WITH_CL_AUTH_CRITICAL), pki.trustP12))[0]).to.not.equal(g.GSK_OK);
      expect((await statuses(withType(g.GSK_SERVER_SESSION_WITH_CL_AUTH_CRITICAL), pki.clientP12))[0]).to.equal(g.GSK_OK);
      expect((await statuses(withType(g.GSK_SERVER_SESSION_WITH_CL_AUTH_CRITICAL, g.GSK_CLIENT_AUTH_PASSTHRU), pki.trustP12))[0]).to.equal(g.GSK_ERROR_NO_CERTIFICATE);
    });

    it('client: GSK_SERVER_AUTH_PASSTHRU accepts an untrusted server; FULL refuses it with 6000', async () => {
      const stranger = await environment(pki.strangerP12, serverSetup);
      for (const [auth, expected] of [[g.GSK_SERVER_AUTH_FULL, g.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT], [g.GSK_SERVER_AUTH_PASSTHRU, g.GSK_OK]] as const) {
        const cli = await environment(pki.trustP12, both(clientSetup, (env) => expectOk(g.gsk_attribute_set_enum(env, g.GSK_SERVER_AUTH_TYPE, auth), 'server auth')));
        const pair = await sessionPair(stranger, cli);
        expect((await handshake(pair))[1]).to.equal(expected);
        await pair.close();
      }
    });

    it('GSK_CERT_VALIDATION_CALLBACK sees the chain and tlsport verdict; its answer decides', async () => {
      const stranger = await environment(pki.strangerP12, serverSetup);
      const seen: [number, number][] = [];
      for (const verdict of [g.GSK_OK, g.GSK_ERROR_CERT_VALIDATION]) {
        const cli = await environment(pki.trustP12, both(clientSetup, (env) => expectOk(g.gsk_attribute_set_callback(env, g.GSK_CERT_VALIDATION_CALLBACK, {
          validation_callback: (chain: readonly Uint8Array[], status: number) => {
            seen.push([chain.length, status]);
            return verdict;
          },
        }), 'callback')));
        const pair = await sessionPair(stranger, cli);
        const [, status] = await handshake(pair);
        expect(status).to.equal(verdict === g.GSK_OK ? g.GSK_OK : g.GSK_ERROR_CERT_VALIDATION);
        const last = g.gskRef<number>();
        expect(g.gsk_attribute_get_numeric_value(pair.client, g.GSK_LAST_VALIDATION_ERROR, last)).to.equal(g.GSK_OK);
        expect(last.value).to.equal(verdict === g.GSK_OK ? g.GSK_OK : g.GSK_ERROR_CERT_VALIDATION);
        await pair.close();
      }
      expect(seen).to.deep.equal([[1, g.GSK_ERROR_CERT_VALIDATION], [1, g.GSK_ERROR_CERT_VALIDATION]]);
      expect(g.gsk_attribute_set_callback(client, g.GSK_CERT_VALIDATION_CALLBACK, {})).to.equal(g.GSK_INVALID_STATE);
    });
  });
});
