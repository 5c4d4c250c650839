/**
 * IBM's "Example: GSKit client", translated call for call: a synchronous client that negotiates,
 * writes a message, reads the server's answer and closes. Its trust store comes from the
 * application id "MY_CLIENT_APP". Like IBM's program it sets no GSK_SSL_EXTN_SERVERNAME_REQUEST,
 * so the server's chain is verified but not its host name (GSKit's default); a real client adds
 * that one call (docs/porting-gskit.md).
 *
 *   npm run example -- gskit-client [backend] port [message]
 */
import {
  GSK_CLIENT_SESSION, GSK_FALSE, GSK_FD, GSK_OK, GSK_OS400_APPLICATION_ID, GSK_PROTOCOL_SSLV3, GSK_PROTOCOL_SSLV3_OFF, GSK_PROTOCOL_TLSV10,
  GSK_PROTOCOL_TLSV11, GSK_SESSION_TYPE, closeSocket, connectSocket, gskRef, gskUseBackend,
  gsk_attribute_set_buffer, gsk_attribute_set_enum, gsk_attribute_set_numeric_value, gsk_environment_close, gsk_environment_init,
  gsk_environment_open, gsk_secure_soc_close, gsk_secure_soc_init, gsk_secure_soc_open, gsk_secure_soc_read, gsk_secure_soc_write,
  gsk_strerror, type gsk_handle,
} from '@tlsport/gsk';
import { exampleBackend } from './backend.js';

export async function main(args: readonly string[]): Promise<void> {
  gskUseBackend(await exampleBackend(args[0]));
  const my_env_handle = gskRef<gsk_handle>();
  const my_session_handle = gskRef<gsk_handle>();
  const amtWritten = gskRef<number>();
  const amtRead = gskRef<number>();
  const buff = new TextEncoder().encode(`${args[2] ?? 'Hello, secure server'}\n`);
  const readBuff = new Uint8Array(1024);
  let sd = -1;
  let successFlag = false;
  do {
    /* open a gsk environment */
    let rc = gsk_environment_open(my_env_handle);
    if (rc !== GSK_OK) { console.log(`gsk_environment_open() failed with rc = ${rc}: ${gsk_strerror(rc)}`); break; }
    /* set the Application ID to use */
    rc = gsk_attribute_set_buffer(my_env_handle.value!, GSK_OS400_APPLICATION_ID, 'MY_CLIENT_APP', 13);
    if (rc !== GSK_OK) { console.log(`gsk_attribute_set_buffer() failed with rc = ${rc}: ${gsk_strerror(rc)}`); break; }
    /* set this side as the client (this is the default) */
    rc = gsk_attribute_set_enum(my_env_handle.value!, GSK_SESSION_TYPE, GSK_CLIENT_SESSION);
    if (rc !== GSK_OK) { console.log(`gsk_attribute_set_enum() failed with rc = ${rc}: ${gsk_strerror(rc)}`); break; }
    /* disable SSL_V3, TLS_V10 and TLS_V11 */
    rc = gsk_attribute_set_enum(my_env_handle.value!, GSK_PROTOCOL_SSLV3, GSK_PROTOCOL_SSLV3_OFF);
    if (rc !== GSK_OK) { console.log(`gsk_attribute_set_enum() failed with rc = ${rc}: ${gsk_strerror(rc)}`); break; }
    rc = gsk_attribute_set_enum(my_env_handle.value!, GSK_PROTOCOL_TLSV10, GSK_FALSE);
    if (rc !== GSK_OK) { console.log(`gsk_attribute_set_enum() failed with rc = ${rc}: ${gsk_strerror(rc)}`); break; }
    rc = gsk_attribute_set_enum(my_env_handle.value!, GSK_PROTOCOL_TLSV11, GSK_FALSE);
    if (rc !== GSK_OK) { console.log(`gsk_attribute_set_enum() failed with rc = ${rc}: ${gsk_strerror(rc)}`); break; }
    /* Initialize the secure environment */
    rc = await gsk_environment_init(my_env_handle.value!);
    if (rc !== GSK_OK) { console.log(`gsk_environment_init() failed with rc = ${rc}: ${gsk_strerror(rc)}`); break; }
    /* socket() + connect() to the server */
    sd = await connectSocket('127.0.0.1', Number(args[1]));
    /* open a secure session */
    rc = gsk_secure_soc_open(my_env_handle.value!, my_session_handle);
    if (rc !== GSK_OK) { console.log(`gsk_secure_soc_open() failed with rc = ${rc}: ${gsk_strerror(rc)}`); break; }
    /* associate our socket with the secure session */
    rc = gsk_attribute_set_numeric_value(my_session_handle.value!, GSK_FD, sd);
    if (rc !== GSK_OK) { console.log(`gsk_attribute_set_numeric_value() failed with rc = ${rc}: ${gsk_strerror(rc)}`); break; }
    /* initiate the SSL handshake */
    rc = await gsk_secure_soc_init(my_session_handle.value!);
    if (rc !== GSK_OK) { console.log(`gsk_secure_soc_init() failed with rc = ${rc}: ${gsk_strerror(rc)}`); break; }
    /* send a message to the server using the secure session */
    rc = await gsk_secure_soc_write(my_session_handle.value!, buff, buff.length, amtWritten);
    if (amtWritten.value !== buff.length) {
      if (rc !== GSK_OK) console.log(`gsk_secure_soc_write() rc = ${rc}: ${gsk_strerror(rc)}`);
      else console.log('gsk_secure_soc_write() did not write all data.');
      break;
    }
    console.log(`gsk_secure_soc_write() wrote ${amtWritten.value} bytes`);
    /* receive a message from the server using the secure session */
    rc = await gsk_secure_soc_read(my_session_handle.value!, readBuff, readBuff.length, amtRead);
    if (rc !== GSK_OK) { console.log(`gsk_secure_soc_read() rc = ${rc}: ${gsk_strerror(rc)}`); break; }
    console.log(`gsk_secure_soc_read() received ${amtRead.value} bytes, here they are ...`);
    console.log(new TextDecoder().decode(readBuff.subarray(0, amtRead.value)).trimEnd());
    successFlag = true;
  } while (false);
  /* disable the SSL session */
  if (my_session_handle.value !== undefined) await gsk_secure_soc_close(my_session_handle);
  /* disable the SSL environment */
  if (my_env_handle.value !== undefined) gsk_environment_close(my_env_handle);
  /* close the connection */
  if (sd > -1) closeSocket(sd);
  process.exitCode = successFlag ? 0 : 1;
}
