import { createServer as httpServer } from 'node:http';
import { createServer as h2cServer } from 'node:http2';
import { expect } from 'chai';
import { launchChromium, spkiHash, type HeadlessChromium } from '@tlsport/testkit';
import { BACKEND_NAMES, facesPki, listen, type FacesPki } from './support/fixture.js';

/** The page each server serves: which backend and which ALPN protocol the server's socket negotiated. */
function page(backend: string, alpn: string | false | null): string {
  return `<!doctype html><title>tlsport</title><p id="served">served by ${backend} over ${String(alpn)}</p>`;
}

/**
 * A real browser against tlsport servers: headless Chromium (Debian's package, driven by
 * playwright-core) loads a page over https (HTTP/1.1) and over h2 from each backend, trusting the
 * test leaf by its SPKI hash. The page's content says what the server negotiated; the browser's
 * own navigation timing says which protocol it used.
 */
describe('faces: headless Chromium loads pages from tlsport servers', function () {
  this.timeout(60_000);
  let pki: FacesPki;
  let browser: HeadlessChromium;
  before(async () => {
    pki = facesPki();
    browser = await launchChromium({ trustSpki: [spkiHash(pki.leaf.cert)] });
  });
  after(async () => {
    await browser?.close();
    pki.dispose();
  });

  for (const backend of BACKEND_NAMES) {
    it(`${backend}: https with HTTP/1.1 and HTTP/2 (ALPN h2)`, async () => {
      const http1 = httpServer((req, res) => {
        res.setHeader('content-type', 'text/html');
        res.end(page(backend, (req.socket as unknown as { alpnProtocol: string | false }).alpnProtocol));
      });
      const h2 = h2cServer();
      h2.on('stream', (stream) => {
        stream.respond({ ':status': 200, 'content-type': 'text/html' });
        stream.end(page(backend, 'h2'));
      });
      const alpn: (string | false | null)[] = [];
      const one = await listen({ cert: pki.leaf.chain, key: pki.leaf.key, backend, ALPNProtocols: ['http/1.1'] }, (s) => http1.emit('connection', s));
      const two = await listen({ cert: pki.leaf.chain, key: pki.leaf.key, backend, ALPNProtocols: ['h2'] }, (s) => {
        alpn.push(s.alpnProtocol);
        h2.emit('connection', s);
      });
      const tab = await browser.context.newPage();
      for (const [port, expected] of [[one.port, 'http/1.1'], [two.port, 'h2']] as const) {
        const response = await tab.goto(`https://localhost:${port}/`);
        expect(response?.status()).to.equal(200);
        expect(await tab.textContent('#served')).to.equal(`served by ${backend} over ${expected}`);
        // Evaluated in the page (a DOM type Node's typings lack).
        const nextHop = await tab.evaluate<string>('performance.getEntriesByType("navigation")[0].nextHopProtocol');
        expect(nextHop).to.equal(expected);
        expect((await response!.securityDetails())?.protocol).to.equal('TLS 1.3');
      }
      expect(alpn[0]).to.equal('h2');
      await tab.close();
      h2.close();
      await one.close();
      await two.close();
    });
  }
});
