/**
 * When the client last sent anything. Background work (indexing the workspace, pinyin keys) runs
 * only after a quiet spell, in short steps, so a request seldom finds the server busy with it.
 */
let lastMessageAt = 0;

export function noteActivity(): void {
  lastMessageAt = performance.now();
}

/**
 * Run `step` repeatedly, each time once the client has been quiet for `quietMs`, until it returns
 * false (no more work). Returns a function that cancels the rest.
 */
export function whenIdle(step: () => boolean, quietMs = 250): () => void {
  let timer: NodeJS.Timeout | undefined;
  let cancelled = false;
  const tick = () => {
    const wait = lastMessageAt + quietMs - performance.now();
    if (wait > 0) timer = setTimeout(tick, Math.max(20, Math.ceil(wait)));
    else
      afterPendingMessages(() => {
        if (cancelled) return;
        // a message that was waiting while the server was busy (the `@` typed as the first
        // diagnostics arrived) has just been handled: the client is not quiet after all
        if (lastMessageAt + quietMs > performance.now()) timer = setTimeout(tick, quietMs);
        else if (step()) timer = setTimeout(tick, 0);
      });
  };
  timer = setTimeout(tick, 0);
  return () => {
    cancelled = true;
    clearTimeout(timer);
  };
}

/**
 * Run `work` once the messages already waiting in the pipe have been handled. A timer's callback
 * runs before the event loop reads input, so background work started from one ran ahead of a
 * request that had arrived while the server was busy (the first completion waited 15–90 ms behind
 * the completion warm-up). The input is read between the two hops, and vscode-jsonrpc hands each
 * message to its handler with setImmediate: queued before the second hop, so it runs first.
 */
export function afterPendingMessages(work: () => void): void {
  setImmediate(() => setImmediate(work));
}

/**
 * A keystroke that typed a completion trigger (`@`, `[`, `【`, `：`, `、`): the client sends its
 * completion request right behind it. The analysis of that keystroke waits until that completion is
 * answered (from the last analysis), so the request does not queue behind it; at most this long, for
 * a client that does not ask (on a loaded machine the request can come tens of ms after the edit).
 */
const TRIGGER_WAIT_MS = 60;
let lastTriggerAt = -Infinity;
let waiting: (() => void)[] = [];

export function noteTrigger(): void {
  lastTriggerAt = performance.now();
}

/** How long an analysis about to start should still wait for a completion request. */
export function completionGraceMs(): number {
  return Math.max(0, Math.ceil(lastTriggerAt + TRIGGER_WAIT_MS - performance.now()));
}

/**
 * Run `work` once a completion after the last trigger has been answered, or after the grace, whichever
 * comes first.
 */
export function afterCompletion(work: () => void): void {
  const grace = completionGraceMs();
  if (grace === 0) {
    work();
    return;
  }
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    work();
  };
  const timer = setTimeout(once, grace);
  waiting.push(once);
}

/** A completion was answered: what waited for it runs now (after the answer is written). */
export function noteCompletionAnswered(): void {
  lastTriggerAt = -Infinity;
  const ready = waiting;
  waiting = [];
  for (const run of ready) setImmediate(run);
}
