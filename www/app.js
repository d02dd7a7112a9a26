// The page's wiring: one store holds the state (store.js); the view draws it (view.js), the
// runner analyzes it (runner.js), and the inputs (input.js) and the examples (examples.js)
// change it. The engine is given by the caller, so the same code drives the worker (served
// build) and the inline wasm (single file).
import { createStore, clearArticles } from "./store.js";
import { createRunner } from "./runner.js";
import { findElements, createView } from "./view.js";
import { wireInput } from "./input.js";
import { wireExamples } from "./examples.js";
import { wireExportPanel } from "./export-panel.js";
import { persistWorkspace } from "./persist.js";
export { droppedFiles } from "./input.js";
export { overridesOf } from "./store.js";

/** The engine `start` takes, as calls to the worker behind `bridge` (www/bridge.js). */
export function bridgeEngine(bridge) {
  return {
    compare: (articles, opts) => bridge.call("compare", [articles], opts),
    compareWithOverrides: (articles, overrides, opts) => bridge.call("compareWithOverrides", [articles, overrides], opts),
    pairs: (run, related, offset, limit) => bridge.call("pairs", [run, related, offset, limit]),
    decode: (bytes, name) => bridge.call("decode", [bytes, name]),
    exportReport: (run, format) => bridge.call("exportReport", [run, format]),
    warmUp: () => bridge.warmUp(),
  };
}

/**
 * Wires the page.
 * @param {{engine: {compare: Function, compareWithOverrides: Function, decode: Function, exportReport?: Function}, loadExamples: () => Promise<Array<{id, name, text}>>, singleFile?: boolean}} opts
 */
export function start({ engine, loadExamples, singleFile = false }) {
  const ui = findElements(document);
  // The worker keeps the pairs of the last comparison; the view asks it for more on demand.
  if (engine.pairs) ui.morePairs = (run, related, offset, limit) => engine.pairs(run, related, offset, limit);
  const store = createStore();
  store.subscribe(createView(ui, store));
  const runner = createRunner(store, engine);
  ui.cancel.addEventListener("click", () => runner.cancel());
  // The workspace is kept in IndexedDB: restored first, then saved on every change.
  const persist = persistWorkspace(store, { onStatus: (m) => showPersistStatus(document.getElementById("persist-status"), m), fileUrl: location.protocol === "file:" });
  ui.clear.addEventListener("click", () => {
    store.update(clearArticles);
    persist.clear();
  });
  wireInput(ui, store, engine.decode);
  if (engine.exportReport) wireExportPanel(document.getElementById("export-panel"), store, engine);

  document.querySelector("#boot")?.remove();
  document.body.dataset.build = singleFile ? "single" : "served";
  const examples = wireExamples(ui.examples, store, loadExamples);
  // Ready once the saved workspace is back (or said to be unavailable); then the engine may
  // warm up, unless a call is on its way: articles to analyze (restored, or added already) or
  // the examples loading (#examples). A warm-up step started just before that call would make
  // it wait.
  persist.ready.then(() => {
    document.body.dataset.ready = "1";
    const s = store.get();
    if (s.articles.length === 0 && !s.busy && !examples.loading()) engine.warmUp?.();
  });
  return { store, runner, persist };
}

/** What the page says about the saved workspace (`m` = {text, problem} or null). */
function showPersistStatus(el, m) {
  if (!el) return;
  el.hidden = !m;
  el.textContent = m ? m.text : "";
  el.classList.toggle("problem", Boolean(m && m.problem));
}
