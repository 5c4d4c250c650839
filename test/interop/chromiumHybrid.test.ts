import { expect } from 'chai';
import type { Socket } from 'node:net';
import { CompletionPort, GskStatus, Listener, SecureEnvironment, type Negotiated } from '@tlsport/core';
import { PureBackend } from '@tlsport/backend-pure';
import { launchChromium, spkiHash, type HeadlessChromium } from '@tlsport/testkit';
import { interopPki, type InteropPki } from '../support/interopPki.js';

const WAIT_MS = 20_000;

/**
 * One HTTPS exchange on an accepted socket: handshake, read the request head, answer with the
 * group the pure server negotiated, close. Resolves with what was negotiated (undefined when the
 * browser dropped the connection, e.g. a speculative preconnect it never used).
 */
async function serveOne(env: SecureEnvironment, socket: Socket): Promise<Negotiated | undefined> {
  const session = env.openSession(socket, {}, { ownsSocket: true });
  const cp = CompletionPort.create();
  try {
    session.startInit(cp, {});
    const init = await cp.wait(WAIT_MS);
    if (init?.returnValue !== GskStatus.GSK_OK) return undefined;
    let request = '';
    while (!request.includes('\r\n\r\n') && request.length < 16_384) {
      session.startRecv(cp, { buffer: new Uint8Array(4096), postFlag: true });
      const c = await cp.wait(WAIT_MS);
      if (c?.returnValue !== GskStatus.GSK_OK) return session.negotiated;
      request += new TextDecoder().decode(c.buffer!.subarray(0, c.secureDataTransferSize));
    }
    const body = `group=${session.negotiated!.group}`;
    const response = `HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`;
    session.startSend(cp, { buffer: new TextEncoder().encode(response), postFlag: true });
    await cp.wait(WAIT_MS);
    await session.shutdown().catch(() => undefined);
    return session.negotiated;
  } finally {
    await session.close();
    cp.destroy();
  }
}

/** Accepts until the listener closes; every connection is served concurrently. */
function serve(env: SecureEnvironment, listener: Listener, served: Promise<Negotiated | undefined>[]): Promise<void> {
  const cp = CompletionPort.create();
  const loop = async (): Promise<void> => {
    for (;;) {
      if (listener.startAccept(cp, {}) !== GskStatus.GSK_OK) return;
      const accepted = await cp.wait();
      if (accepted === null || accepted.returnValue !== GskStatus.GSK_OK) return;
      served.push(serveOne(env, accepted.socket as Socket));
    }
  };
  return loop().finally(() => cp.destroy());
}

/** Headless Chromium (Debian's chromium, default settings) against a pure server: the browser's own hybrid. */
describe('interop: headless Chromium -> pure server', function () {
  this.timeout(90_000);
  let pki: InteropPki;
  let browser: HeadlessChromium | undefined;

  before(() => {
    pki = interopPki();
  });
  after(async () => {
    await browser?.close();
    pki.dispose();
  });

  it('completes a handshake; the server reports X25519MLKEM768, Chromium\'s default first group', async () => {
    const env = await SecureEnvironment.open(new PureBackend(), { role: 'server', cert: pki.ecdsa.chain, key: pki.ecdsa.key });
    const listener = await Listener.listen({ host: '127.0.0.1' });
    const served: Promise<Negotiated | undefined>[] = [];
    const accepting = serve(env, listener, served);
    try {
      browser = await launchChromium({ trustSpki: [spkiHash(pki.ecdsa.cert)] });
      const page = await browser.context.newPage();
      const response = await page.goto(`https://127.0.0.1:${listener.port}/`, { timeout: WAIT_MS });
      expect(response?.status()).to.equal(200);
      expect(await response!.text()).to.equal('group=X25519MLKEM768');
      const security = await response!.securityDetails();
      expect(security?.protocol).to.equal('TLS 1.3');
      // Closing the browser ends any connection it opened speculatively and never used.
      await browser.close();
      browser = undefined;
      const negotiated = (await Promise.all(served)).filter((n) => n !== undefined);
      expect(negotiated.length).to.be.at.least(1);
      expect(negotiated.map((n) => n.group)).to.include('X25519MLKEM768');
      expect(negotiated.every((n) => n.group === 'X25519MLKEM768' && n.version === 'TLSv1.3')).to.equal(true);
    } finally {
      await browser?.close();
      browser = undefined;
      await listener.close();
      await accepting;
      await Promise.allSettled(served);
      await env.close();
    }
  });
});
