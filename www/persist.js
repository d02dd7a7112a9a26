// The workspace kept in the browser (IndexedDB): the articles as given, the parts the user put
// back, and the user's entity overrides, so that a reload restores them. Each article is one
// record (keyed by its id; an article object of the store is replaced, never changed, so a save
// writes only the articles that changed); one more record holds the order, the overrides and
// the paste counter. Nothing the user can see is lost when storage fails: a full quota or a
// store that cannot be opened leaves the page as it is and says so; damaged records are set
// aside (in the `damaged` store), the rest restored, and the page says how many.

import { uniqueId } from "./store.js";

const DB_NAME = "storydiff";
const DB_VERSION = 1;
const ARTICLES = "articles";
const META = "meta";
const DAMAGED = "damaged";
const META_KEY = "workspace";
/** How long the page waits for the storage to open before it goes on without it. */
const OPEN_TIMEOUT_MS = 5000;
/** How long a save waits for more changes. */
export const SAVE_DELAY_MS = 300;

/** Opens (and creates) the database; rejects with a message people can read. */
export function openWorkspaceDb(idb = globalThis.indexedDB) {
  return new Promise((resolve, reject) => {
    if (!idb) return reject(new Error("this browser gives the page no IndexedDB storage here"));
    let req;
    try {
      req = idb.open(DB_NAME, DB_VERSION);
    } catch (e) {
      return reject(new Error(`the browser refused the storage (${e.name || e.message})`));
    }
    req.onupgradeneeded = () => {
      const db = req.result;
      for (const name of [ARTICLES, META, DAMAGED]) {
        if (!db.objectStoreNames.contains(name)) db.createObjectStore(name, name === DAMAGED ? { autoIncrement: true } : {});
      }
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(new Error(`the saved workspace could not be opened (${req.error?.name || "unknown error"})`));
    req.onblocked = () => reject(new Error("the saved workspace is in use by an older copy of this page in another tab"));
    setTimeout(() => reject(new Error("the browser's storage did not answer")), OPEN_TIMEOUT_MS);
  });
}

/** Runs `fn(stores)` in one transaction over `names`; resolves when it is committed. */
function inTransaction(db, names, mode, fn) {
  return new Promise((resolve, reject) => {
    let tx;
    let out;
    try {
      tx = db.transaction(names, mode);
      out = fn(Object.fromEntries(names.map((n) => [n, tx.objectStore(n)])));
    } catch (e) {
      try { tx?.abort(); } catch { /* already finished */ }
      return reject(e);
    }
    tx.oncomplete = () => resolve(out);
    tx.onabort = () => reject(tx.error || new DOMException("the save was aborted", "AbortError"));
    tx.onerror = (e) => e.preventDefault(); // the abort that follows rejects
  });
}

/** Every record of `store`, as [key, value] pairs. */
function allRecords(store) {
  const out = [];
  const cursor = store.openCursor();
  cursor.onsuccess = () => {
    const c = cursor.result;
    if (!c) return;
    out.push([c.key, c.value]);
    c.continue();
  };
  return out;
}

// ---- what a record must look like -------------------------------------------------------

const isSpanList = (k) => Array.isArray(k) && k.every((p) => Array.isArray(p) && p.length === 2 && p.every(Number.isInteger));
const isStrings = (w) => Array.isArray(w) && w.every((x) => typeof x === "string");

/** The article of a saved record, or null when the record is damaged. */
export function articleOfRecord(key, r) {
  if (!r || typeof r !== "object" || typeof r.id !== "string" || r.id !== key || typeof r.text !== "string" || !r.text.trim()) return null;
  if (!isSpanList(r.keep ?? []) || !isStrings(r.warnings ?? [])) return null;
  const opt = (x) => (typeof x === "string" ? x : undefined);
  return { id: r.id, name: opt(r.name), text: r.text, title: opt(r.title), keep: r.keep ?? [], encoding: opt(r.encoding), warnings: r.warnings ?? [] };
}

const isOverride = (o) => o && (o.kind === "split" ? typeof o.name === "string" : o.kind === "merge" && typeof o.a === "string" && typeof o.b === "string");

/** The workspace of saved records: the articles in their saved order, the overrides, and what was damaged. */
export function workspaceOfRecords(articleRecords, meta) {
  const damaged = [];
  const byId = new Map();
  for (const [key, value] of articleRecords) {
    const a = articleOfRecord(key, value);
    if (a) byId.set(a.id, a);
    else damaged.push({ store: ARTICLES, key, value });
  }
  const metaOk = meta && typeof meta === "object" && isStrings(meta.order) && Array.isArray(meta.overrides) && meta.overrides.every(isOverride);
  if (meta !== undefined && !metaOk) damaged.push({ store: META, key: META_KEY, value: meta });
  const order = metaOk ? meta.order.filter((id) => byId.has(id)) : [];
  const rest = [...byId.keys()].filter((id) => !order.includes(id)).sort();
  return {
    articles: [...order, ...rest].map((id) => byId.get(id)),
    overrides: metaOk ? meta.overrides : [],
    pasted: metaOk && Number.isInteger(meta.pasted) ? meta.pasted : 0,
    damaged,
  };
}

/** Reads the saved workspace; damaged records are moved to the `damaged` store. */
export async function loadWorkspace(db) {
  const got = await inTransaction(db, [ARTICLES, META], "readonly", (s) => {
    const meta = s[META].get(META_KEY);
    return { records: allRecords(s[ARTICLES]), meta };
  });
  const ws = workspaceOfRecords(got.records, got.meta.result);
  if (ws.damaged.length) {
    // Set aside, not deleted; where even that fails, they stay where they are.
    await inTransaction(db, [ARTICLES, META, DAMAGED], "readwrite", (s) => {
      for (const d of ws.damaged) {
        s[DAMAGED].add({ store: d.store, key: d.key, value: d.value, at: new Date().toISOString() });
        s[d.store].delete(d.key);
      }
    }).catch(() => {});
  }
  return ws;
}

/** How many articles one transaction writes: a save of 1,000 must not hold the page in one task. */
const SAVE_BATCH = 100;

/**
 * Writes the articles of `state` that differ from `saved` (a Map id → article), a batch per
 * transaction, after deleting the ones that went; then the meta record (order, overrides).
 */
async function saveWorkspace(db, state, saved) {
  const ids = new Set(state.articles.map((a) => a.id));
  const changed = state.articles.filter((a) => saved.get(a.id) !== a);
  const gone = [...saved.keys()].filter((id) => !ids.has(id));
  for (let i = 0; i === 0 || i < changed.length; i += SAVE_BATCH) {
    await inTransaction(db, [ARTICLES], "readwrite", (s) => {
      if (i === 0) for (const id of gone) s[ARTICLES].delete(id);
      for (const a of changed.slice(i, i + SAVE_BATCH)) {
        s[ARTICLES].put({ id: a.id, name: a.name, text: a.text, title: a.title, keep: a.keep, encoding: a.encoding, warnings: a.warnings || [] }, a.id);
      }
    });
  }
  await inTransaction(db, [META], "readwrite", (s) => {
    s[META].put({ order: state.articles.map((a) => a.id), overrides: state.overrides, pasted: state.pasted }, META_KEY);
  });
}

/** Deletes every saved article and the meta record (the damaged ones stay, for whoever wants them). */
function clearWorkspace(db) {
  return inTransaction(db, [ARTICLES, META], "readwrite", (s) => {
    s[ARTICLES].clear();
    s[META].clear();
  });
}

/** A storage error in words, with what the user keeps. */
export function saveProblem(e, count) {
  const quota = e && (e.name === "QuotaExceededError" || /quota/i.test(e.message || ""));
  const why = quota ? "the browser's storage for this page is full" : `the browser refused to save (${(e && (e.name || e.message)) || "unknown error"})`;
  const n = `${count} article${count === 1 ? "" : "s"}`;
  return `Not saved: ${why}. Your ${n} and changes are still on this page, but a reload would lose what is not saved: export the JSON report to keep them, or remove articles you do not need.`;
}

/**
 * Keeps `store`'s workspace in IndexedDB. Restores the saved one first (merged before anything
 * added meanwhile), then saves every change of the articles, overrides or paste counter
 * `delayMs` later. `onStatus({text, problem})` says what happened (null: nothing to say).
 * Returns {ready, clear}: `ready` resolves once restored; `clear()` deletes the saved workspace.
 */
export function persistWorkspace(store, { idb = globalThis.indexedDB, delayMs = SAVE_DELAY_MS, onStatus = () => {}, fileUrl = false } = {}) {
  let db = null;
  let saved = new Map();
  let timer = null;
  const say = (text, problem = false) => onStatus(text ? { text, problem } : null);
  const ready = (async () => {
    try {
      db = await openWorkspaceDb(idb);
      const ws = await loadWorkspace(db);
      saved = new Map(ws.articles.map((a) => [a.id, a]));
      store.update((s) => mergeRestored(s, ws));
      say(restoredText(ws), ws.damaged.length > 0);
    } catch (e) {
      db = null;
      const where = fileUrl ? " (a page opened from disk may not use the browser's storage)" : "";
      return say(`Your workspace is not kept in this browser: ${e.message}${where}. What you add stays on this page until you close or reload it; export the report to keep it.`, true);
    }
    store.subscribe((s, prev) => {
      if (s.articles !== prev.articles || s.overrides !== prev.overrides || s.pasted !== prev.pasted) schedule();
    });
    if (store.get().articles.length !== saved.size) schedule();
  })();
  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(save, delayMs);
  }
  async function save() {
    const state = store.get();
    try {
      await saveWorkspace(db, state, saved);
      saved = new Map(state.articles.map((a) => [a.id, a]));
      const n = state.articles.length;
      say(n ? `Your workspace (${n} article${n === 1 ? "" : "s"} and your changes) is kept in this browser; a reload restores it.` : null);
    } catch (e) {
      say(saveProblem(e, state.articles.length), true);
    }
  }
  async function clear() {
    await ready;
    if (!db) return;
    clearTimeout(timer);
    try {
      await clearWorkspace(db);
      saved = new Map();
    } catch (e) {
      say(`The saved workspace could not be deleted: ${e.name || e.message}.`, true);
    }
  }
  return { ready, clear };
}

/**
 * The store's patch that puts the restored workspace first, then what was added meanwhile (the
 * same article twice is kept once; another article with a restored id gets an id of its own).
 */
export function mergeRestored(s, ws) {
  if (!ws.articles.length && !ws.overrides.length) return null;
  const byId = new Map(ws.articles.map((a) => [a.id, a]));
  const taken = new Set(byId.keys());
  const added = [];
  for (const a of s.articles) {
    if (byId.get(a.id)?.text === a.text) continue;
    const id = uniqueId([], a.id, taken);
    taken.add(id);
    added.push(id === a.id ? a : { ...a, id });
  }
  return {
    articles: [...ws.articles, ...added],
    overrides: [...ws.overrides, ...s.overrides],
    pasted: Math.max(s.pasted, ws.pasted),
  };
}

function restoredText(ws) {
  const n = ws.articles.length;
  const restored = n ? `Restored your workspace: ${n} article${n === 1 ? "" : "s"}${ws.overrides.length ? ` and ${ws.overrides.length} change${ws.overrides.length === 1 ? "" : "s"} to the entities` : ""}.` : "";
  if (!ws.damaged.length) return restored;
  const d = ws.damaged.length;
  return `${restored} ${d} saved record${d === 1 ? " was" : "s were"} damaged and could not be read; ${d === 1 ? "it was" : "they were"} set aside in the browser's storage, not deleted.`.trim();
}
