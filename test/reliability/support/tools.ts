/**
 * The root tool projects (fuzz/, reliability/) compile to their own dist folders, which sit at a
 * different depth from this test's output: their modules are loaded by path from the repository
 * root, with their types taken from the declarations.
 */
const ROOT = new URL('../../../../', import.meta.url);

export type FuzzRegressions = typeof import('../../../fuzz/dist/regressions.js');
export type FuzzTargets = typeof import('../../../fuzz/dist/targets.js');
export type FuzzCorpus = typeof import('../../../fuzz/dist/corpus.js');
export type FuzzCampaign = typeof import('../../../fuzz/dist/campaign.js');
export type Torture = typeof import('../../../reliability/dist/torture.js');
export type CertFaultDocument = typeof import('../../../reliability/dist/certFaults/document.js');
export type CertFaultRun = typeof import('../../../reliability/dist/certFaults/run.js');
export type CertFaultTable = typeof import('../../../reliability/dist/certFaults/table.js');
export type Resources = typeof import('../../../reliability/dist/resources.js');

export function toolModule<T>(path: string): Promise<T> {
  return import(new URL(path, ROOT).href) as Promise<T>;
}
