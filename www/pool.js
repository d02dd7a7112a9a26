// Large batches on several workers: the articles of a batch of POOL_MIN_ARTICLES or more
// (or of POOL_MIN_CHARS characters, about 2 MB) are analyzed in parts, one part per worker
// at once (the engine's `analyzePart`, each article with the evidence of the whole batch),
// then compared once, in the main worker, over the analyzed articles (`compareAnalyzed`): the
// report is the one a single worker gives. Smaller batches go to the main worker alone.
// Cancelling ends every worker of the run; a part that fails stops the others and the run
// fails with its error.

import { abortError } from "./bridge.js";

/** A batch with this many articles, or this many characters, is analyzed by the pool. */
export const POOL_MIN_ARTICLES = 50;
export const POOL_MIN_CHARS = 2_000_000;
/** The most workers a batch is shared between. */
export const POOL_MAX = 4;

/**
 * How many workers share a large batch: one core is left to the page, at most POOL_MAX.
 * `?workers=N` in the page's address sets it (1: one worker, as for a small batch).
 */
export function poolSize(cores = globalThis.navigator?.hardwareConcurrency, search = globalThis.location?.search) {
  const asked = Number(new URLSearchParams(search || "").get("workers"));
  if (Number.isInteger(asked) && asked >= 1) return Math.min(asked, 16);
  return Math.max(1, Math.min((cores || 1) - 1, POOL_MAX));
}

/** Whether a batch is large enough to share between workers. */
export function isLarge(articles) {
  if (articles.length >= POOL_MIN_ARTICLES) return true;
  let chars = 0;
  for (const a of articles) chars += a.text.length;
  return chars >= POOL_MIN_CHARS;
}

/**
 * Splits `articles` into at most `n` runs of consecutive articles, [start, end) each, of
 * about the same amount of text, none empty.
 */
export function split(articles, n) {
  n = Math.min(n, articles.length);
  const total = articles.reduce((sum, a) => sum + a.text.length, 0);
  const parts = [];
  let start = 0;
  let sum = 0;
  for (let i = 0; i < articles.length; i++) {
    sum += articles[i].text.length;
    const left = articles.length - i - 1; // articles after this one
    const wanted = n - parts.length - 1; // parts still to make after this one
    if (wanted > 0 && left >= wanted && (sum >= (total * (parts.length + 1)) / n || left === wanted)) {
      parts.push([start, i + 1]);
      start = i + 1;
    }
  }
  if (start < articles.length) parts.push([start, articles.length]);
  return parts;
}

export class WorkerPool {
  /**
   * @param {import("./bridge.js").WorkerBridge} main the page's worker: it compares, and keeps
   *   the report for "Show more" and the exports
   * @param {() => import("./bridge.js").WorkerBridge} makeHelper a bridge to one more worker,
   *   made the first time a large batch needs it (it stops when idle)
   * @param {number} size how many workers share a large batch, the main one included
   */
  constructor(main, makeHelper, size = poolSize()) {
    this.main = main;
    this.makeHelper = makeHelper;
    this.size = size;
    this.helpers = [];
  }

  /** The comparison report of `articles` (with the entity `overrides`, when given). */
  compare(articles, overrides, { signal, onProgress } = {}) {
    if (this.size < 2 || articles.length < 2 || !isLarge(articles)) {
      return overrides
        ? this.main.call("compareWithOverrides", [articles, overrides], { signal, onProgress })
        : this.main.call("compare", [articles], { signal, onProgress });
    }
    return this.shared(articles, overrides, { signal, onProgress });
  }

  async shared(articles, overrides, { signal, onProgress }) {
    if (signal?.aborted) throw abortError();
    const parts = split(articles, this.size);
    while (this.helpers.length < parts.length - 1) this.helpers.push(this.makeHelper());
    const workers = [this.main, ...this.helpers];
    // One signal for every call of the run: the caller's cancel, or a part that failed.
    const run = new AbortController();
    // A cancel ends the run's workers: those still working stop with their calls, and those
    // whose part was done are stopped too, so that none outlives the run (a next run starts fresh).
    const stop = () => {
      run.abort();
      for (const w of workers) w.stopIfIdle();
    };
    signal?.addEventListener("abort", stop, { once: true });
    const n = articles.length;
    const stage = (s) => onProgress?.({ stage: s });
    let done = 0;
    stage(`analyzing ${n} articles in ${parts.length} workers`);
    try {
      const analyzed = await Promise.all(
        parts.map(([start, end], i) =>
          workers[i].call("analyzePart", [articles, start, end], { signal: run.signal }).then((bytes) => {
            done += 1;
            stage(`analyzing ${n} articles in ${parts.length} workers (${done} of ${parts.length} done)`);
            return bytes;
          }),
        ),
      );
      return await this.main.call("compareAnalyzed", [articles, analyzed, overrides || null], { signal: run.signal, onProgress });
    } catch (e) {
      if (!run.signal.aborted) run.abort(); // a part failed: the others' work is of no use
      throw signal?.aborted ? abortError() : e;
    } finally {
      signal?.removeEventListener("abort", stop);
    }
  }
}
