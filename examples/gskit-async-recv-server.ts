/**
 * IBM's "Example: GSKit secure server with asynchronous data receive", translated call for call:
 * the handshake is synchronous (gsk_secure_soc_init), the receive asynchronous
 * (gsk_secure_soc_startRecv) and completed by a worker waiting on the port.
 *
 *   npm run example -- gskit-async-recv-server [backend] [port]
 */
import {
  GSKSECURESOCSTARTRECV, GSK_FALSE, GSK_FD, GSK_OK, GSK_OS400_APPLICATION_ID, GSK_OS400_ASYNCHRONOUS_RECV, GSK_PROTOCOL_SSLV3,
  GSK_PROTOCOL_SSLV3_OFF, GSK_PROTOCOL_TLSV10, GSK_PROTOCOL_TLSV11, GSK_SERVER_SESSION, GSK_SESSION_TYPE, QsoCreateIOCompletionPort,
  QsoDestroyIOCompletionPort, QsoWaitForIOCompletion, accept, closeSocket, errno, gskRef, gskUseBackend, gsk_attribute_set_buffer,
  gsk_attribute_set_enum, gsk_attribute_set_numeric_value, gsk_environment_close, gsk_environment_init, gsk_environment_open,
  gsk_secure_soc_close, gsk_secure_soc_init, gsk_secure_soc_open, gsk_secure_soc_startRecv, gsk_secure_soc_write, gsk_strerror, listenSocket,
  localPort, type Qso_OverlappedIO_t, type Timeval, type gsk_handle,
} from '@tlsport/gsk';
import { exampleBackend } from './backend.js';

const Success = 0;
const Failure = -1;

async function workerThread(ioCompPort: number): Promise<number> {
  const ioStruct: Qso_OverlappedIO_t = {};
  const amtWritten = gskRef<number>();
  /* Wait on the supplied I/O completion port for a client request. */
  const waitTime: Timeval = { tv_sec: 500, tv_usec: 0 };
  const rc = await QsoWaitForIOCompletion(ioCompPort, ioStruct, waitTime);
  if (!(rc === 1 && ioStruct.returnValue === GSK_OK && ioStruct.operationCompleted === GSKSECURESOCSTARTRECV)) {
    console.log('QsoWaitForIOCompletion() or gsk_secure_soc_startRecv() failed.');
    console.log(`rc == ${rc}, returnValue - ${ioStruct.returnValue ?? 0}, operationCompleted = ${ioStruct.operationCompleted ?? 0}, errno = ${errno}`);
    return Failure;
  }
  /* Obtain the session handle associated with the client connection. */
  const client_session_handle = ioStruct.descriptorHandle as gsk_handle;
  console.log(`gsk_secure_soc_startRecv() received ${ioStruct.secureDataTransferSize} bytes, here they are ...`);
  console.log(new TextDecoder().decode(ioStruct.buffer!.subarray(0, ioStruct.secureDataTransferSize)).trimEnd());
  /* write results to client */
  const written = await gsk_secure_soc_write(client_session_handle, ioStruct.buffer!, ioStruct.secureDataTransferSize!, amtWritten);
  if (written !== GSK_OK || amtWritten.value !== ioStruct.secureDataTransferSize) {
    console.log(`gsk_secure_soc_write() rc = ${written}: ${gsk_strerror(written)}`);
    return Failure;
  }
  return Success;
}

export async function main(args: readonly string[]): Promise<void> {
  gskUseBackend(await exampleBackend(args[0]));
  const my_env_handle = gskRef<gsk_handle>();
  const my_session_handle = gskRef<gsk_handle>();
  const buff = new Uint8Array(1024);
  const ioStruct: Qso_OverlappedIO_t = {};
  let ioCompPort = -1;
  let lsd = -1;
  let sd = -1;
  let successFlag = false;
  do {
    /* create an IO completion port. */
    ioCompPort = QsoCreateIOCompletionPort();
    /* create a worker thread to process all client requests. */
    const thr = workerThread(ioCompPort);
    /* open a gsk environment */
    let rc = gsk_environment_open(my_env_handle);
    if (rc !== GSK_OK) { console.log(`gsk_environment_open() failed with rc = ${rc}: ${gsk_strerror(rc)}`); break; }
    /* set the Application ID to use */
    rc = gsk_attribute_set_buffer(my_env_handle.value!, GSK_OS400_APPLICATION_ID, 'MY_SERVER_APP', 13);
    if (rc !== GSK_OK) { console.log(`gsk_attribute_set_buffer() failed with rc = ${rc}: ${gsk_strerror(rc)}`); break; }
    /* set this side as the server */
    rc = gsk_attribute_set_enum(my_env_handle.value!, GSK_SESSION_TYPE, GSK_SERVER_SESSION);
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
    /* socket(), setsockopt(SO_REUSEADDR), bind(), listen() */
    lsd = await listenSocket('127.0.0.1', Number(args[1] ?? 0));
    console.log(`listening on port ${localPort(lsd)}`);
    /* accept an incoming client connection */
    sd = await accept(lsd);
    /* open a secure session */
    rc = gsk_secure_soc_open(my_env_handle.value!, my_session_handle);
    if (rc !== GSK_OK) { console.log(`gsk_secure_soc_open() failed with rc = ${rc}: ${gsk_strerror(rc)}`); break; }
    /* associate our socket with the secure session */
    rc = gsk_attribute_set_numeric_value(my_session_handle.value!, GSK_FD, sd);
    if (rc !== GSK_OK) { console.log(`gsk_attribute_set_numeric_value() failed with rc = ${rc}: ${gsk_strerror(rc)}`); break; }
    /* initiate the SSL handshake */
    rc = await gsk_secure_soc_init(my_session_handle.value!);
    if (rc !== GSK_OK) { console.log(`gsk_secure_soc_init() failed with rc = ${rc}: ${gsk_strerror(rc)}`); break; }
    /* descriptorHandle is the secure session handle; issue the asynchronous receive */
    ioStruct.descriptorHandle = my_session_handle.value;
    ioStruct.buffer = buff;
    ioStruct.bufferLength = buff.length;
    rc = gsk_secure_soc_startRecv(my_session_handle.value!, ioCompPort, ioStruct);
    if (rc !== GSK_OS400_ASYNCHRONOUS_RECV) { console.log(`gsk_secure_soc_startRecv() rc = ${rc}: ${gsk_strerror(rc)}`); break; }
    /* Wait for worker thread to finish processing client connection. */
    const status = await thr;
    if (status === Success) {
      console.log('Success.');
      successFlag = true;
    } else {
      console.log('pthread_join() reported failure');
    }
  } while (false);
  /* disable the SSL session */
  if (my_session_handle.value !== undefined) await gsk_secure_soc_close(my_session_handle);
  /* disable the SSL environment */
  if (my_env_handle.value !== undefined) gsk_environment_close(my_env_handle);
  /* close the listening socket */
  if (lsd > -1) closeSocket(lsd);
  /* close the accepted socket */
  if (sd > -1) closeSocket(sd);
  /* destroy the completion port */
  if (ioCompPort > -1) QsoDestroyIOCompletionPort(ioCompPort);
  process.exitCode = successFlag ? 0 : 1;
}
