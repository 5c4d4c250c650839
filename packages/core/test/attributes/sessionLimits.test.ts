import { expect } from 'chai';
import { DEFAULT_MAX_BUFFERED_BYTES, MIN_MAX_BUFFERED_BYTES, resolveSessionLimits } from '../../src/attributes/sessionLimits.js';
import { GskError } from '../../src/gsk/GskError.js';
import { GskStatus } from '../../src/gsk/status.js';
import type { SecureAttributes } from '../../src/attributes/SecureAttributes.js';

describe('resolveSessionLimits', () => {
  it('defaults to a 1 MiB bound and no idle timeout', () => {
    expect(resolveSessionLimits({})).to.deep.equal({ maxBufferedBytes: DEFAULT_MAX_BUFFERED_BYTES, idleTimeoutMs: 0 });
    expect(DEFAULT_MAX_BUFFERED_BYTES).to.equal(1 << 20);
  });

  it('refuses values that are not numbers in range, naming the attribute', () => {
    const bad: [SecureAttributes, RegExp][] = [
      [{ maxBufferedBytes: MIN_MAX_BUFFERED_BYTES - 1 }, /maxBufferedBytes/],
      [{ maxBufferedBytes: 1.5e6 + 0.5 }, /maxBufferedBytes/],
      [{ maxBufferedBytes: '1048576' as unknown as number }, /maxBufferedBytes/],
      [{ idleTimeoutMs: -1 }, /idleTimeoutMs/],
      [{ idleTimeoutMs: Number.NaN }, /idleTimeoutMs/],
    ];
    for (const [attrs, name] of bad) {
      expect(() => resolveSessionLimits(attrs), JSON.stringify(attrs))
        .to.throw(GskError, name)
        .with.property('status', GskStatus.GSK_ATTRIBUTE_INVALID_NUMERIC_VALUE);
    }
    expect(resolveSessionLimits({ maxBufferedBytes: MIN_MAX_BUFFERED_BYTES, idleTimeoutMs: 250 })).to.deep.equal({ maxBufferedBytes: MIN_MAX_BUFFERED_BYTES, idleTimeoutMs: 250 });
  });
});
