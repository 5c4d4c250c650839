import { TestCa, type Issued } from '@tlsport/testkit';

/** A throwaway CA and a localhost leaf for one example run; `dispose` deletes them. */
export interface ExamplePki {
  ca: TestCa;
  leaf: Issued;
  dispose(): void;
}

export function examplePki(): ExamplePki {
  const ca = TestCa.root({ cn: 'tlsport example CA' });
  const leaf = ca.issue({ dns: ['localhost'], ips: ['127.0.0.1'] });
  return { ca, leaf, dispose: () => ca.dispose() };
}
