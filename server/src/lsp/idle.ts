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
  const tick = () => {
    const wait = lastMessageAt + quietMs - performance.now();
    if (wait > 0) timer = setTimeout(tick, Math.max(20, Math.ceil(wait)));
    else if (step()) timer = setTimeout(tick, 0);
  };
  timer = setTimeout(tick, 0);
  return () => clearTimeout(timer);
}

/**
 * A keystroke that typed a completion trigger (`@`, `[`, `【`, `：`, `、`): the client sends its
 * completion request right behind it. The analysis of that keystroke waits this long, so the
 * completion is answered first (from the last analysis) instead of queueing behind it.
 */
const TRIGGER_GRACE_MS = 15;
let lastTriggerAt = -Infinity;

export function noteTrigger(): void {
  lastTriggerAt = performance.now();
}

/** How long an analysis about to start should still wait for a completion request. */
export function completionGraceMs(): number {
  return Math.max(0, Math.ceil(lastTriggerAt + TRIGGER_GRACE_MS - performance.now()));
}
