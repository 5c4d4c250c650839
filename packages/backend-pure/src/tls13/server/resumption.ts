import { TlsError } from '@tlsport/core/spi';
import { constantTimeEqual } from '../../codec/bytes.js';
import { MAX_PSK_IDENTITIES } from '../../common/limits.js';
import type { ClientHello } from '../../handshake/clientHello.js';
import { bindersLength } from '../../handshake/extensionCodecs.js';
import type { HandshakeMessage } from '../../handshake/message.js';
import { PSK_DHE_KE } from '../../handshake/types.js';
import { EarlySecret, finishedVerifyData } from '../keySchedule.js';
import type { SessionState } from '../sessionState.js';
import type { Suite } from '../suite.js';
import type { ServerContext } from './ServerContext.js';

/** How far the client's idea of the ticket age may drift from the server's (RFC 8446 §8.3). */
const AGE_TOLERANCE_MS = 10_000;

export interface AcceptedPsk {
  readonly index: number;
  readonly state: SessionState;
  readonly early: EarlySecret;
}

/**
 * Picks the first offered ticket (of the first MAX_PSK_IDENTITIES) this server issued that fits the chosen suite, is alive and was
 * issued for the same server name, then checks its binder (§4.2.11): a wrong binder is fatal.
 */
export function acceptPsk(ctx: ServerContext, hello: ClientHello, msg: HandshakeMessage, suite: Suite): AcceptedPsk | undefined {
  const tickets = ctx.options.tickets;
  if (tickets === undefined || hello.psks === undefined || !(hello.pskModes ?? []).includes(PSK_DHE_KE)) return undefined;
  const now = ctx.io.clock.now();
  // §4.2.11 lets the server pick any identity or none: only the first few are opened (each costs a decryption).
  for (const [index, offered] of hello.psks.identities.slice(0, MAX_PSK_IDENTITIES).entries()) {
    const state = tickets.open(offered.identity);
    if (state === undefined || state.servername !== hello.serverName) continue;
    const age = now - state.time;
    const clientAge = (offered.obfuscatedTicketAge - state.ageAdd + 0x100000000) % 0x100000000;
    if (state.suite === undefined || age < 0 || age > state.lifetime * 1000 || Math.abs(clientAge - age) > AGE_TOLERANCE_MS) continue;
    const stateHash = ctx.options.suites.find((s) => s.info.code === state.suite)?.hash;
    if (stateHash !== suite.hash) continue;
    const early = EarlySecret.extract(ctx.io.provider, suite, state.psk);
    const partial = msg.raw.subarray(0, msg.raw.length - bindersLength(hello.psks.binders));
    const binderKey = early.resumptionBinderKey();
    const expected = finishedVerifyData(ctx.io.provider, suite, binderKey, ctx.io.transcript.hashWith(suite.hash, partial));
    binderKey.fill(0);
    if (!constantTimeEqual(expected, hello.psks.binders[index]!)) {
      early.destroy();
      throw new TlsError('bad-signature', 'PSK binder does not verify');
    }
    return { index, state, early };
  }
  return undefined;
}
