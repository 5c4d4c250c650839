import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { TlsBackend } from '@tlsport/core';
import { CERT_FAULTS } from './cases.js';
import { FaultHierarchy } from './hierarchy.js';
import { runCertFault } from './run.js';
import { renderDocument, type CertFaultRow } from './table.js';

export const DOC_PATH = new URL('../../../docs/cert-faults.md', import.meta.url).pathname;

/** Every fault on every backend, on a freshly generated hierarchy. */
export async function certFaultTable(backends: readonly TlsBackend[]): Promise<CertFaultRow[]> {
  const h = new FaultHierarchy();
  try {
    const rows: CertFaultRow[] = [];
    for (const fault of CERT_FAULTS) {
      const results = [];
      for (const backend of backends) results.push(await runCertFault(fault, backend, backends, h));
      rows.push({ fault, results });
    }
    return rows;
  } finally {
    h.dispose();
  }
}

export function writeCertFaultDocument(rows: readonly CertFaultRow[], backends: readonly string[]): void {
  mkdirSync(dirname(DOC_PATH), { recursive: true });
  writeFileSync(DOC_PATH, renderDocument(rows, backends));
}
