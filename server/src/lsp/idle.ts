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
