import { readFileSync } from 'node:fs';

/**
 * Where the time went in a V8 .cpuprofile (from `node --cpu-prof`): self time by function and by
 * source area (a package's src directory, node internals, native/GC), and each sample charged to
 * the innermost tlsport package function on its stack (so time spent in node:crypto shows up
 * under the backend function that asked for it). The top entries of each.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

function area(url: string, fn: string): string {
  if (url === '') return fn.startsWith('(') ? fn : '(native)';
  const pkg = /packages\/([^/]+)\/dist\/src\/([^/]+)/.exec(url);
  if (pkg !== null) return `${pkg[1]}/${pkg[2]!.replace(/\.js$/, '')}`;
  if (url.includes('/bench/dist/')) return 'bench';
  if (url.includes('node_modules/')) return url.slice(url.lastIndexOf('node_modules/') + 13).split('/').slice(0, 2).join('/');
  if (url.startsWith('node:')) return url;
  return url;
}

function summarize(file: string, top: number): void {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map<string, number>();
  const byArea = new Map<string, number>();
  const byPackageFrame = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const owner = innermostPackageFrame(id, byId, parent);
    byPackageFrame.set(owner, (byPackageFrame.get(owner) ?? 0) + us);
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const where = url === '' ? '' : ` ${url.replace(/^.*\/(packages|bench|node_modules)\//, '$1/')}:${lineNumber + 1}`;
    const fn = `${functionName || '(anonymous)'}${where}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
    const a = area(url, functionName);
    byArea.set(a, (byArea.get(a) ?? 0) + us);
  }
  const print = (title: string, map: Map<string, number>): void => {
    console.log(`  ${title}`);
    for (const [k, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`    ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`);
  };
  console.log(`${file}: ${(total / 1e6).toFixed(2)} s sampled`);
  print('self time by area', byArea);
  print('self time by function', byFunction);
  print('time charged to the innermost tlsport function on the stack', byPackageFrame);
}

function innermostPackageFrame(id: number, byId: Map<number, ProfileNode>, parent: Map<number, number>): string {
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const { functionName, url, lineNumber } = byId.get(at)!.callFrame;
    const inPackage = /packages\/([^/]+\/dist\/src\/.*)$/.exec(url);
    if (inPackage !== null) return `${functionName || '(anonymous)'} ${inPackage[1]}:${lineNumber + 1}`;
  }
  const { functionName } = byId.get(id)!.callFrame;
  return `(outside tlsport: ${functionName || 'anonymous'})`;
}

for (const file of process.argv.slice(2)) summarize(file, 15);
