import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { expect } from 'chai';
import { BACKEND_PACKAGES } from '@tlsport/core';
import { REPO_ROOT } from '../support/repoRoot.js';
import { tlsport } from '../support/tlsportCli.js';

/** The files a compiled module imports statically, followed through relative imports. */
function staticImports(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    // Only static `import … from` / `export … from` / `import '…'`: an `await import()` is lazy.
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/^(?:import|export)\s(?:[^'";]*?\sfrom\s)?['"]([^'"]+)['"]/gm)) {
      if (specifier!.startsWith('.')) visit(resolve(dirname(file), specifier!));
      else packages.add(specifier!);
    }
  };
  visit(entry);
  return { files: [...files], packages: [...packages] };
}

/** `tlsport -help` starts at Node's own speed: nothing but the option tables loads before a command runs. */
describe('tlsport -help', function () {
  this.timeout(30_000);

  it('the entry point loads no package at start-up, only node: built-ins and the option tables', () => {
    const graph = staticImports(join(REPO_ROOT, 'packages/cli/dist/src/bin.js'));
    expect(graph.packages.filter((name) => !name.startsWith('node:'))).to.deep.equal([]);
    expect(graph.files.map((f) => f.slice(f.indexOf('dist/src/') + 9)).sort()).to.deep.equal([
      'args/parseArgs.js', 'bin.js', 'client/options.js', 'demo/options.js', 'main.js', 'server/options.js', 'tlsOptions.js',
    ]);
  });

  it('the -backend help names exactly the backends core knows (the CLI spells them out so -help loads no core)', async () => {
    const r = await tlsport(['s_client', '-help']);
    expect(r.stdout).to.include(`TLS engine: ${Object.keys(BACKEND_PACKAGES).join(', ')} (default node-tls)`);
  });

  for (const command of ['s_client', 's_server', 'demo']) {
    it(`${command} -help lists its options and exits 0`, async () => {
      const r = await tlsport([command, '-help']);
      expect(r.code).to.equal(0);
      expect(r.stdout).to.match(new RegExp(`^usage: tlsport ${command} \\[options\\]\\n`));
      expect(r.stdout).to.include('  -backend ');
    });
  }

  it('demo -backend runs only the named backends', async () => {
    const r = await tlsport(['demo', '-backend', 'pure'], '', 50_000);
    expect(r.code, r.stdout + r.stderr).to.equal(0);
    expect(r.stdout).to.include('backends: pure\n').and.include('servers: pure on 127.0.0.1:');
    expect(r.stdout).to.match(/^2 connections, 0 failures, \d+\.\d s$/m);
  });

  it('demo -backend with an unknown name fails with the reason', async () => {
    const r = await tlsport(['demo', '-backend', 'gnutls']);
    expect(r.code).to.equal(1);
    expect(r.stderr).to.match(/^FAILED GSK_API_NOT_AVAILABLE \(2\): unknown backend "gnutls"/);
  });
});
