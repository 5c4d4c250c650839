import { TlsError } from '../tls/TlsError.js';
import type { EngineSink, TlsEngine } from './spi.js';

/** TLSPlaintext.type values (RFC 8446 §5.1, RFC 5246 §6.2.1): change_cipher_spec, alert, handshake, application_data. */
const TLS_CONTENT_TYPES: ReadonlySet<number> = new Set([20, 21, 22, 23]);
const SHOWN_BYTES = 24;

/** The peer's first bytes as readable text, for the error detail ("HTTP/1.1 400 Bad Request"). */
function shown(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, SHOWN_BYTES)).toString('latin1');
  return JSON.stringify(head.replace(/[^\x20-\x7e]/g, '.'));
}

/**
 * A client engine behind a check of the server's first byte: a server that answers in plain HTTP
 * (or anything else that is not a TLS record) is reported the same way on every backend, as a
 * bad message naming what arrived, instead of each engine's own reading of "HTTP/1.1" as a record
 * header (OpenSSL: wrong version number; pure: unknown content type). No alert is sent: the peer
 * does not speak TLS.
 */
export class TlsPeerCheck implements TlsEngine {
  private checked = false;
  private refused = false;
  /** Present only when the inner engine has it: the session treats engines without it as synchronous. */
  readonly receiveEnd: (() => Promise<void>) | undefined;
  /** Present only when the inner engine has it: the session reports engines without it as unsupported. */
  readonly exportKeyingMaterial: ((length: number, label: string, context: Uint8Array | undefined) => Uint8Array) | undefined;

  constructor(private readonly inner: TlsEngine, private readonly sink: EngineSink) {
    this.receiveEnd = inner.receiveEnd === undefined ? undefined : () => inner.receiveEnd!();
    this.exportKeyingMaterial = inner.exportKeyingMaterial === undefined ? undefined : (length, label, context) => inner.exportKeyingMaterial!(length, label, context);
  }

  start(): void {
    this.inner.start();
  }

  receive(ciphertext: Uint8Array): void {
    if (this.refused) return;
    if (!this.checked && ciphertext.length > 0) {
      this.checked = true;
      if (!TLS_CONTENT_TYPES.has(ciphertext[0]!)) {
        this.refused = true;
        this.sink.failed(new TlsError('bad-message', `the server does not speak TLS: it answered ${shown(ciphertext)}`, { alert: undefined }));
        return;
      }
    }
    this.inner.receive(ciphertext);
  }

  send(data: Uint8Array, written: (error?: TlsError) => void): void {
    this.inner.send(data, written);
  }

  keyUpdate(requestPeer: boolean): void {
    this.inner.keyUpdate(requestPeer);
  }

  bufferedBytes(): number {
    return this.inner.bufferedBytes();
  }

  closeNotify(): void {
    this.inner.closeNotify();
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}
