import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Core's folders are its layers, bottom up (docs/design.md "Layers, bottom up"): an import may go to its own
 * layer or one below, never up. Files at the root of src (index.ts, spi.ts) are the package's faces.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['gsk', 'tls'], // statuses, alerts, faults, suites: the shared vocabulary
  ['transport'], // where ciphertext flows
  ['stores'], // ticket keys and the TLS 1.2 session cache, behind SPIs
  ['engine'], // the backend SPI and what it carries
  ['attributes'], // user settings resolved into engine and session configuration
  ['port'], // completion port, operations, their registry, the listener
  ['reactive'], // streams over any OperationSource
  ['session'], // environments and sessions
  ['di'],
  ['faces'], // node:tls-shaped sockets, servers and agents over sessions
];

const SRC = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src');

function layerOf(folder: string): number {
  const rank = LAYERS.findIndex((layer) => layer.includes(folder));
  if (rank < 0) throw new Error(`src/${folder}/ has no layer: add it to LAYERS in packages/core/test/layers.test.ts`);
  return rank;
}

/** The top folder of a path relative to src ('' for a file at the root). */
function folderOf(path: string): string {
  const parts = path.split(sep);
  return parts.length > 1 ? parts[0]! : '';
}

/** Relative module specifiers a source file imports or re-exports. */
export function importsOf(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/(?:import|export)\s[^'";]*?from\s+'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)/g)) {
    found.push((match[1] ?? match[2])!);
  }
  return found;
}

/** The imports of `file` (relative to src) that go up the layers, as "from -> to" lines. */
export function upwardImports(file: string, source: string): string[] {
  const from = folderOf(file);
  if (from === '') return [];
  const rank = layerOf(from);
  return importsOf(source)
    .map((specifier) => relative(SRC, join(SRC, dirname(file), specifier)))
    .filter((target) => folderOf(target) !== '' && layerOf(folderOf(target)) > rank)
    .map((target) => `${file} -> ${target}`);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [relative(SRC, path)] : [];
  });
}

describe('core layers', () => {
  it('every import in packages/core/src goes to its own layer or one below', () => {
    const files = sourceFiles(SRC);
    expect(files.length).to.be.greaterThan(30);
    const upward = files.flatMap((file) => upwardImports(file, readFileSync(join(SRC, file), 'utf8')));
    expect(upward, upward.join('\n')).to.deep.equal([]);
  });

  it('flags an import against the layer order, and a folder with no layer', () => {
    expect(upwardImports(join('port', 'Operation.ts'), "import type { SecureSession } from '../session/SecureSession.js';")).to.deep.equal([
      `${join('port', 'Operation.ts')} -> ${join('session', 'SecureSession.js')}`,
    ]);
    expect(upwardImports(join('reactive', 'x.ts'), "export { y } from '../session/y.js';\nconst z = await import('../di/z.js');")).to.have.length(2);
    expect(upwardImports(join('session', 'x.ts'), "import { Fifo } from '../port/Fifo.js';\nimport { a } from './a.js';")).to.deep.equal([]);
    expect(() => upwardImports(join('nowhere', 'x.ts'), '')).to.throw(/has no layer/);
  });
});
