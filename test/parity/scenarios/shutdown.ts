import { GskStatus, gskStatusName } from '@tlsport/core';
import type { Scenario } from '../types.js';
import { check } from './expectations.js';

/** 1-step: close_notify is sent and the Shutdown completes at once; no send is possible afterwards. */
const oneStep: Scenario = {
  feature: 'shutdown, 1-step',
  roles: ['client', 'server'],
  async run(run) {
    const link = await run.connect();
    await link.established();
    await link.exchange();
    const done = await link.session.shutdown();
    check(done.returnValue === GskStatus.GSK_OK, `shutdown: ${gskStatusName(done.returnValue)}`);
    const refused = link.session.startSend(link.port, { buffer: new Uint8Array(1) });
    check(refused === GskStatus.GSK_IBMI_ERROR_CLOSED, `send after shutdown: ${gskStatusName(refused)}`);
    await link.peer.answerClose();
  },
};

/** 2-step: the Shutdown completes only when the peer's close_notify has arrived. */
const twoStep: Scenario = {
  feature: 'shutdown, 2-step',
  roles: ['client', 'server'],
  async run(run) {
    const link = await run.connect();
    await link.established();
    await link.exchange();
    const done = link.session.shutdown({ twoStep: true, timeoutMs: 4000 });
    await link.peer.answerClose();
    const c = await done;
    check(c.returnValue === GskStatus.GSK_OK, `2-step shutdown: ${gskStatusName(c.returnValue)} ${c.error?.message ?? ''}`);
  },
};

export const shutdownScenarios: Scenario[] = [oneStep, twoStep];
