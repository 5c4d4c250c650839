/**
 * Runs one example by name: `npm run example -- NAME [args]` (after the build: node examples/dist/run.js NAME).
 * The process ends on its own when the example has released everything it opened.
 */
const EXAMPLES: Readonly<Record<string, () => Promise<{ main(args: readonly string[]): Promise<void> }>>> = {
  'ibmi-style': () => import('./ibmi-style.js'),
  'di-backend': () => import('./di-backend.js'),
  'cancel-handshake': () => import('./cancel-handshake.js'),
  'rx-echo': () => import('./rx-echo.js'),
  'gskit-async-handshake-server': () => import('./gskit-async-handshake-server.js'),
  'gskit-async-recv-server': () => import('./gskit-async-recv-server.js'),
  'gskit-client': () => import('./gskit-client.js'),
  'with-https': () => import('./with-https.js'),
  'with-fetch': () => import('./with-fetch.js'),
  'with-http2': () => import('./with-http2.js'),
  'with-ws': () => import('./with-ws.js'),
};

const [name, ...args] = process.argv.slice(2);
const load = name === undefined ? undefined : EXAMPLES[name];
if (load === undefined) {
  console.error(`usage: npm run example -- NAME [args]\nexamples: ${Object.keys(EXAMPLES).join(', ')}`);
  process.exitCode = 2;
} else {
  const { main } = await load();
  await main(args);
}
