// Runs the engine when the state asks for it (`wantsRun`), and writes what happened back
// into the store. A change when nothing else is pending (the examples, a restored workspace,
// the first article) runs at once, after the other changes of the same task. Changes that
// come close together make one run: a change while a run waits or is in flight cancels it
// (through its AbortSignal, which the bridge turns into dropping the queued call or ending
// the worker) and starts the next one `delayMs` later. No DOM: the page's view renders
// `status`, `busy`, `error` and the results from the state.
import { wantsRun, overridesOf } from "./store.js";

/** How long the analysis waits for more changes before it runs, when a run is already pending. */
export const RUN_DELAY_MS = 50;

/** How often the elapsed time in the status moves on. */
const TICK_MS = 250;

/**
 * Subscribes a runner to `store`. `engine` = {compare(articles, opts), compareWithOverrides(articles,
 * overrides, opts)}, both async, `opts` = {signal, onProgress}. Returns {cancel}, which stops
 * the run waiting or in flight and says so.
 */
export function createRunner(store, engine, { delayMs = RUN_DELAY_MS, now = () => performance.now() } = {}) {
  let timer = null; // the run waiting: {id} of its timeout, or {now: true} when it runs at once
  let controller = null; // the run in flight

  function schedule() {
    const idle = controller === null && (timer === null || timer.now);
    controller?.abort(); // stale: its result is no longer wanted
    controller = null;
    if (timer) clearTimeout(timer.id);
    if (idle) {
      const next = (timer = { now: true });
      queueMicrotask(() => { if (timer === next) start(); });
    } else timer = { id: setTimeout(start, delayMs) };
    store.update((s) => ({ busy: true, status: s.articles.length ? { text: analyzing(s.articles.length), cancellable: true } : null }));
  }

  function cancel() {
    if (timer === null) return controller?.abort();
    clearTimeout(timer.id);
    timer = null;
    store.update(() => ({ busy: false, status: null, error: failure(cancelled()) }));
  }

  async function start() {
    timer = null;
    const s = store.get();
    if (s.articles.length === 0) {
      return store.update((st) => ({ report: null, elapsedMs: null, runs: st.runs + 1, busy: false, status: null }));
    }
    const ctl = (controller = new AbortController());
    const t0 = now();
    let stage = analyzing(s.articles.length);
    const tick = setInterval(() => {
      if (ctl !== controller) return;
      const text = `${stage}… ${((now() - t0) / 1000).toFixed(1)} s`;
      store.update(() => ({ status: { text, cancellable: true } }));
    }, TICK_MS);
    const opts = {
      signal: ctl.signal,
      onProgress: (p) => { if (p && p.stage && p.stage !== "queued") stage = capitalize(p.stage); },
    };
    try {
      performance.mark("storydiff:run");
      const report = await compare(engine, s, opts);
      performance.mark("storydiff:report");
      if (ctl !== controller) return;
      store.update((st) => ({ report, elapsedMs: now() - t0, runs: st.runs + 1, busy: false, status: null }));
    } catch (e) {
      if (ctl !== controller) return;
      store.update(() => ({ busy: false, status: null, error: failure(e) }));
    } finally {
      clearInterval(tick);
      if (ctl === controller) controller = null;
    }
  }

  store.subscribe((s, prev) => {
    if (wantsRun(s, prev)) schedule();
  });
  return { cancel };
}

/** One engine call on the articles and overrides of state `s`. */
function compare(engine, s, opts) {
  const input = s.articles.map(({ id, text, name, title, keep, warnings }) => ({ id, text, name, title, keep, warnings: warnings || [] }));
  return s.overrides.length
    ? engine.compareWithOverrides(input, overridesOf(s.overrides), opts)
    : engine.compare(input, opts);
}

function analyzing(n) {
  return `Analyzing ${n} article${n === 1 ? "" : "s"}`;
}

function cancelled() {
  return new DOMException("Cancelled", "AbortError");
}

/** The error shown when a run fails or is cancelled; both offer to run again. */
function failure(e) {
  if (e.name === "AbortError") return { text: "Cancelled. Change the articles or press “Analyze again” to run again.", retry: true };
  return { text: `The analysis failed: ${e.message}`, retry: true };
}

function capitalize(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
