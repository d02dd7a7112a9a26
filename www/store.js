// The page's state and the one way it changes. Pure: no DOM and no engine, so it also runs
// under `node --test`. The state is replaced, never mutated: every change is
// `store.update(change)`, where `change(state)` returns the fields that change (or nothing);
// each subscriber then gets `(state, prev)` and compares fields by identity to decide what to
// render again and whether the analysis runs again (`wantsRun`).
//
// The actions below are such changes: pure functions from the state (and their arguments)
// to the fields they change. A change of the analysis' inputs also clears the error shown,
// unless it sets one of its own.

/** The state of the page before anything is added. */
export function initialState() {
  return {
    articles: [], // [{id, name, text, title, keep: [[start, end], ...], encoding}]
    overrides: [], // the user's entity overrides: [{kind: "split", name} | {kind: "merge", a, b}]
    retries: 0, // bumped by "Analyze again": runs the analysis on unchanged inputs
    pasted: 0, // how many texts were pasted (their ids: pasted-1, pasted-2, ...)
    report: null, // the report shown, or null
    elapsedMs: null, // how long the analysis of that report took
    runs: 0, // how many times the results were rendered (the page's data-run)
    busy: false, // a run is scheduled or running
    status: null, // {text, cancellable}: what the page is doing
    error: null, // {text, retry}: what went wrong; `retry` offers "Analyze again"
  };
}

/** A store of the page's state with one update path; see the top of this file. */
export function createStore(state = initialState()) {
  const subscribers = new Set();
  const queue = [];
  let notifying = false;
  return {
    /** The current state (never mutate it). */
    get: () => state,
    /** Applies `change(state)`; changes made by subscribers run after the current one. */
    update(change) {
      queue.push(change);
      if (notifying) return;
      notifying = true;
      try {
        while (queue.length) {
          const prev = state;
          const patch = queue.shift()(prev);
          if (!patch) continue;
          state = { ...prev, ...patch };
          for (const fn of subscribers) fn(state, prev);
        }
      } finally {
        notifying = false;
      }
    },
    /** Calls `fn(state, prev)` after every change; returns a function that unsubscribes. */
    subscribe(fn) {
      subscribers.add(fn);
      return () => subscribers.delete(fn);
    },
  };
}

/** Whether the change from `prev` to `state` asks for the analysis to run again. */
export function wantsRun(state, prev) {
  return state.articles !== prev.articles || state.overrides !== prev.overrides || state.retries !== prev.retries;
}

// ---- articles ------------------------------------------------------------------------------

/** An id for an article named `base` that no article of `articles` has yet (or not in `taken`, a Set of ids). */
export function uniqueId(articles, base, taken = new Set(articles.map((a) => a.id))) {
  const clean = String(base).trim().replace(/\s+/g, "_").slice(0, 80) || "article";
  if (!taken.has(clean)) return clean;
  for (let i = 2; ; i++) if (!taken.has(`${clean}-${i}`)) return `${clean}-${i}`;
}

/** Adds articles ({id, name, text, title?, encoding?}); the empty ones are skipped, and said so. */
export function addArticles(state, list) {
  const articles = [...state.articles];
  const taken = new Set(articles.map((a) => a.id));
  const empty = [];
  for (const a of list) {
    if (!a.text || !a.text.trim()) {
      empty.push(a.name || a.id);
      continue;
    }
    const id = uniqueId(articles, a.id, taken);
    taken.add(id);
    articles.push({ id, name: a.name, text: a.text, title: a.title, keep: [], encoding: a.encoding, warnings: a.warnings || [] });
  }
  const error = empty.length ? { text: `Skipped ${empty.length} empty article(s): ${empty.join("; ")}` } : null;
  return { articles, error };
}

/** The size limit of a pasted article, as the engine's (storydiff::DEFAULT_MAX_BYTES): 1 MB. */
const PASTE_MAX_BYTES = 1024 * 1024;

/** Adds a pasted text with an optional title; says so when there is no text. */
export function addPasted(state, text, title) {
  if (!text.trim()) return { error: { text: "Paste the text of an article first." } };
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > PASTE_MAX_BYTES) {
    const mb = (n) => `${(n / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;
    return { error: { text: `The pasted text is ${mb(bytes)}, over the size limit of ${mb(PASTE_MAX_BYTES)}; paste one article at a time.` } };
  }
  const pasted = state.pasted + 1;
  const named = title.trim() || undefined;
  const article = { id: `pasted-${pasted}`, name: named || `pasted text ${pasted}`, text, title: named };
  return { pasted, ...addArticles(state, [article]) };
}

/** Adds the example articles that are not there yet. */
export function addExamples(state, list) {
  const have = new Set(state.articles.map((a) => a.id));
  const patch = addArticles(state, list.filter((a) => !have.has(a.id)));
  return list.every((a) => have.has(a.id)) ? { ...patch, status: null } : patch;
}

/** Removes the article `id`. */
export function removeArticle(state, id) {
  return { articles: state.articles.filter((a) => a.id !== id), error: null };
}

/** Removes every article and every override. */
export function clearArticles() {
  return { articles: [], overrides: [], error: null };
}

/** Puts a part that cleaning removed from article `id` back ({start, end} of the report). */
export function restoreRemoved(state, id, removed) {
  if (!state.articles.some((a) => a.id === id)) return null;
  const articles = state.articles.map((a) => (a.id === id ? { ...a, keep: [...a.keep, [removed.start, removed.end]] } : a));
  return { articles, error: null };
}

/** Runs the analysis again on the same inputs ("Analyze again"). */
export function retry(state) {
  return { retries: state.retries + 1, error: null };
}

// ---- the user's entity overrides (split a name off, merge two entities) ----------------------

const sameOverride = (x, y) =>
  x.kind === y.kind && (x.kind === "split" ? x.name === y.name : (x.a === y.a && x.b === y.b) || (x.a === y.b && x.b === y.a));

/** Adds override `o` after dropping those `drop` selects; nothing when that changes nothing. */
function withOverride(state, o, drop = () => false) {
  const kept = state.overrides.filter((x) => !drop(x));
  const has = kept.some((x) => sameOverride(x, o));
  if (kept.length === state.overrides.length && has) return null;
  return { overrides: has ? kept : [...kept, o], error: null };
}

/** Makes `name` an entity of its own; the user's merges that hold it go, or it would not stand alone. */
export function splitName(state, name) {
  return withOverride(state, { kind: "split", name }, (o) => o.kind === "merge" && (o.a === name || o.b === name));
}

/** Merges the entities named `a` and `b`. */
export function mergeEntities(state, a, b) {
  return withOverride(state, { kind: "merge", a, b });
}

/** Drops the override at `index`. */
export function undoOverride(state, index) {
  return { overrides: state.overrides.filter((_, i) => i !== index), error: null };
}

/** The overrides as the engine takes them: {merge: [[a, b], ...], split: [name, ...]}. */
export function overridesOf(list) {
  return {
    merge: list.filter((o) => o.kind === "merge").map((o) => [o.a, o.b]),
    split: list.filter((o) => o.kind === "split").map((o) => o.name),
  };
}
