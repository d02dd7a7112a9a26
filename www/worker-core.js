// The analysis worker's core, shared by the served build (worker.js, a module worker) and
// the single file (a classic worker from a Blob URL): it shuts the worker's network off, then
// answers {id, method, args} messages with {id, type: "result", value} or {id, type: "error",
// error}; long calls first post {id, type: "progress", progress}. No message is read before
// the engine is loaded and the network is shut: the untrusted text never meets a network API.

/** The network APIs of a worker's scope: each is replaced by one that throws. */
export const NETWORK_APIS = ["fetch", "XMLHttpRequest", "WebSocket", "WebSocketStream", "EventSource", "WebTransport", "importScripts", "Request"];

/** Removes the network APIs from `scope` (and its prototypes), so that nothing can reach out. */
export function lockNetwork(scope) {
  const blocked = (name) => function () {
    throw new TypeError(`${name} is disabled: the analysis worker has no network access`);
  };
  for (const name of NETWORK_APIS) {
    for (let o = Object.getPrototypeOf(scope); o; o = Object.getPrototypeOf(o)) {
      if (Object.prototype.hasOwnProperty.call(o, name)) {
        try { delete o[name]; } catch { /* not configurable: shadowed below */ }
      }
    }
    Object.defineProperty(scope, name, { value: blocked(name), writable: false, configurable: false });
  }
  if (scope.navigator && "sendBeacon" in scope.navigator) {
    Object.defineProperty(scope.navigator, "sendBeacon", { value: blocked("sendBeacon"), configurable: false });
  }
}

/** How many pairs a comparison sends at first; the page asks for more as the user wants them. */
export const FIRST_PAIRS = 20;

/**
 * The pairs of the last comparison, kept in the worker: copying every pair to the page (19,900
 * for 200 articles) blocks its main thread for seconds, so a comparison sends only the best
 * FIRST_PAIRS related pairs, with `pairCounts` and its `run` number, and `more` sends the next.
 * Pairs the engine gave as JSON text (AS_JSON) are read only when they are sent.
 */
function pairPages() {
  // Run numbers start anywhere: a worker started again (after a cancel) never takes the number
  // of a report that the page still shows from the one before.
  let run = Math.floor(Math.random() * 1e9);
  let kept = { related: pairList(), unrelated: pairList(), report: null, inputs: [] };
  return {
    first(report, inputs) {
      kept = { related: pairList(report, true), unrelated: pairList(report, false), report, inputs };
      run += 1;
      const pairCounts = { total: kept.related.length + kept.unrelated.length, related: kept.related.length, unrelated: kept.unrelated.length };
      const { pairsJson, pairEnds, pairScores, pairRelated, ...rest } = report;
      return { ...rest, pairs: kept.related.slice(0, FIRST_PAIRS), pairCounts, run };
    },
    more(of, related, offset, limit) {
      current(of);
      return (related ? kept.related : kept.unrelated).slice(offset, offset + limit);
    },
    /** The whole report of run `of` (every pair, as the engine wrote it) and its inputs. */
    whole(of) {
      current(of);
      if (kept.report.pairsJson) kept.report = withListsRead(kept.report);
      return kept;
    },
  };
  function current(of) {
    if (!kept.report) throw new Error("the analysis was stopped since these results were shown; press “Analyze again” first");
    if (of !== run) throw new Error("these results are out of date: a newer comparison replaced them");
  }
}

/**
 * The related (or the unrelated) pairs of `report`, best score first (ties in the report's
 * order): `length`, and `slice(start, end)` giving the pairs. Pairs given as JSON text are
 * ordered by `pairScores` and read a slice at a time.
 */
export function pairList(report = {}, related = true) {
  if (!report.pairsJson) {
    const list = (report.pairs || []).filter((p) => (p.relation !== "unrelated") === related).sort((x, y) => y.score - x.score);
    return { length: list.length, slice: (start, end) => list.slice(start, end) };
  }
  const { pairsJson, pairEnds, pairScores, pairRelated } = report;
  const order = [];
  for (let k = 0; k < pairEnds.length; k++) if ((pairRelated[k] === 1) === related) order.push(k);
  order.sort((x, y) => pairScores[y] - pairScores[x]); // stable, as the sort of the objects
  return { length: order.length, slice: (start, end) => order.slice(start, end).map((k) => readItems(pairsJson, pairEnds, k, k + 1)[0]) };
}

/** The engine's error when the articles need the language pack (src/wasm.rs, LANGUAGE_PACK_NEEDED). */
export const LANGUAGE_PACK_NEEDED = "storydiff: these articles need the language pack";

/**
 * The word lists English text never needs (other languages' word frequencies, names in other
 * scripts) are not in the page's wasm: `fetchPack()` gives their bytes (fetched from the same
 * origin by the served build, inflated from the single file), and the engine loads them the
 * first time a call says it needs them; that call then runs again. `onLoading` reports it.
 */
function languagePack(engine, fetchPack) {
  let loading = null;
  return async function withPack(call, onLoading) {
    try {
      return call();
    } catch (e) {
      if (!fetchPack || !e || e.message !== LANGUAGE_PACK_NEEDED) throw e;
      if (!loading) {
        onLoading();
        loading = fetchPack().then((bytes) => engine.loadLanguagePack(new Uint8Array(bytes)));
        loading.catch(() => { loading = null; }); // tried again by the next call
      }
      await loading.catch((err) => { throw new Error(`could not load the language pack: ${err.message || err}`); });
      return call();
    }
  };
}

/**
 * Two short articles about one made-up event, in English (they need no language pack), with
 * what every stage looks for: a dateline and dates, names of people, places and organizations,
 * numbers, quotes with their speakers. When the page is ready and no call came yet, the worker
 * analyzes the first, then compares both (`warmUp`): the browser compiles the engine's code on
 * its first calls, and the word lists are unpacked on first use, so the first real call
 * that comes later finds that done.
 */
export const WARM_UP = [
  {
    id: "warm-up-1",
    text: "Harbour bridge reopens after repairs\n\nPORTSMOUTH, March 3, 2021 (Reuters) - The North Harbour Bridge " +
      "reopened on Tuesday after eight months of repairs costing $12.5 million, city officials said.\n\n" +
      "\"We are glad to have it back,\" said Mayor Anna Clarke. About 40,000 vehicles cross the bridge every day, " +
      "according to the Department of Transport. Work began in July 2020 when engineers found cracks in two of its supports.",
  },
  {
    id: "warm-up-2",
    text: "North Harbour Bridge open again\n\nBy John Miller\n\nThe bridge in Portsmouth opened to traffic again on " +
      "3 March, the city council said. Repairs took eight months and cost 12.5 million dollars.\n\n" +
      "Mayor Anna Clarke told reporters that the city was \"glad to have it back\". Some 40,000 cars use it daily.",
  },
];

/**
 * Warms `engine` up with WARM_UP in two steps, each in a task of its own and only while
 * `idle()` says no call came yet: a call that comes meanwhile waits for one step at most, and
 * the rest is left out (after the first call the code is compiled anyway). Each step's time is
 * on the timeline as `storydiff:warm-up`; a failure is ignored (the real calls report their own).
 */
export function warmUp(engine, idle) {
  const steps = [() => engine.analyze(WARM_UP.slice(0, 1)), () => engine.compare(WARM_UP, AS_JSON)];
  const next = () => {
    const step = steps.shift();
    if (!step || !idle()) return;
    try {
      timed("storydiff:warm-up", step);
    } catch {
      return;
    }
    setTimeout(next, 0);
  };
  setTimeout(next, 0);
}

/**
 * Serves the engine's methods on `scope`'s messages; each waits for `load()` (the engine
 * loaded and the network locked; called on the first message, again after a failed load).
 * `exporter(report, format, inputs)` (export.js's exportReport) makes the files to download;
 * `fetchPack()` gives the language pack's bytes (see languagePack).
 */
export function serveEngine(scope, engine, load, exporter = null, fetchPack = null) {
  let ready = null;
  let called = false; // whether a call came: the warm-up is for the time before the first
  let warming = false;
  const pages = pairPages();
  const withPack = languagePack(engine, fetchPack);
  let progress = () => {};
  const packed = (call) => withPack(call, () => progress({ stage: "loading the word lists of other languages" }));
  const methods = {
    load: () => true, // the engine is loaded before any method runs: see WorkerBridge.preload
    warmUp: () => {
      if (!warming) warmUp(engine, () => !called);
      warming = true;
      return true;
    },
    analyze: (articles) => packed(() => engine.analyze(articles)),
    // The articles and pairs come as JSON text (AS_JSON): the articles handed to the page as it is.
    compare: async (articles) => pages.first(await packed(() => engine.compare(articles, AS_JSON)), articles),
    compareWithOverrides: async (articles, overrides) =>
      pages.first(await packed(() => engine.compareWithOverrides(articles, overrides, AS_JSON)), articles),
    // The worker pool (pool.js): a part of a large batch analyzed here, handed back packed;
    // then, in the main worker, the batch compared from its parts.
    analyzePart: (articles, start, end) => packed(() => engine.analyzePart(articles, start, end)),
    compareAnalyzed: async (articles, parts, overrides) =>
      pages.first(await packed(() => engine.compareAnalyzed(parts, overrides, AS_JSON)), articles),
    // A file of the whole report (every pair), made here: the page gets one Blob, not the report.
    exportReport: (run, format) => {
      if (!exporter) throw new Error("exports are not available in this build");
      const { report, inputs } = pages.whole(run);
      const file = exporter(report, format, inputs);
      return { name: file.name, blob: new Blob([file.text], { type: file.type }) };
    },
    pairs: (run, related, offset, limit) => pages.more(run, related, offset, limit),
    decode: (bytes, name) => engine.decodeBytes(new Uint8Array(bytes), name),
    schemaVersion: () => engine.schemaVersion(),
  };
  scope.addEventListener("message", async ({ data }) => {
    if (!data || typeof data.method !== "string") return;
    const { id, method, args } = data;
    progress = (p) => scope.postMessage({ id, type: "progress", progress: p });
    // The bridge's preload and its request to warm up are no calls.
    if (method !== "load" && method !== "warmUp") called = true;
    try {
      if (!ready) {
        progress({ stage: "loading the analysis engine" });
        ready = timed("storydiff:load", load);
      }
      await ready;
      const fn = Object.prototype.hasOwnProperty.call(methods, method) ? methods[method] : null;
      if (!fn) throw new Error(`unknown method ${method}`);
      progress({ stage: stageOf(method, args) });
      const value = await timed(`storydiff:${method}`, () => fn(...args));
      timed("storydiff:post", () => postResult(scope, id, value));
    } catch (e) {
      // A failed load is tried again on the next call; after a trap the engine may be broken:
      // `fatal` asks the bridge to start a fresh worker for the next call.
      const loaded = await ready?.then(() => true, () => false);
      if (!loaded) ready = null;
      const fatal = loaded && (e instanceof WebAssembly.RuntimeError || String(e).includes("WebAssembly"));
      scope.postMessage({ id, type: "error", error: e && e.message ? e.message : String(e), fatal });
    }
  });
}

/**
 * `work()`'s result, its time on the worker's performance timeline as the measure `name` (seen in
 * the browser's profiler and read by scripts/bench/startup.mjs).
 */
export function timed(name, work) {
  const start = performance.now();
  const done = () => {
    try { performance.measure(name, { start, end: performance.now() }); } catch { /* no timeline here */ }
  };
  const result = work();
  if (result && typeof result.then === "function") return result.finally(done);
  done();
  return result;
}

/** What a call is doing, as the page's status says it. */
function stageOf(method, args) {
  if (method === "compareAnalyzed") return `comparing ${args[0].length} article(s)`;
  if (method === "analyzePart") return `analyzing articles ${args[1] + 1}–${args[2]}`;
  return method.startsWith("compare") ? `analyzing and comparing ${args[0].length} article(s)` : method;
}

/** The long lists of a result that are sent in parts, and how many items a part holds. */
const PARTS = ["articles", "entities", "tables"];
export const PART_SIZE = 50;
/** A list inside one item (the thousands of name joins of one entity) longer than this goes in parts too. */
const INNER_LONG = 500;
/**
 * The comparisons ask the engine for their articles and pairs as JSON text (src/wasm.rs,
 * `to_js_lists_as_json`): the worker then neither reads the articles into objects nor copies
 * those to the page, which reads the text itself, a part at a time; and reads a pair only when
 * it sends it. A part of text holds at most PART_SIZE articles and PART_BYTES bytes; an article
 * longer than that alone is read here and sent as objects, its long lists in parts, as before.
 */
const AS_JSON = true;
export const PART_BYTES = 1 << 20;

/** The items `from`..`to` of the JSON text `json` (`ends` as the engine gives them). */
export function readItems(json, ends, from = 0, to = ends.length) {
  if (to <= from) return [];
  const start = from === 0 ? 0 : ends[from - 1];
  return parseItems(json.subarray(start, ends[to - 1]));
}

/** The items of a run of JSON text: each item's JSON followed by a comma. */
function parseItems(bytes) {
  return JSON.parse(`[${new TextDecoder().decode(bytes.subarray(0, bytes.length - 1))}]`);
}

/** `report` with its articles and pairs read from their JSON text (the engine gives both so). */
function withListsRead(report) {
  const { articlesJson, articleEnds, pairsJson, pairEnds, pairScores, pairRelated, ...rest } = report;
  return { ...rest, articles: readItems(articlesJson, articleEnds), pairs: readItems(pairsJson, pairEnds) };
}

/**
 * Posts a result; its long lists (the articles of a batch of 1,000) go first, in parts of
 * PART_SIZE items ({id, type: "part", key, items}), the rest last with those lists empty: the
 * page reads each message in a task of its own, so that no one read blocks it for long. A
 * long list inside an item goes the same way, keyed "list/index/field".
 */
function postResult(scope, id, value) {
  const parts = [];
  const send = (key, list, size) => {
    parts.push(key);
    for (let i = 0; i < list.length; i += size) scope.postMessage({ id, type: "part", key, items: list.slice(i, i + size) });
  };
  if (value && value.articlesJson) {
    parts.push("articles");
    postArticlesJson(scope, id, value.articlesJson, value.articleEnds, send);
    value = { ...value };
    delete value.articlesJson;
    delete value.articleEnds;
  }
  const long = value && typeof value === "object" && !Array.isArray(value)
    ? PARTS.filter((k) => Array.isArray(value[k]) && value[k].length > 0) : [];
  for (const key of long) {
    const items = value[key].map((item, i) => splitItem(item, (field, list) => send(`${key}/${i}/${field}`, list, INNER_LONG)));
    send(key, items, PART_SIZE);
  }
  if (parts.length === 0) return scope.postMessage({ id, type: "result", value });
  scope.postMessage({ id, type: "result", value: { ...value, ...Object.fromEntries(long.map((k) => [k, []])) }, parts });
}

/**
 * Posts the articles of `json` (`ends` as the engine gives them) as parts of the list
 * "articles": runs of whole articles as text ({id, type: "part", key, json}, its bytes
 * transferred), and an article longer than PART_BYTES as one item, read here, with its long
 * lists in parts of their own ("articles/index/field", by postResult's `send`).
 */
function postArticlesJson(scope, id, json, ends, send) {
  const start = (k) => (k === 0 ? 0 : ends[k - 1]);
  const postText = (from, to) => {
    if (to <= from) return;
    const bytes = json.slice(start(from), ends[to - 1]);
    scope.postMessage({ id, type: "part", key: "articles", json: bytes }, [bytes.buffer]);
  };
  let from = 0;
  for (let k = 0; k < ends.length; k++) {
    if (ends[k] - start(k) > PART_BYTES) {
      postText(from, k);
      const [item] = readItems(json, ends, k, k + 1);
      const inner = splitItem(item, (field, list) => send(`articles/${k}/${field}`, list, INNER_LONG));
      scope.postMessage({ id, type: "part", key: "articles", items: [inner] });
      from = k + 1;
    } else if (k - from + 1 > PART_SIZE || ends[k] - start(from) > PART_BYTES) {
      postText(from, k);
      from = k;
    }
  }
  postText(from, ends.length);
}

/** `item` with its lists longer than INNER_LONG emptied, each handed to `send(field, list)` first. */
function splitItem(item, send) {
  if (!item || typeof item !== "object") return item;
  const fields = Object.keys(item).filter((f) => Array.isArray(item[f]) && item[f].length > INNER_LONG);
  if (fields.length === 0) return item;
  for (const f of fields) send(f, item[f]);
  return { ...item, ...Object.fromEntries(fields.map((f) => [f, []])) };
}
