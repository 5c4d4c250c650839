import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { Child, killChildren, run } from '../src/index.js';

/** `node -e script`: a portable child with known output. */
function node(script: string, options: { cwd?: string } = {}): Child {
  return new Child(process.execPath, ['-e', script], options);
}

describe('Child', () => {
  after(() => killChildren());

  it('collects stdout and stderr apart, and both in arrival order', async () => {
    const child = node(`process.stdout.write('one\\n'); setTimeout(() => { process.stderr.write('two\\n'); setTimeout(() => process.stdout.write('three\\n'), 50); }, 50);`);
    expect(await child.exitCode()).to.equal(0);
    expect(child.stdout).to.equal('one\nthree\n');
    expect(child.stderr).to.equal('two\n');
    expect(child.output).to.equal('one\ntwo\nthree\n');
  });

  it('waitFor resolves with the match on the stream asked for', async () => {
    const child = node(`process.stderr.write('port=1234\\n'); process.stdin.resume();`);
    const match = await child.waitFor(/port=(\d+)/, 'stderr');
    expect(match[1]).to.equal('1234');
    expect((await child.waitFor(/port=(\d+)/, 'output'))[1]).to.equal('1234');
    await child.kill();
    expect(child.exitedWith).to.equal(null);
  });

  it('waitFor rejects with what was seen when the process exits first', async () => {
    const child = node(`console.log('bye'); console.error('oops');`);
    try {
      await child.waitFor(/never/, 'stdout', 5000);
      expect.fail('waitFor resolved');
    } catch (error) {
      expect((error as Error).message).to.match(/before exit 0/).and.match(/stdout: bye/).and.match(/stderr: oops/);
    }
  });

  it('waitFor rejects after its time limit while the process still runs', async () => {
    const child = node(`setInterval(() => {}, 1000);`);
    const started = Date.now();
    try {
      await child.waitFor(/never/, 'stdout', 100);
      expect.fail('waitFor resolved');
    } catch (error) {
      expect((error as Error).message).to.match(/within 100 ms/);
    }
    expect(Date.now() - started).to.be.lessThan(2000);
    expect(child.exitedWith).to.equal(undefined);
    await child.kill();
  });

  it('exitCode kills a process that does not exit in time', async () => {
    const child = node(`setInterval(() => {}, 1000);`);
    try {
      await child.exitCode(100);
      expect.fail('exitCode resolved');
    } catch (error) {
      expect((error as Error).message).to.match(/did not exit within 100 ms/);
    }
    expect(child.exitedWith).to.equal(null);
  });

  it('write and end feed stdin', async () => {
    const child = node(`process.stdin.setEncoding('utf8').on('data', (s) => process.stdout.write(s.toUpperCase()));`);
    child.write('abc\n');
    await child.waitFor(/^ABC$/m);
    child.end('def\n');
    expect(await child.exitCode()).to.equal(0);
    expect(child.stdout).to.equal('ABC\nDEF\n');
    expect(child.pid).to.be.a('number');
  });

  it('killChildren kills every child still running', async () => {
    const children = [node(`setInterval(() => {}, 1000);`), node(`setInterval(() => {}, 1000);`)];
    await killChildren();
    expect(children.map((c) => c.exitedWith)).to.deep.equal([null, null]);
  });

  it('runs in process.cwd() unless told otherwise', async () => {
    const dir = realpathSync(mkdtempSync(join(tmpdir(), 'tlsport-child-')));
    try {
      expect((await run(process.execPath, ['-e', 'console.log(process.cwd())'])).stdout.trim()).to.equal(process.cwd());
      expect((await run(process.execPath, ['-e', 'console.log(process.cwd())'], '', 10_000, { cwd: dir })).stdout.trim()).to.equal(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('run feeds input and returns code and output', async () => {
    const r = await run(process.execPath, ['-e', `process.stdin.setEncoding('utf8').on('data', (s) => console.error(s.trim())).on('end', () => process.exit(3));`], 'fed\n');
    expect(r).to.deep.equal({ code: 3, stdout: '', stderr: 'fed\n' });
  });
});
