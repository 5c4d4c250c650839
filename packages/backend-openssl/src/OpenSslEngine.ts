import { cancelledError, selectCertificate, TlsError, type CertificateKeyPair, type ContextConfig, type EngineSink, type SessionConfig, type TlsEngine, type TlsVersion } from '@tlsport/core/spi';
import { handshakeResult } from './handshakeResult.js';
import { addon, type NativeContext, type NativeEngine, type NativeOutcome } from './native.js';
import { engineOptions } from './nativeOptions.js';
import { configError, toTlsError } from './toTlsError.js';

/** What an engine takes from its context: the config and the pre-built certificate pairs in SSL_CTX order (the OpenSSL settings are in the SSL_CTX). */
export interface OpenSslContextParts {
  readonly config: ContextConfig;
  readonly pairs: readonly (CertificateKeyPair | undefined)[];
}

type Phase = 'created' | 'handshaking' | 'open' | 'ended';

/**
 * TlsEngine over one native SSL. Handshake steps run one at a time: the expensive ones (signing,
 * verifying, key exchange) on the libuv pool, the cheap ones inline (the addon learns which is
 * which); ciphertext arriving during a pool step is queued and fed to the next step. Once the
 * handshake is done, records are read and written on the calling thread: SSL_read/SSL_write of a
 * record cost microseconds, less than a hop to the pool and back.
 */
export class OpenSslEngine implements TlsEngine {
  private readonly native: NativeEngine;
  private readonly queued: Uint8Array[] = [];
  /** The handshake just completed and input queued during it is still being read (completeHandshake). */
  private catchingUp = false;
  /** A pool step is running; resolves when its outcome arrives. */
  private step: Promise<void> | undefined;
  private stepArrived: (() => void) | undefined;
  /** The pool's completion callback, made once (not per step). */
  private readonly onPoolStep = (outcome: NativeOutcome): void => {
    const arrived = this.stepArrived;
    this.step = undefined;
    this.stepArrived = undefined;
    arrived?.();
    this.settleStep(outcome);
  };
  /**
   * A step's outcome is being delivered. Its sink calls may come straight back into receive()
   * (a transport that answers synchronously, such as a memory pipe to a synchronous peer); that
   * input is queued for afterStep to pick up instead of starting a step the outcome does not expect.
   */
  private settlingStep = false;
  private phase: Phase = 'created';
  private version: TlsVersion | undefined;
  private failure: TlsError | undefined;
  private closeRequested = false;
  private closeSent = false;
  private peerHasClosed = false;
  private destroyed: Promise<void> | undefined;

  private readonly role: 'client' | 'server';

  constructor(
    context: NativeContext,
    private readonly parts: OpenSslContextParts,
    session: SessionConfig,
    private readonly sink: EngineSink,
  ) {
    this.role = parts.config.role;
    const server = this.role === 'server';
    const chooseCertificate = server && parts.config.sniCertificates.size > 0;
    try {
      this.native = new addon.Engine(context, engineOptions(server, session, chooseCertificate));
    } catch (error) {
      throw configError(error);
    }
  }

  start(): void {
    if (this.phase !== 'created') return;
    this.phase = 'handshaking';
    if (this.role === 'client' || this.queued.length > 0) this.runStep();
  }

  receive(ciphertext: Uint8Array): void {
    if (this.phase === 'ended' || this.peerHasClosed || ciphertext.length === 0) return;
    if (this.phase === 'open' && !this.catchingUp) {
      this.absorb(this.native.read(ciphertext));
      return;
    }
    if (this.phase === 'handshaking' && this.step === undefined && !this.settlingStep) {
      this.queued.push(ciphertext);
      this.runStep();  // copies it into the read BIO now
      return;
    }
    // Held until the running step is over: a copy, since the caller may reuse its buffer.
    this.queued.push(Uint8Array.from(ciphertext));
  }

  /** Resolves once every byte given to receive() so far has been through OpenSSL (steps chain). */
  async receiveEnd(): Promise<void> {
    while (this.step !== undefined) await this.step;
  }

  send(data: Uint8Array, written: (error?: TlsError) => void): void {
    const refusal = this.sendRefusal();
    if (refusal !== undefined) {
      written(refusal);
      return;
    }
    if (data.length === 0) {
      written();
      return;
    }
    const outcome = this.native.write(data);
    this.emitOutput(outcome);
    if (outcome.state === 'failed') {
      const error = toTlsError(outcome);
      written(error);
      this.fail(error);
      return;
    }
    written();
  }

  exportKeyingMaterial(length: number, label: string, context: Uint8Array | undefined): Uint8Array {
    if (this.phase !== 'open') throw this.failure ?? new TlsError('internal', 'keying material needs a completed handshake', { alert: undefined });
    return this.native.exportKeyingMaterial(length, label, context);
  }

  /** Input held back while a pool step runs; OpenSSL's own partial record (one at most) is not visible here. */
  bufferedBytes(): number {
    let n = 0;
    for (const chunk of this.queued) n += chunk.length;
    return n;
  }

  keyUpdate(requestPeer: boolean): void {
    if (this.phase !== 'open') throw this.failure ?? new TlsError('unsupported', 'KeyUpdate before the handshake completed');
    if (this.version !== 'TLSv1.3') throw new TlsError('unsupported', 'KeyUpdate exists in TLS 1.3 only (RFC 8446 §4.6.3)');
    this.absorb(this.native.keyUpdate(requestPeer));
  }

  closeNotify(): void {
    if (this.closeSent || this.phase === 'ended') return;
    if (this.phase !== 'open') {
      this.closeRequested = true;  // sent once the handshake completes
      return;
    }
    this.closeSent = true;
    this.absorb(this.native.shutdown());
  }

  destroy(): Promise<void> {
    this.destroyed ??= (async () => {
      this.phase = 'ended';
      this.queued.length = 0;
      // A running step cannot be stopped: wait for it, then free (its late result is dropped).
      await this.step;
      this.native.free();
    })();
    return this.destroyed;
  }

  private sendRefusal(): TlsError | undefined {
    if (this.destroyed !== undefined) return cancelledError('the engine is destroyed');
    if (this.failure !== undefined) return this.failure;
    if (this.closeSent || this.closeRequested) return new TlsError('peer-closed', 'close_notify already sent', { alert: undefined });
    if (this.phase !== 'open') return new TlsError('unsupported', 'send() before the handshake completed', { alert: undefined });
    return undefined;
  }

  private runStep(): void {
    if (this.phase === 'ended') return;
    const inline = this.native.handshake(this.queued.splice(0), this.onPoolStep);
    if (inline === undefined) {
      this.step = new Promise((resolve) => { this.stepArrived = resolve; });
      return;
    }
    this.settleStep(inline);
  }

  private settleStep(outcome: NativeOutcome): void {
    if (this.phase === 'ended') return;
    // An inline step may settle inside an outer step's settling (a synchronous peer): restore.
    const outer = this.settlingStep;
    this.settlingStep = true;
    try {
      this.afterStep(outcome);
    } finally {
      this.settlingStep = outer;
    }
  }

  private afterStep(outcome: NativeOutcome): void {
    this.emitOutput(outcome);
    // A session is handed out after handshakeComplete (TLS 1.2 tickets arrive before Finished).
    if (outcome.state !== 'done') this.emitSessions(outcome);
    switch (outcome.state) {
      case 'failed':
        this.fail(toTlsError(outcome));
        return;
      case 'choose-certificate':
        this.chooseCertificate(outcome.servername);
        return;
      case 'want-input':
        if (this.queued.length > 0) this.runStep();
        return;
      case 'done':
        this.completeHandshake(outcome);
        return;
    }
  }

  /** Server with SNI certificates: core's selector picks, the worker never calls into JS. */
  private chooseCertificate(servername: string | undefined): void {
    const pair = selectCertificate(this.parts.config, servername);
    const index = pair === undefined ? 0 : Math.max(0, this.parts.pairs.indexOf(pair));
    this.native.chooseCertificate(index);
    this.runStep();
  }

  private completeHandshake(outcome: NativeOutcome): void {
    let result;
    try {
      if (outcome.info === undefined) throw new TlsError('internal', 'the addon completed a handshake without its summary');
      result = handshakeResult(outcome.info);
    } catch (error) {
      this.fail(configError(error));
      return;
    }
    this.phase = 'open';
    this.version = result.version;
    // Until the records of the last flight and those queued during the step are read, new input
    // queues behind them: a sink callback below may pull the next chunk from the transport at once.
    this.catchingUp = true;
    try {
      this.sink.handshakeComplete(result);
      if (this.phase !== 'open') return;  // the sink destroyed or failed us
      this.emitSessions(outcome);
      if (outcome.records !== undefined) this.absorb(outcome.records);
      for (let chunk = this.queued.shift(); chunk !== undefined; chunk = this.queued.shift()) {
        if (this.phase !== 'open' || this.peerHasClosed) break;
        this.absorb(this.native.read(chunk));
      }
    } finally {
      this.catchingUp = false;
    }
    if (this.closeRequested && this.phase === 'open') this.closeNotify();
  }

  /** Delivers what a main-thread read/keyUpdate/shutdown produced. */
  private absorb(outcome: NativeOutcome): void {
    this.emitOutput(outcome);
    if (outcome.plaintext !== undefined) this.sink.plaintext(outcome.plaintext);
    this.emitSessions(outcome);
    if (outcome.state === 'failed') {
      this.fail(toTlsError(outcome));
    } else if (outcome.peerClosed === true && !this.peerHasClosed) {
      this.peerHasClosed = true;
      this.sink.peerClosed();
    }
  }

  private emitOutput(outcome: NativeOutcome): void {
    if (outcome.output !== undefined) this.sink.transmit(outcome.output);
    for (const line of outcome.keylog ?? []) this.sink.keylog(line);
  }

  private emitSessions(outcome: NativeOutcome): void {
    for (const session of outcome.sessions ?? []) this.sink.session(session);
  }

  private fail(error: TlsError): void {
    if (this.phase === 'ended') return;
    this.phase = 'ended';
    this.failure = error;
    this.sink.failed(error);
  }
}
