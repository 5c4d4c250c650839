import { Container } from 'inversify';
import { BACKEND_PACKAGES, TLS_BACKEND, useBackend, type TlsBackend } from '@tlsport/core';
import type { BenchPki } from '../pki.js';
import { BackendContender } from './BackendContender.js';
import type { Contender } from './Contender.js';
import { NodeTlsContender } from './NodeTlsContender.js';

export interface Lineup {
  /** node:tls first, then every backend that loads here. */
  readonly contenders: Contender[];
  /** Backends that did not load, with why. */
  readonly missing: Record<string, string>;
}

/** Binds each backend package by name through DI, as an application would, and keeps those that load. */
export async function lineup(pki: BenchPki): Promise<Lineup> {
  const contenders: Contender[] = [new NodeTlsContender(pki)];
  const missing: Record<string, string> = {};
  for (const name of Object.keys(BACKEND_PACKAGES)) {
    try {
      const container = new Container();
      await useBackend(container, name);
      contenders.push(new BackendContender(container.get<TlsBackend>(TLS_BACKEND), pki, await nativeCounter(name)));
    } catch (error) {
      missing[name] = (error as Error).message;
    }
  }
  return { contenders, missing };
}

/** The openssl addon counts its live SSL objects: the memory suite reports them. */
async function nativeCounter(name: string): Promise<(() => number) | undefined> {
  if (name !== 'openssl') return undefined;
  const { liveObjects } = await import('@tlsport/backend-openssl');
  return () => liveObjects().ssl;
}
