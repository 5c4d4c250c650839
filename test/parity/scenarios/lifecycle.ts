import { Errno, GskStatus, gskStatusName } from '@tlsport/core';
import type { Scenario } from '../types.js';
import { completion } from '../sessionIo.js';
import { check } from './expectations.js';

/**
 * Cancelling a handshake half-way (docs/design.md rule 3). The client cancels when the server's first
 * flight arrives, before its engine sees it; the server cancels right after its engine has taken
 * the ClientHello. Either way the handshake cannot have finished: one ECANCELED completion, the
 * session closed, and the peer's connection ends instead of hanging.
 */
const cancel: Scenario = {
  feature: 'cancel mid-handshake',
  roles: ['client', 'server'],
  async run(run) {
    const link = await run.connect();
    const id = link.session.generateOperationId();
    const cancelled = new Promise<number>((resolve) => {
      const onData = (): void => resolve(link.session.cancelOperation(id));
      // 'data' listeners run in order: before the session's own (client), or after it (server).
      if (run.role === 'client') link.socket.once('data', onData);
      link.session.startInit(link.port, { operationId: id });
      if (run.role === 'server') link.socket.once('data', onData);
    });
    check((await cancelled) === 1, 'cancelOperation found no pending handshake');
    const c = await completion(link.port);
    check(c.returnValue === GskStatus.GSK_TLSPORT_ERROR_CANCELLED && c.errnoValue === Errno.ECANCELED, `completion ${gskStatusName(c.returnValue)} errno ${c.errnoValue}`);
    check(!link.session.isOperationPending(id) && link.session.currentState === 'closed', `session ${link.session.currentState} after cancel`);
    await link.peer.failure();
  },
};

/** The handshake timeout: a peer that never answers makes StartInit complete with the timed-out status. */
const timeout: Scenario = {
  feature: 'handshake timeout (peer silent)',
  roles: ['client', 'server'],
  async run(run) {
    const link = await run.connect({ local: { handshakeTimeoutMs: 300 }, stalled: true });
    const started = performance.now();
    const c = await link.init();
    const ms = performance.now() - started;
    check(c.returnValue === GskStatus.GSK_IBMI_ERROR_TIMED_OUT, `completion ${gskStatusName(c.returnValue)}: ${c.error?.message ?? ''}`);
    check(ms >= 290 && ms < 3000, `timed out after ${Math.round(ms)} ms, not 300`);
    check(link.session.currentState === 'closed', `session ${link.session.currentState} after the timeout`);
  },
};

export const lifecycleScenarios: Scenario[] = [cancel, timeout];
