import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import ts from 'typescript';
import { REPO_ROOT } from '../support/repoRoot.js';

/** The READMEs whose TypeScript snippets users copy: the project's and each published package's. */
const READMES = ['README.md', ...['core', 'backend-node-tls', 'backend-openssl', 'backend-pure', 'store-redis', 'cli'].map((p) => `packages/${p}/README.md`)];

/** Every ```ts block of a Markdown file. */
function snippets(markdown: string): string[] {
  return [...markdown.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}

/**
 * Each README's ```ts blocks compile as written: each is its own ES module (imports included),
 * type-checked strictly against the packages' built declarations as a user's code would be.
 */
describe('README snippets', function () {
  this.timeout(120_000);
  const dir = join(REPO_ROOT, 'dist', 'readme-snippets');
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('every ```ts block in the READMEs type-checks on its own', () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const files: string[] = [];
    for (const readme of READMES) {
      snippets(readFileSync(join(REPO_ROOT, readme), 'utf8')).forEach((code, i) => {
        const file = join(dir, `${readme.replace(/\W+/g, '_')}_${i + 1}.mts`);
        writeFileSync(file, code);
        files.push(file);
      });
    }
    expect(files.length).to.be.greaterThan(5);
    const program = ts.createProgram(files, {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      types: ['node'],
      skipLibCheck: true,
    });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file === undefined ? '' : `${d.file.fileName.slice(dir.length + 1)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}: `;
      return where + ts.flattenDiagnosticMessageText(d.messageText, '\n');
    });
    expect(problems).to.deep.equal([]);
  });
});
