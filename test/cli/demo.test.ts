import { expect } from 'chai';
import { installedBackends } from '@tlsport/core';
import { tlsport } from '../support/tlsportCli.js';

/** `tlsport demo` (what `npm start` runs): every installed backend against every other, in seconds. */
describe('tlsport demo', function () {
  this.timeout(60_000);

  it('runs every installed client backend against every server backend in TLS 1.3 and 1.2, cancels a handshake on each, exits 0', async () => {
    const names = await installedBackends();
    const started = Date.now();
    const r = await tlsport(['demo'], '', 50_000);
    expect(r.code, r.stdout + r.stderr).to.equal(0);
    expect(Date.now() - started).to.be.below(30_000);
    expect(r.stdout).to.include(`backends: ${names.join(', ')}\n`);
    const rows = r.stdout.split('\n').filter((line) => /^\S+\s+\S+\s+TLSv1\.[23]\s/.test(line));
    expect(rows).to.have.length(names.length * names.length * 2);
    for (const client of names) {
      for (const server of names) {
        for (const version of ['TLSv1.3', 'TLSv1.2']) {
          const row = rows.find((line) => new RegExp(`^${client}\\s+${server}\\s+${version}\\s`).test(line));
          expect(row, `${client} -> ${server} ${version}`).to.match(/\sTLS_\w+\s+(X25519MLKEM768|x25519|secp256r1|secp384r1)\s+\d+\.\d\s+ok$/);
        }
      }
      expect(r.stdout).to.match(new RegExp(`^  ${client}: pending=true cancelOperation -> 1; port: StartInit GSK_TLSPORT_ERROR_CANCELLED errno=ECANCELED; pending now=false, session closed$`, 'm'));
    }
    expect(r.stdout).to.match(new RegExp(`^${rows.length} connections, 0 failures, \\d+\\.\\d s$`, 'm'));
  });
});
