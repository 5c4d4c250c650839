import { expect } from 'chai';
import { GskStatus } from '../../src/gsk/status.js';
import { CompletionPort } from '../../src/port/CompletionPort.js';
import { startRefusal } from '../../src/session/sessionStates.js';
import { TlsError } from '../../src/tls/TlsError.js';

describe('startRefusal', () => {
  const callback = (): void => undefined;

  it('lets each start through in its states only, with one status per misuse', () => {
    const failure = new TlsError('bad-mac', 'test');
    const status = (start: Parameters<typeof startRefusal>[0], state: Parameters<typeof startRefusal>[1]) => startRefusal(start, state, callback, failure)?.[0];
    expect([status('startInit', 'open'), status('startRecv', 'closing'), status('startSend', 'established'), status('shutdown', 'established')]).to.deep.equal([undefined, undefined, undefined, undefined]);
    expect([status('startInit', 'handshaking'), status('startInit', 'established'), status('startInit', 'closed')]).to.deep.equal([
      GskStatus.GSK_INVALID_STATE, GskStatus.GSK_IBMI_ERROR_ALREADY_SECURE, GskStatus.GSK_IBMI_ERROR_CLOSED,
    ]);
    expect([status('startRecv', 'handshaking'), status('startRecv', 'closed')]).to.deep.equal([GskStatus.GSK_INVALID_STATE, GskStatus.GSK_IBMI_ERROR_CLOSED]);
    expect(startRefusal('startRecv', 'closed', callback, failure)?.[1]).to.equal(`startRecv in state closed (${failure.message})`);
    expect([status('startSend', 'open'), status('startSend', 'closing'), status('shutdown', 'closed')]).to.deep.equal([
      GskStatus.GSK_INVALID_STATE, GskStatus.GSK_IBMI_ERROR_CLOSED, GskStatus.GSK_IBMI_ERROR_CLOSED,
    ]);
    expect(startRefusal('startSend', 'closing', callback, undefined)?.[1]).to.match(/no more sends/);
  });

  it('refuses any start on a destroyed port first', () => {
    const port = CompletionPort.create();
    port.destroy();
    expect(startRefusal('startRecv', 'established', port, undefined)).to.deep.equal([GskStatus.GSK_IBMI_ERROR_INVALID_IOCOMPLETIONPORT, 'completion port destroyed']);
  });
});
