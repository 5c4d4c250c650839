import { readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import type { Responder, ResponderFactory } from './responders.js';

/** Requests larger than this are refused without waiting for the end of the headers. */
const MAX_REQUEST = 16 * 1024;
/** Files larger than this are refused: the whole reply is held in memory. */
const MAX_FILE = 16 * 1024 * 1024;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * openssl s_server -WWW / -HTTP: "GET /path" answers with the file at path under `root`, then
 * closes. -WWW wraps it in an HTTP/1.0 response; -HTTP sends the file as it is (it holds its own
 * status line and headers). Nothing outside `root` is served: not by "..", not by a symbolic link.
 */
export function servingFiles(root: string, mode: 'WWW' | 'HTTP'): ResponderFactory {
  const realRoot = realpathSync(root);
  return (): Responder => {
    let request = '';
    return {
      receive(data) {
        request += decoder.decode(data, { stream: true });
        if (request.length > MAX_REQUEST) return { data: encoder.encode(status(400, 'request too large')), close: true };
        if (!/\r?\n\r?\n/.test(request)) return {};
        return { data: answer(realRoot, request.split(/\r?\n/, 1)[0]!, mode), close: true };
      },
    };
  };
}

function answer(root: string, requestLine: string, mode: 'WWW' | 'HTTP'): Uint8Array {
  const match = /^GET (\/\S*) HTTP\/1\.[01]$/.exec(requestLine);
  if (match === null) return encoder.encode(status(400, 'only "GET /path HTTP/1.x" is served'));
  const found = fileUnder(root, match[1]!);
  if (typeof found === 'number') return encoder.encode(status(found, found === 403 ? 'outside the served folder' : 'no such file'));
  const body = readFileSync(found);
  if (mode === 'HTTP') return body;
  const type = ['.html', '.htm'].includes(extname(found)) ? 'text/html' : 'text/plain';
  return Buffer.concat([Buffer.from(`HTTP/1.0 200 ok\r\nContent-Type: ${type}\r\nContent-Length: ${body.length}\r\n\r\n`), body]);
}

/** The regular file a request path names under root, or the HTTP status that refuses it. */
function fileUnder(root: string, urlPath: string): string | 403 | 404 {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?', 1)[0]!);
  } catch {
    return 404;
  }
  if (path.includes('\0')) return 404;
  const inside = (p: string): boolean => p.startsWith(root + sep);
  const candidate = resolve(root, '.' + path);
  if (!inside(candidate)) return 403;
  let real: string;
  try {
    real = realpathSync(candidate);
  } catch {
    return 404;
  }
  if (!inside(real)) return 403;
  const stat = statSync(real);
  return stat.isFile() && stat.size <= MAX_FILE ? real : 404;
}

function status(code: number, reason: string): string {
  const text = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found' }[code] ?? 'Error';
  const body = `${code} ${text}: ${reason}\n`;
  return `HTTP/1.0 ${code} ${text}\r\nContent-Type: text/plain\r\nContent-Length: ${body.length}\r\n\r\n${body}`;
}
