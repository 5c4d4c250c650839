// Builds the addon against the Node that runs this script: its headers (include/node, with
// openssl/ inside) and, at load time, the OpenSSL symbols its own binary exports. No system
// libssl, no download. Run by `npm install` (the package's install script) and `npm rebuild`.
//
// Each Node ABI + OpenSSL version gets its own build folder, build/<key>/ (key as in
// src/native.ts: node-abi<modules>-openssl<version>), so Node 20, 24 and 26 keep their builds
// side by side and switching between them rebuilds nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const prefix = dirname(dirname(process.execPath));
const includeDir = join(prefix, 'include', 'node');
const key = `node-abi${process.versions.modules}-openssl${process.versions.openssl}`;
const buildDir = join(packageDir, 'build', key);
const addonFile = join(buildDir, 'build', 'Release', 'tlsport_openssl.node');

function fail(reason) {
  console.error(`@tlsport/backend-openssl: cannot build the native addon for node ${process.version}: ${reason}`);
  console.error('@tlsport/backend-openssl: the other tlsport backends work without it; fix the cause, then run `npm rebuild @tlsport/backend-openssl`');
  process.exit(1);
}

if (process.config.variables.node_shared_openssl) {
  fail(`this node (${process.execPath}) links a shared system OpenSSL instead of exporting its own; the addon resolves OpenSSL from the node binary`);
}
for (const header of ['node_api.h', join('openssl', 'ssl.h')]) {
  if (!existsSync(join(includeDir, header))) {
    fail(`${join(includeDir, header)} is missing: install this node's headers (the addon uses the OpenSSL headers Node ships under <prefix>/include/node)`);
  }
}

const packageRequire = createRequire(join(packageDir, 'package.json'));
let nodeGyp;
let addonApiInclude;
try {
  nodeGyp = packageRequire.resolve('node-gyp/bin/node-gyp.js');
  addonApiInclude = packageRequire('node-addon-api').include_dir;
  // node-addon-api gives it relative to the working directory; build/<key>/ needs it absolute.
  addonApiInclude = resolve(addonApiInclude);
} catch {
  fail('node-gyp or node-addon-api is not installed (both are dependencies of this package: run npm install)');
}

// The package's binding.gyp, re-rooted in build/<key>/: node-gyp always builds into ./build of
// the folder holding binding.gyp, so that folder is the per-version one.
mkdirSync(buildDir, { recursive: true });
const binding = JSON.parse(readFileSync(join(packageDir, 'binding.gyp'), 'utf8'));
for (const target of binding.targets) {
  target.sources = target.sources.map((source) => relative(buildDir, join(packageDir, source)));
  target.include_dirs = [addonApiInclude];
}
const gypFile = join(buildDir, 'binding.gyp');
const gypText = JSON.stringify(binding, null, 2);
if (!existsSync(gypFile) || readFileSync(gypFile, 'utf8') !== gypText) writeFileSync(gypFile, gypText);

// When this folder was configured for this very node (binary, version and OpenSSL), an
// incremental `make` (a no-op if nothing changed) replaces the full rebuild.
const stampFile = join(buildDir, 'node-stamp.json');
const stamp = JSON.stringify({ execPath: process.execPath, node: process.version, openssl: process.versions.openssl, gyp: gypText.length });
const configured = existsSync(join(buildDir, 'build', 'Makefile')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp;
const gyp = spawnSync(process.execPath, [nodeGyp, configured ? 'build' : 'rebuild', `--nodedir=${prefix}`, '--jobs=max'], { cwd: buildDir, stdio: 'inherit' });
if (gyp.error !== undefined) fail(`could not run node-gyp: ${gyp.error.message}`);
if (gyp.status !== 0) fail(`node-gyp exited with ${gyp.status ?? gyp.signal} (compiler output above; needs python3, make and a C++17 compiler)`);

// Loading resolves every OpenSSL symbol now (the addon is linked with -z now), so a node binary
// that does not export one fails here, at install, rather than at first use.
const check = spawnSync(process.execPath, ['-e', `const a = require(${JSON.stringify(addonFile)}); a.liveObjects();`], { stdio: 'inherit' });
if (check.status !== 0) fail(`the built addon does not load in ${process.execPath} (see the error above)`);
writeFileSync(stampFile, stamp);
console.log(`@tlsport/backend-openssl: addon built for node ${process.version} (OpenSSL ${process.versions.openssl}): ${relative(packageDir, addonFile)}`);
