import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TlsEngine } from '@tlsport/core';
import { fromHex, RecordSplitter, toHex } from './records.js';
import { peerSink } from './observer.js';
import type { Contexts, FuzzPki, Role, Variant } from './targets.js';

/** A real handshake (plus one application record each way), as the records each side sent. */
export interface Transcript {
  name: string;
  client: string;
  server: string;
  variant: Variant;
  /** Records client -> server and server -> client. */
  c2s: Uint8Array[];
  s2c: Uint8Array[];
}

interface TranscriptFile {
  client: string;
  server: string;
  variant: Variant;
  c2s: string[];
  s2c: string[];
}

export const CORPUS_DIR = new URL('../corpus/', import.meta.url).pathname;

const PKI_FILE = 'pki.json';

/** The certificates the corpus was recorded with: test-only keys, kept so recorded flights verify. */
export function loadCorpusPki(dir = CORPUS_DIR): FuzzPki {
  const file = JSON.parse(readFileSync(join(dir, PKI_FILE), 'utf8')) as { ca: string; chain: string; key: string };
  return { ca: { cert: file.ca, dispose: () => undefined }, leaf: { chain: file.chain, key: file.key } };
}

export function saveCorpusPki(pki: FuzzPki, dir = CORPUS_DIR): void {
  writeFileSync(join(dir, PKI_FILE), JSON.stringify({ ca: pki.ca.cert, chain: pki.leaf.chain, key: pki.leaf.key }, null, 1) + '\n');
}

export function loadCorpus(dir = CORPUS_DIR): Transcript[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== PKI_FILE)
    .sort()
    .map((name) => {
      const file = JSON.parse(readFileSync(join(dir, name), 'utf8')) as TranscriptFile;
      return { name, client: file.client, server: file.server, variant: file.variant, c2s: file.c2s.map(fromHex), s2c: file.s2c.map(fromHex) };
    });
}

/** The records a target in `role` would receive in this transcript. */
export function recordsFor(transcript: Transcript, role: Role): Uint8Array[] {
  return role === 'server' ? transcript.c2s : transcript.s2c;
}

export function saveTranscript(t: Omit<Transcript, 'name'>, dir = CORPUS_DIR): string {
  const name = `${t.variant}-${t.client}-to-${t.server}.json`;
  const file: TranscriptFile = { client: t.client, server: t.server, variant: t.variant, c2s: t.c2s.map(toHex), s2c: t.s2c.map(toHex) };
  writeFileSync(join(dir, name), JSON.stringify(file, null, 1) + '\n');
  return name;
}

/** Runs one genuine handshake between two backends and records both directions, record by record. */
export async function recordTranscript(contexts: Contexts, client: string, server: string, variant: Variant): Promise<Omit<Transcript, 'name'>> {
  const c2s: Uint8Array[] = [];
  const s2c: Uint8Array[] = [];
  const inbox = { client: [] as Uint8Array[], server: [] as Uint8Array[] };
  const done = { client: false, server: false };
  const make = async (backend: string, role: Role, out: Uint8Array[], to: Uint8Array[]): Promise<TlsEngine> => {
    const { context, config } = await contexts.get(backend, role, variant);
    const splitter = new RecordSplitter();
    return context.createEngine(config, peerSink((bytes) => splitter.push(bytes).forEach((r) => (out.push(r), to.push(r))), () => (done[role] = true)));
  };
  const s = await make(server, 'server', s2c, inbox.client);
  const c = await make(client, 'client', c2s, inbox.server);
  s.start();
  c.start();
  let sent = false;
  for (let idle = 0; idle < 3; ) {
    if (inbox.client.length + inbox.server.length > 0) {
      idle = 0;
      for (const r of inbox.server.splice(0)) s.receive(r);
      for (const r of inbox.client.splice(0)) c.receive(r);
      continue;
    }
    if (done.client && done.server && !sent) {
      sent = true;
      c.send(new TextEncoder().encode('GET / HTTP/1.0\r\n\r\n'), () => undefined);
      s.send(new TextEncoder().encode('HTTP/1.0 200 OK\r\n\r\n'), () => undefined);
      continue;
    }
    await Promise.all([c.receiveEnd?.(), s.receiveEnd?.()]);
    await new Promise((resolve) => setImmediate(resolve));
    idle++;
  }
  await Promise.all([c.destroy(), s.destroy()]);
  if (!sent) throw new Error(`recording ${client} -> ${server} (${variant}): the handshake did not complete`);
  return { client, server, variant, c2s, s2c };
}
