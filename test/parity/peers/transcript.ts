import type { Child } from '@tlsport/testkit';

/** What an openssl process printed (stdout and stderr) from a mark on: one connection of a long-lived s_server. */
export class Transcript {
  private readonly from: number;

  constructor(private readonly child: Child) {
    this.from = child.output.length;
  }

  get text(): string {
    return this.child.output.slice(this.from);
  }

  /** Resolves with the first match of `pattern`; throws with the tail of the text if it does not appear in time. */
  async waitFor(pattern: RegExp, ms = 5000): Promise<RegExpExecArray> {
    const deadline = Date.now() + ms;
    for (;;) {
      const match = pattern.exec(this.text);
      if (match !== null) return match;
      if (Date.now() > deadline || this.child.exitedWith !== undefined) {
        throw new Error(`openssl printed no ${pattern}${this.child.exitedWith === undefined ? '' : ` (exited ${this.child.exitedWith})`}: …${tail(this.text)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

/** The last error-looking lines, for a short failure reason. */
function tail(text: string): string {
  const lines = text.split('\n').filter((l) => l.trim() !== '' && !/^\s{4}[0-9a-f]{2} /.test(l));
  return lines.slice(-4).join(' | ').slice(-400);
}
