import { GROUPS, groupByCode, isHybridGroup, suiteByCode } from '@tlsport/core/spi';
import type { KeyShare } from '../../crypto/provider.js';
import { serializeClientHello } from '../../handshake/clientHello.js';
import {
  bindersLength,
  writeAlpn,
  writeKeyShareList,
  writeOfferedPsks,
  writePskModes,
  writeServerName,
  writeU16List,
  writeVersionList,
} from '../../handshake/extensionCodecs.js';
import type { HandshakeMessage } from '../../handshake/message.js';
import { ExtensionType, PSK_DHE_KE } from '../../handshake/types.js';
import { Writer } from '../../codec/Writer.js';
import { EarlySecret, finishedVerifyData } from '../keySchedule.js';
import { SIGNATURE_SCHEMES } from '../signatures.js';
import { tls13Suite } from '../suite.js';
import { offeredVersions } from '../versions.js';
import { addTls12Extensions } from '../../tls12/client/helloExtensions.js';
import type { ClientContext } from './ClientContext.js';

function groupCode(name: string): number {
  return GROUPS.find((g) => g.name === name)!.code;
}

/**
 * Builds and sends a ClientHello (RFC 8446 §4.1.2): the first one, or after a HelloRetryRequest
 * the second, with the new key share, the server's cookie and a PSK binder over the new transcript.
 */
export function sendClientHello(ctx: ClientContext, cookie?: Uint8Array): HandshakeMessage {
  const o = ctx.options;
  const ext = new Map<number, Uint8Array>();
  if (o.sni !== undefined) ext.set(ExtensionType.server_name, writeServerName(o.sni));
  // A TLS 1.2-only hello leaves out the hybrids, which are TLS 1.3 only (draft-ietf-tls-ecdhe-mlkem §3).
  const groups = o.versions.tls13 ? o.groups : o.groups.filter((g) => !isHybridGroup(g));
  ext.set(ExtensionType.supported_groups, writeU16List(groups.map(groupCode)));
  ext.set(ExtensionType.signature_algorithms, writeU16List(SIGNATURE_SCHEMES));
  if (o.alpn.length > 0) ext.set(ExtensionType.alpn, writeAlpn(o.alpn));
  ext.set(ExtensionType.supported_versions, writeVersionList(offeredVersions(o.versions)));
  if (o.versions.tls13) {
    ext.set(ExtensionType.psk_key_exchange_modes, writePskModes([PSK_DHE_KE]));
    ext.set(ExtensionType.key_share, writeKeyShareList(ctx.keyShares.map((k: KeyShare) => ({ group: groupCode(k.group), keyExchange: k.publicKey }))));
  }
  if (o.versions.tls12) addTls12Extensions(ext, ctx.session12);
  if (cookie !== undefined) ext.set(ExtensionType.cookie, new Writer().bytes16(cookie).finish());
  const psk = pskOffer(ctx);
  if (psk !== undefined) ext.set(ExtensionType.pre_shared_key, psk);
  const hello = serializeClientHello({
    random: ctx.clientRandom,
    sessionId: ctx.sessionId,
    cipherSuites: [...o.suites.map((s) => s.info.code), ...o.tls12Suites.map((s) => s.info.code)],
    extensions: ext,
  });
  if (ctx.psk !== undefined) patchBinder(ctx, hello);
  ctx.offeredExtensions = new Set(ext.keys());
  ctx.io.send(hello);
  return hello;
}

/** pre_shared_key with a placeholder binder; the real one is patched in once the hello is serialized. */
function pskOffer(ctx: ClientContext): Uint8Array | undefined {
  const state = ctx.options.session;
  if (state === undefined || !ctx.options.versions.tls13) return undefined;
  const info = suiteByCode(state.suite);
  const now = ctx.io.clock.now();
  const ageMs = now - state.time;
  if (info === undefined || info.version !== 'TLSv1.3' || ageMs < 0 || ageMs > state.lifetime * 1000) return undefined;
  // The PSK is bound to its hash: offer it only while a suite with that hash can still be chosen.
  if (!ctx.options.suites.some((s) => s.hash === info.hash) || (ctx.suite !== undefined && ctx.suite.hash !== info.hash)) {
    ctx.psk?.early.destroy();
    ctx.psk = undefined;
    return undefined;
  }
  const pskSuite = tls13Suite(info);
  ctx.psk ??= { state, suite: pskSuite, early: EarlySecret.extract(ctx.io.provider, pskSuite, state.psk) };
  const obfuscatedTicketAge = (ageMs + state.ageAdd) % 0x100000000;
  return writeOfferedPsks({ identities: [{ identity: state.ticket, obfuscatedTicketAge }], binders: [new Uint8Array(pskSuite.hashLength)] });
}

/** §4.2.11.2: the binder is a Finished MAC over the transcript up to and excluding the binders. */
function patchBinder(ctx: ClientContext, hello: HandshakeMessage): void {
  const psk = ctx.psk!;
  const length = psk.suite.hashLength;
  const partial = hello.raw.subarray(0, hello.raw.length - bindersLength([new Uint8Array(length)]));
  const binderKey = psk.early.resumptionBinderKey();
  const binder = finishedVerifyData(ctx.io.provider, psk.suite, binderKey, ctx.io.transcript.hashWith(psk.suite.hash, partial));
  binderKey.fill(0);
  hello.raw.set(binder, hello.raw.length - length);
}

/** The group of a key share the client offered, by code; undefined when it offered none. */
export function offeredShare(ctx: ClientContext, code: number): KeyShare | undefined {
  const name = groupByCode(code)?.name;
  return ctx.keyShares.find((k) => k.group === name);
}
