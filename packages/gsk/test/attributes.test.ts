import { expect } from 'chai';
import { Errno } from '@tlsport/core';
import { nodeTlsBackend } from '@tlsport/backend-node-tls';
import * as g from '../src/index.js';
import { ATTRIBUTES } from '../src/attributes/table.js';

function openEnv(): g.gsk_handle {
  const env = g.gskRef<g.gsk_handle>();
  expect(g.gsk_environment_open(env, nodeTlsBackend)).to.equal(g.GSK_OK);
  return env.value!;
}

describe('gsk attributes: set and get by (handle, id, value) with IBM statuses', () => {
  it('IBM numbers: the ids and values programs hard-code', () => {
    expect([g.GSK_KEYRING_FILE, g.GSK_KEYRING_PW, g.GSK_KEYRING_LABEL, g.GSK_OS400_APPLICATION_ID]).to.deep.equal([201, 202, 203, 6999]);
    expect([g.GSK_FD, g.GSK_V3_SESSION_TIMEOUT, g.GSK_HANDSHAKE_TIMEOUT]).to.deep.equal([300, 302, 6998]);
    expect([g.GSK_SESSION_TYPE, g.GSK_PROTOCOL_TLSV12, g.GSK_PROTOCOL_TLSV13]).to.deep.equal([402, 438, 4030]);
    expect([g.GSK_CLIENT_SESSION, g.GSK_SERVER_SESSION, g.GSK_SERVER_SESSION_WITH_CL_AUTH, g.GSK_TRUE, g.GSK_FALSE]).to.deep.equal([507, 508, 509, 1, 0]);
    expect([g.GSK_PARTNER_CERT_INFO, g.GSK_LOCAL_CERT_INFO, g.CERT_COMMON_NAME, g.GSK_RESET_CIPHER]).to.deep.equal([700, 701, 610, 100]);
    // Newer ids, as IBM i 7.2-7.4's API pages print them.
    expect([g.GSK_TLSV12_CIPHER_SPECS_EX, g.GSK_TLSV13_CIPHER_SPECS_EX, g.GSK_IBMI_READ_TIMEOUT, g.GSK_OS400_READ_TIMEOUT]).to.deep.equal([243, 2008, 6993, 6993]);
    expect([g.GSK_PROTOCOL_TLSV1, g.GSK_PROTOCOL_TLSV10, g.GSK_PROTOCOL_TLSV11, g.GSK_CERT_VALIDATION_CALLBACK]).to.deep.equal([407, 436, 437, 805]);
    expect(g.GSK_SSL_EXTN_SERVERNAME_CRITICAL_REQUEST).to.equal(231);
    expect([g.GSK_ENVIRONMENT_CLOSE_OPTIONS, g.GSK_DELAYED_ENVIRONMENT_CLOSE, g.GSK_NORMAL_ENVIRONMENT_CLOSE, g.GSK_ENVIRONMENT_CLOSE_CALLBACK]).to.deep.equal([411, 536, 537, 804]);
    for (const numbered of [243, 2008, 6993, 436, 805, 231, 411, 804]) expect(ATTRIBUTES.get(numbered)?.ibm, String(numbered)).to.equal(true);
    expect(ATTRIBUTES.get(g.GSK_LAST_VALIDATION_ERROR)?.ibm).to.equal(false);
  });

  it('GSK_PROTOCOL_TLSV10 (436) is its own switch beside the TLS 1.x master GSK_PROTOCOL_TLSV1 (407)', () => {
    const env = openEnv();
    const out = g.gskRef<number>();
    expect(g.gsk_attribute_get_enum(env, g.GSK_PROTOCOL_TLSV10, out)).to.equal(g.GSK_OK);
    expect(out.value).to.equal(g.GSK_FALSE);
    expect(g.gsk_attribute_set_enum(env, 436, g.GSK_TRUE)).to.equal(g.GSK_ERROR_UNSUPPORTED);
    expect(g.gsk_attribute_set_enum(env, 'GSK_PROTOCOL_TLSV10', g.GSK_PROTOCOL_TLSV1_OFF)).to.equal(g.GSK_ATTRIBUTE_INVALID_ENUMERATION);
    expect(g.gsk_attribute_set_enum(env, g.GSK_PROTOCOL_TLSV1, g.GSK_PROTOCOL_TLSV1_OFF)).to.equal(g.GSK_OK);
  });

  it('errno: IBM i numbers beside the Linux ones, mapped by name both ways', () => {
    expect([g.IBMI_ERRNO.EIO, g.IBMI_ERRNO.EINVAL, g.IBMI_ERRNO.EAGAIN, g.IBMI_ERRNO.EWOULDBLOCK, g.IBMI_ERRNO.EINTR]).to.deep.equal([3006, 3021, 3406, 3406, 3407]);
    expect(g.ibmiErrno(Errno.EIO)).to.equal(3006);
    expect(g.ibmiErrno(Errno.EAGAIN)).to.equal(3406);
    expect(g.ibmiErrno(Errno.EINVAL)).to.equal(3021);
    expect(g.ibmiErrno(Errno.ECONNRESET)).to.equal(undefined); // not on the part of IBM's table we have: by name only
    expect(g.errnoName(Errno.ECONNRESET)).to.equal('ECONNRESET');
    expect(g.errnoName(4)).to.equal('EINTR');
    expect(g.linuxErrno(3406)).to.equal(Errno.EAGAIN);
    expect(g.linuxErrno(3407)).to.equal(4);
    expect(g.linuxErrno(3999)).to.equal(undefined);
    for (const [name, ibmi] of Object.entries(g.IBMI_ERRNO)) expect(g.LINUX_ERRNO[name], name).to.be.a('number').and.not.equal(ibmi);
  });

  it('GSK_PROTOCOL_TLSV13 takes GSK_TRUE/GSK_FALSE and the _ON/_OFF spellings, by number or by name; never a TypeError', () => {
    const env = openEnv();
    expect(g.gsk_attribute_set_enum(env, g.GSK_PROTOCOL_TLSV13, g.GSK_TRUE)).to.equal(g.GSK_OK);
    expect(g.gsk_attribute_set_enum(env, 4030, g.GSK_PROTOCOL_TLSV13_OFF)).to.equal(g.GSK_OK);
    expect(g.gsk_attribute_set_enum(env, 'GSK_PROTOCOL_TLSV13', 1)).to.equal(g.GSK_OK);
    const out = g.gskRef<number>();
    expect(g.gsk_attribute_get_enum(env, g.GSK_PROTOCOL_TLSV13, out)).to.equal(g.GSK_OK);
    expect(out.value).to.equal(g.GSK_TRUE);
    expect(g.gsk_attribute_set_enum(env, g.GSK_PROTOCOL_TLSV13, 'GSK_TRUE' as never)).to.equal(g.GSK_ATTRIBUTE_INVALID_ENUMERATION);
    expect(g.gsk_attribute_set_enum(env, g.GSK_PROTOCOL_TLSV13, 2)).to.equal(g.GSK_ATTRIBUTE_INVALID_ENUMERATION);
  });

  it('unknown ids and ids of another family answer 701; bad lengths 702; bad numbers 705', () => {
    const env = openEnv();
    expect(g.gsk_attribute_set_buffer(env, 12345, 'x')).to.equal(g.GSK_ATTRIBUTE_INVALID_ID);
    expect(g.gsk_attribute_set_buffer(env, g.GSK_SESSION_TYPE, 'x')).to.equal(g.GSK_ATTRIBUTE_INVALID_ID);
    expect(g.gsk_attribute_set_enum(env, g.GSK_KEYRING_FILE, 1)).to.equal(g.GSK_ATTRIBUTE_INVALID_ID);
    expect(g.gsk_attribute_set_numeric_value(env, g.GSK_FD, 3)).to.equal(g.GSK_ATTRIBUTE_INVALID_ID); // session only
    expect(g.gsk_attribute_set_buffer(env, g.GSK_KEYRING_FILE, 'abc', 4)).to.equal(g.GSK_ATTRIBUTE_INVALID_LENGTH);
    expect(g.gsk_attribute_set_numeric_value(env, g.GSK_V3_SESSION_TIMEOUT, 86401)).to.equal(g.GSK_ATTRIBUTE_INVALID_NUMERIC_VALUE);
    expect(g.gsk_attribute_set_numeric_value(env, g.GSK_HANDSHAKE_TIMEOUT, 1.5)).to.equal(g.GSK_ATTRIBUTE_INVALID_NUMERIC_VALUE);
    expect(g.gsk_attribute_set_buffer(undefined as never, g.GSK_KEYRING_FILE, 'x')).to.equal(g.GSK_INVALID_HANDLE);
    expect(g.gsk_attribute_set_buffer(env, g.GSK_KEYRING_FILE, 42 as never)).to.equal(g.GSK_IBMI_ERROR_INVALID_POINTER);
  });

  it('the old protocols answer "not offered" when switched on, GSK_OK when switched off', () => {
    const env = openEnv();
    expect(g.gsk_attribute_set_enum(env, g.GSK_PROTOCOL_SSLV2, g.GSK_PROTOCOL_SSLV2_OFF)).to.equal(g.GSK_OK);
    expect(g.gsk_attribute_set_enum(env, g.GSK_PROTOCOL_SSLV2, g.GSK_PROTOCOL_SSLV2_ON)).to.equal(g.GSK_ERROR_UNSUPPORTED);
    expect(g.gsk_attribute_set_enum(env, g.GSK_PROTOCOL_SSLV3, g.GSK_PROTOCOL_SSLV3_ON)).to.equal(g.GSK_ERROR_UNSUPPORTED);
    expect(g.gsk_attribute_set_enum(env, g.GSK_PROTOCOL_TLSV1, g.GSK_PROTOCOL_TLSV1_ON)).to.equal(g.GSK_ERROR_UNSUPPORTED);
    expect(g.gsk_attribute_set_enum(env, g.GSK_PROTOCOL_TLSV10, g.GSK_FALSE)).to.equal(g.GSK_OK);
    expect(g.gsk_attribute_set_enum(env, g.GSK_PROTOCOL_TLSV11, g.GSK_TRUE)).to.equal(g.GSK_ERROR_UNSUPPORTED);
    expect(g.gsk_strerror(g.GSK_ERROR_UNSUPPORTED)).to.equal('The operation or value is not supported');
  });

  it('cipher spec lists take IBM names; a name tlsport does not offer at that version is 422', () => {
    const env = openEnv();
    expect(g.gsk_attribute_set_buffer(env, g.GSK_TLSV13_CIPHER_SPECS_EX, 'TLS_AES_256_GCM_SHA384,TLS_CHACHA20_POLY1305_SHA256')).to.equal(g.GSK_OK);
    expect(g.gsk_attribute_set_buffer(env, g.GSK_TLSV12_CIPHER_SPECS_EX, 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256')).to.equal(g.GSK_OK);
    expect(g.gsk_attribute_set_buffer(env, g.GSK_TLSV12_CIPHER_SPECS_EX, 'TLS_RSA_WITH_AES_128_CBC_SHA')).to.equal(g.GSK_ERROR_BAD_V3_CIPHER);
    expect(g.gsk_attribute_set_buffer(env, g.GSK_TLSV13_CIPHER_SPECS_EX, 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256')).to.equal(g.GSK_ERROR_BAD_V3_CIPHER);
    expect(g.gsk_attribute_set_buffer(env, g.GSK_V3_CIPHER_SPECS, '35')).to.equal(g.GSK_ERROR_BAD_V3_CIPHER);
    expect(g.gsk_attribute_set_buffer(env, g.GSK_V2_CIPHER_SPECS, '7')).to.equal(g.GSK_ERROR_BAD_V2_CIPHER);
  });

  it('defaults are readable before anything is set', () => {
    const env = openEnv();
    const n = g.gskRef<number>();
    const b = g.gskRef<string>();
    expect(g.gsk_attribute_get_enum(env, g.GSK_SESSION_TYPE, n)).to.equal(g.GSK_OK);
    expect(n.value).to.equal(g.GSK_CLIENT_SESSION);
    expect(g.gsk_attribute_get_enum(env, g.GSK_PROTOCOL_SSLV3, n)).to.equal(g.GSK_OK);
    expect(n.value).to.equal(g.GSK_PROTOCOL_SSLV3_OFF);
    expect(g.gsk_attribute_get_numeric_value(env, g.GSK_V3_SESSION_TIMEOUT, n)).to.equal(g.GSK_OK);
    expect(n.value).to.equal(86400);
    expect(g.gsk_attribute_get_numeric_value(env, g.GSK_IBMI_READ_TIMEOUT, n)).to.equal(g.GSK_OK);
    expect(n.value).to.equal(0);
    expect(g.gsk_attribute_get_buffer(env, g.GSK_TLSV13_CIPHER_SPECS_EX, b)).to.equal(g.GSK_OK);
    expect(b.value).to.equal('TLS_AES_128_GCM_SHA256,TLS_AES_256_GCM_SHA384,TLS_CHACHA20_POLY1305_SHA256');
    expect(g.gsk_attribute_get_buffer(env, g.GSK_CONNECT_CIPHER_SPEC_EX, b)).to.equal(g.GSK_ATTRIBUTE_INVALID_ID); // session, after the handshake
  });

  it('every id in the table either reads its default or answers a GSK status on an environment handle (no throw)', () => {
    const env = openEnv();
    for (const spec of ATTRIBUTES.values()) {
      const out = g.gskRef<never>();
      const get = { buffer: g.gsk_attribute_get_buffer, enum: g.gsk_attribute_get_enum, numeric: g.gsk_attribute_get_numeric_value, callback: g.gsk_attribute_get_enum }[spec.kind];
      const rc = get(env, spec.id, out as never);
      expect(g.gsk_strerror(rc), spec.name).to.not.equal('N/A');
    }
  });

  it('the GSK_OS400_ and GSK_AS400_ return codes alias the IBM i range; gsk_strerror names every code', () => {
    expect(g.GSK_OS400_ERROR_TIMED_OUT).to.equal(6011);
    expect(g.GSK_AS400_ERROR_NOT_TRUSTED_ROOT).to.equal(6000);
    expect(g.GSK_OS400_ASYNCHRONOUS_RECV).to.equal(g.GSK_IBMI_ASYNCHRONOUS_RECV);
    for (const [name, code] of Object.entries(g.GSK_RETURN_CODES)) expect(g.gsk_strerror(code), name).to.not.equal('N/A');
    expect(g.gsk_strerror(99999)).to.equal('N/A');
  });

  it('attributes are locked after gsk_environment_init (GSK_INVALID_STATE) and a closed handle is invalid', async () => {
    const env = g.gskRef<g.gsk_handle>();
    g.gsk_environment_open(env, nodeTlsBackend);
    expect(await g.gsk_environment_init(env.value!)).to.equal(g.GSK_OK);
    expect(g.gsk_attribute_set_enum(env.value!, g.GSK_PROTOCOL_TLSV13, g.GSK_FALSE)).to.equal(g.GSK_INVALID_STATE);
    expect(await g.gsk_environment_init(env.value!)).to.equal(g.GSK_INVALID_STATE);
    const handle = env.value!;
    expect(g.gsk_environment_close(env)).to.equal(g.GSK_OK);
    expect(env.value).to.equal(undefined);
    expect(g.gsk_attribute_get_enum(handle, g.GSK_SESSION_TYPE, g.gskRef())).to.equal(g.GSK_INVALID_HANDLE);
  });

  it('a server without a certificate fails gsk_environment_init with GSK_ERROR_NO_CERTIFICATE', async () => {
    const env = openEnv();
    g.gsk_attribute_set_enum(env, g.GSK_SESSION_TYPE, g.GSK_SERVER_SESSION);
    expect(await g.gsk_environment_init(env)).to.equal(g.GSK_ERROR_NO_CERTIFICATE);
  });
});
