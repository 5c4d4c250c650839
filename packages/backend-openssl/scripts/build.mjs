// Builds the addon against the Node that runs this script: its headers (include/node, with
// openssl/ inside) and, at load time, the OpenSSL symbols its own binary exports. No system
// libssl, no download. Run by `npm install` (the package's install script).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const prefix = dirname(dirname(process.execPath));
const includeDir = join(prefix, 'include', 'node');

function fail(reason) {
  console.error(`@tlsport/backend-openssl: cannot build the native addon: ${reason}`);
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

let nodeGyp;
try {
  nodeGyp = createRequire(join(packageDir, 'package.json')).resolve('node-gyp/bin/node-gyp.js');
} catch {
  fail('node-gyp is not installed (it is a dependency of this package: run npm install)');
}

// Every `npm install` runs this: when build/ was made for this very node (binary, version and
// OpenSSL), an incremental `make` (a no-op if nothing changed) replaces the full rebuild.
const stampFile = join(packageDir, 'build', 'node-stamp.json');
const stamp = JSON.stringify({ execPath: process.execPath, node: process.version, openssl: process.versions.openssl });
const configured = existsSync(join(packageDir, 'build', 'Makefile')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp;
const gyp = spawnSync(process.execPath, [nodeGyp, configured ? 'build' : 'rebuild', `--nodedir=${prefix}`, '--jobs=max'], { cwd: packageDir, stdio: 'inherit' });
if (gyp.error !== undefined) fail(`could not run node-gyp: ${gyp.error.message}`);
if (gyp.status !== 0) fail(`node-gyp exited with ${gyp.status ?? gyp.signal} (compiler output above; needs python3, make and a C++17 compiler)`);

// Loading resolves every OpenSSL symbol now (the addon is linked with -z now), so a node binary
// that does not export one fails here, at install, rather than at first use.
const check = spawnSync(process.execPath, ['-e', `const a = require(${JSON.stringify(join(packageDir, 'build', 'Release', 'tlsport_openssl.node'))}); a.liveObjects();`], { stdio: 'inherit' });
if (check.status !== 0) fail(`the built addon does not load in ${process.execPath} (see the error above)`);
writeFileSync(stampFile, stamp);
