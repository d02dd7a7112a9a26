// The page: inputs (paste, drop, picker, examples), the article list, a run of the
// engine on every change, and the results. The engine is given by the caller, so the
// same code drives the worker (served build) and the inline wasm (single file).
import { h, articleCard, clustersBlock, pairsBlock, entitiesBlock, legend } from "./render.js";

const ACCEPT = /\.(txt|text|html?|xhtml|md|markdown)$/i;
const MAX_BYTES = 5_000_000;

/**
 * Wires the page.
 * @param {{engine: {compare: Function, compareWithOverrides: Function, decode: Function}, loadExamples: () => Promise<Array<{id, name, text}>>, singleFile?: boolean}} opts
 */
export function start({ engine, loadExamples, singleFile = false }) {
  const $ = (sel) => document.querySelector(sel);
  const state = { articles: [], overrides: [], report: null, controller: null, runs: 0, pasted: 0 };
  const ui = {
    paste: $("#paste"), pasteTitle: $("#paste-title"), add: $("#add-article"), drop: $("#drop"),
    picker: $("#picker"), examples: $("#load-examples"), clear: $("#clear"), list: $("#article-list"),
    status: $("#status"), statusText: $("#status-text"), cancel: $("#cancel"), error: $("#error"),
    clusters: $("#clusters"), pairs: $("#pairs"), entities: $("#entities"), cards: $("#cards"), summary: $("#summary"),
    legend: $("#legend"), results: $("#results"),
  };

  // ---- inputs ---------------------------------------------------------------------------
  function uniqueId(base) {
    const clean = String(base).trim().replace(/\s+/g, "_").slice(0, 80) || "article";
    const taken = new Set(state.articles.map((a) => a.id));
    if (!taken.has(clean)) return clean;
    for (let i = 2; ; i++) if (!taken.has(`${clean}-${i}`)) return `${clean}-${i}`;
  }

  function addArticles(list) {
    const empty = [];
    for (const a of list) {
      if (!a.text || !a.text.trim()) { empty.push(a.name || a.id); continue; }
      state.articles.push({ id: uniqueId(a.id), name: a.name, text: a.text, title: a.title, keep: [], encoding: a.encoding });
    }
    renderList();
    run();
    if (empty.length) showError(`Skipped ${empty.length} empty article(s): ${empty.join("; ")}`);
  }

  ui.add.addEventListener("click", () => {
    const text = ui.paste.value;
    if (!text.trim()) return showError("Paste the text of an article first.");
    state.pasted++;
    const title = ui.pasteTitle.value.trim() || undefined;
    addArticles([{ id: `pasted-${state.pasted}`, name: title || `pasted text ${state.pasted}`, text, title }]);
    ui.paste.value = "";
    ui.pasteTitle.value = "";
  });

  ui.picker.addEventListener("change", async () => {
    const files = [...ui.picker.files];
    ui.picker.value = "";
    await addFiles(files.map((file) => ({ file, path: file.name })));
  });

  for (const ev of ["dragenter", "dragover"]) {
    ui.drop.addEventListener(ev, (e) => {
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = "copy";
      ui.drop.classList.add("over");
    });
  }
  ui.drop.addEventListener("keydown", (e) => {
    if (e.target === ui.drop && (e.key === "Enter" || e.key === " ")) {
      e.preventDefault();
      ui.picker.click();
    }
  });
  ui.drop.addEventListener("dragleave", () => ui.drop.classList.remove("over"));
  ui.drop.addEventListener("drop", async (e) => {
    e.preventDefault();
    ui.drop.classList.remove("over");
    await addFiles(await droppedFiles(e.dataTransfer));
  });
  // Dropping outside the zone must not navigate away from the page.
  window.addEventListener("dragover", (e) => e.preventDefault());
  window.addEventListener("drop", (e) => e.preventDefault());

  ui.examples.addEventListener("click", async () => {
    ui.examples.disabled = true;
    try {
      showStatus("Loading the example articles…");
      const list = await loadExamples();
      const have = new Set(state.articles.map((a) => a.id));
      addArticles(list.filter((a) => !have.has(a.id)));
      if (list.every((a) => have.has(a.id))) hideStatus();
    } catch (e) {
      hideStatus();
      showError(`Could not load the examples: ${e.message}`);
    } finally {
      ui.examples.disabled = false;
    }
  });

  ui.clear.addEventListener("click", () => {
    state.articles = [];
    state.overrides = [];
    renderList();
    run();
  });

  async function addFiles(entries) {
    clearError();
    if (entries.length === 0) return showError("Nothing to add: no .txt, .html, .htm or .md files were found in what was dropped.");
    const skipped = [];
    const loaded = [];
    for (const { file, path } of entries) {
      if (!ACCEPT.test(file.name)) { skipped.push(`${path} (only .txt, .html, .htm and .md files)`); continue; }
      if (file.size > MAX_BYTES) { skipped.push(`${path} (larger than 5 MB)`); continue; }
      try {
        const { text, encoding } = await engine.decode(await file.arrayBuffer());
        loaded.push({ id: file.name.replace(/\.[^.]*$/, ""), name: path, text, encoding });
      } catch (e) {
        skipped.push(`${path} (${e.message})`);
      }
    }
    loaded.sort((a, b) => a.name.localeCompare(b.name));
    if (loaded.length) addArticles(loaded);
    if (skipped.length) showError(`Skipped ${skipped.length} file(s): ${skipped.join("; ")}`);
  }

  // ---- running the engine ---------------------------------------------------------------
  async function run() {
    state.controller?.abort();
    clearError();
    if (state.articles.length === 0) {
      state.report = null;
      hideStatus();
      return renderResults();
    }
    const controller = (state.controller = new AbortController());
    const n = state.articles.length;
    const t0 = performance.now();
    let stage = `Analyzing ${n} article${n === 1 ? "" : "s"}`;
    showStatus(stage, true);
    const tick = setInterval(() => showStatus(`${stage}… ${((performance.now() - t0) / 1000).toFixed(1)} s`, true), 250);
    document.body.dataset.busy = "1";
    try {
      const input = state.articles.map(({ id, text, name, title, keep }) => ({ id, text, name, title, keep }));
      const opts = {
        signal: controller.signal,
        onProgress: (p) => { if (p && p.stage && p.stage !== "queued") stage = capitalize(p.stage); },
      };
      const report = state.overrides.length
        ? await engine.compareWithOverrides(input, overridesOf(state.overrides), opts)
        : await engine.compare(input, opts);
      if (controller !== state.controller) return;
      state.report = report;
      renderResults();
      hideStatus();
      const ms = performance.now() - t0;
      ui.summary.append(h("span", { class: "timing" }, ` (${ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`})`));
    } catch (e) {
      if (controller !== state.controller) return;
      hideStatus();
      if (e.name === "AbortError") showError("Cancelled. Change the articles or press “Analyze again” to run again.", true);
      else showError(`The analysis failed: ${e.message}`, true);
    } finally {
      clearInterval(tick);
      if (controller === state.controller) {
        state.controller = null;
        delete document.body.dataset.busy;
      }
    }
  }

  ui.cancel.addEventListener("click", () => state.controller?.abort());

  // ---- the user's entity overrides (split a name off, merge two entities) --------------
  const sameOverride = (x, y) => x.kind === y.kind &&
    (x.kind === "split" ? x.name === y.name : (x.a === y.a && x.b === y.b) || (x.a === y.b && x.b === y.a));
  function addOverride(o, drop = () => false) {
    const kept = state.overrides.filter((x) => !drop(x));
    const changed = kept.length !== state.overrides.length || !kept.some((x) => sameOverride(x, o));
    if (!changed) return;
    state.overrides = kept.some((x) => sameOverride(x, o)) ? kept : [...kept, o];
    run();
  }
  const entityEdit = () => ({
    overrides: state.overrides,
    // A name stands alone only once no forced merge holds it: those merges go too.
    onSplit: (name) => addOverride({ kind: "split", name }, (o) => o.kind === "merge" && (o.a === name || o.b === name)),
    onMerge: (a, b) => addOverride({ kind: "merge", a, b }),
    onUndo: (i) => {
      state.overrides.splice(i, 1);
      run();
    },
  });

  // ---- rendering ------------------------------------------------------------------------
  function renderList() {
    ui.list.replaceChildren(
      ...state.articles.map((a) =>
        h("li", { dataset: { id: a.id } },
          h("span", { class: "name" }, a.name || a.id),
          h("small", {}, ` ${a.text.length.toLocaleString("en")} chars${a.encoding && a.encoding !== "utf-8" ? `, ${a.encoding}` : ""}${a.keep.length ? `, ${a.keep.length} restored` : ""}`),
          h("button", { type: "button", class: "remove", title: `Remove ${a.name || a.id}`, onclick: () => removeArticle(a.id) }, "remove"))),
    );
    ui.clear.hidden = state.articles.length === 0;
  }

  function removeArticle(id) {
    state.articles = state.articles.filter((a) => a.id !== id);
    renderList();
    run();
  }

  function restore(id, removed) {
    const a = state.articles.find((x) => x.id === id);
    if (!a) return;
    a.keep.push([removed.start, removed.end]);
    renderList();
    run();
  }

  function renderResults() {
    const report = state.report;
    state.runs++;
    ui.results.dataset.run = String(state.runs);
    if (!report) {
      ui.results.hidden = true;
      for (const el of [ui.clusters, ui.pairs, ui.entities, ui.cards, ui.summary]) el.replaceChildren();
      return;
    }
    ui.results.hidden = false;
    const byId = new Map(report.articles.map((r) => [r.id, r]));
    const titleOf = (id) => shorten(byId.get(id)?.title || state.articles.find((a) => a.id === id)?.name || id);
    const events = report.clusters?.event || [];
    const clusterIndex = new Map();
    events.forEach((ids, index) => ids.forEach((id) => clusterIndex.set(id, { index, ids })));
    const nEvents = events.length;
    ui.summary.replaceChildren(
      `${report.articles.length} article${report.articles.length === 1 ? "" : "s"}, ` +
      `${nEvents} event${nEvents === 1 ? "" : "s"}, ${report.pairs.length} pair${report.pairs.length === 1 ? "" : "s"} compared.`);
    ui.clusters.replaceChildren(...clustersBlock(report.clusters || {}, titleOf));
    ui.pairs.replaceChildren(...pairsBlock(report.pairs || [], titleOf));
    ui.entities.replaceChildren(...entitiesBlock(report.entities, titleOf, entityEdit()));
    ui.legend.replaceChildren(legend());
    ui.cards.replaceChildren(
      ...report.articles.map((r) => {
        const input = state.articles.find((a) => a.id === r.id);
        return input ? articleCard(r, input, {
          onRestore: (removed) => restore(r.id, removed),
          onRemove: removeArticle,
          clusterOf: (id) => clusterIndex.get(id),
        }) : null;
      }).filter(Boolean),
    );
  }

  function showStatus(text, cancellable = false) {
    ui.status.hidden = false;
    ui.statusText.textContent = text;
    ui.cancel.hidden = !cancellable;
  }
  function hideStatus() {
    ui.status.hidden = true;
  }
  function showError(text, withRetry = false) {
    ui.error.replaceChildren(h("span", {}, text));
    if (withRetry && state.articles.length)
      ui.error.append(" ", h("button", { type: "button", onclick: () => run() }, "Analyze again"));
    ui.error.hidden = false;
  }
  function clearError() {
    ui.error.hidden = true;
    ui.error.replaceChildren();
  }

  document.querySelector("#boot")?.remove();
  document.body.dataset.build = singleFile ? "single" : "served";
  document.body.dataset.ready = "1";
  // A link to page.html#examples opens the page with the examples loaded.
  if (location.hash === "#examples") ui.examples.click();
  return { state, addArticles, run };
}

/** The overrides as the engine takes them: {merge: [[a, b], ...], split: [name, ...]}. */
export function overridesOf(list) {
  return {
    merge: list.filter((o) => o.kind === "merge").map((o) => [o.a, o.b]),
    split: list.filter((o) => o.kind === "split").map((o) => o.name),
  };
}

function capitalize(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function shorten(s, n = 70) {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** The files of a drop: plain files and the supported files inside dropped folders. */
export async function droppedFiles(dt) {
  if (!dt) return [];
  const items = [...(dt.items || [])].filter((i) => i.kind === "file");
  // Entries must be taken synchronously, before the first await.
  const entries = items.map((i) => (i.webkitGetAsEntry ? i.webkitGetAsEntry() : null));
  const plain = items.map((i) => i.getAsFile());
  const out = [];
  for (let k = 0; k < items.length; k++) {
    const entry = entries[k];
    if (entry && entry.isDirectory) await walk(entry, out);
    else if (plain[k]) out.push({ file: plain[k], path: plain[k].name });
  }
  if (items.length === 0) for (const file of dt.files || []) out.push({ file, path: file.name });
  return out;
}

async function walk(dir, out) {
  const reader = dir.createReader();
  for (;;) {
    const batch = await new Promise((res, rej) => reader.readEntries(res, rej));
    if (batch.length === 0) break;
    for (const entry of batch) {
      if (entry.isDirectory) await walk(entry, out);
      else if (ACCEPT.test(entry.name)) {
        const file = await new Promise((res, rej) => entry.file(res, rej));
        out.push({ file, path: entry.fullPath.replace(/^\//, "") });
      }
    }
  }
}
