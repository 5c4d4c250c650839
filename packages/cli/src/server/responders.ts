import type { Negotiated } from '@tlsport/core';
import { wwwPage } from './wwwPage.js';

/** What the server sends back for data a client sent, and whether it then closes. */
export interface Reply {
  readonly data?: Uint8Array;
  readonly close?: boolean;
}

/** One connection's application protocol: gets each chunk of plaintext, answers with a Reply. */
export interface Responder {
  receive(data: Uint8Array): Reply;
}

/** What a responder may know about its connection. */
export interface ConnectionInfo {
  readonly backend: string;
  readonly negotiated: Negotiated;
}

export type ResponderFactory = (info: ConnectionInfo) => Responder;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** openssl s_server's default: print what arrives (stdin goes the other way). */
export function printing(output: (data: Uint8Array) => void): ResponderFactory {
  return () => ({
    receive(data) {
      output(data);
      return {};
    },
  });
}

/** openssl s_server -rev: each complete line comes back reversed. */
export const reversingLines: ResponderFactory = () => {
  let partial = '';
  return {
    receive(data) {
      const lines = (partial + decoder.decode(data, { stream: true })).split('\n');
      partial = lines.pop()!;
      if (lines.length === 0) return {};
      return { data: encoder.encode(lines.map((line) => [...line.replace(/\r$/, '')].reverse().join('') + '\n').join('')) };
    },
  };
};

/** Requests larger than this are answered without waiting for the end of the headers. */
const MAX_REQUEST = 16 * 1024;

/** openssl s_server -www: one HTTP/1.0 page describing the session, then close. */
export function answeringWww(info: ConnectionInfo): Responder {
  let request = '';
  return {
    receive(data) {
      request += decoder.decode(data, { stream: true });
      const complete = /\r?\n\r?\n/.test(request) || request.length > MAX_REQUEST;
      return complete ? { data: encoder.encode(wwwPage(info, request.split(/\r?\n/, 1)[0]!)), close: true } : {};
    },
  };
}
