import { expect } from 'chai';
import { GskError } from '../../src/gsk/GskError.js';

/** The GskError `attempt` throws; fails the test when it throws nothing or something else. */
export function refusal(attempt: () => unknown): GskError {
  try {
    attempt();
  } catch (error) {
    expect(error).to.be.instanceOf(GskError);
    return error as GskError;
  }
  return expect.fail('expected a GskError');
}
