/**
 * The parity, hostile-peer, PKI and certificate-fault suites can write the docs tables they
 * prove (docs/parity*.md, docs/hostile-peers*.md, docs/pki-cases.md, docs/cert-faults.md). A plain
 * test run leaves the tree as it found it; `TLSPORT_WRITE_DOCS=1 npm test` (or `npm run
 * test:node -- 26` with it set, for that Node's tables) writes them.
 */
export function writesDocs(): boolean {
  return process.env.TLSPORT_WRITE_DOCS === '1';
}
