import { CompletionPort } from '../port/CompletionPort.js';
import type { Overlapped } from '../port/Overlapped.js';

/** What a face puts in `descriptorHandle`: the code that takes the operation's completion. */
export type CompletionHandler = (completion: Overlapped) => void;

/**
 * A completion port whose completions each go to the handler in their `descriptorHandle`: the
 * faces start ordinary port operations and receive each completion exactly once, without a wait loop.
 */
export function callbackPort(): CompletionPort {
  const port = CompletionPort.create();
  port.completions$.subscribe({
    // After the current engine call unwinds, so a handler may start the next operation at once.
    next: (completion) => queueMicrotask(() => (completion.descriptorHandle as CompletionHandler)(completion)),
    // Destroyed: every pending operation was settled first, so nobody is left waiting.
    error: () => undefined,
  });
  return port;
}
