// The analysis worker of the served build: loads the wasm core (the one fetch it makes, from
// its own origin), then shuts the network off before it reads any message (worker-core.js).
// The wasm is fetched and compiled from the moment the worker starts, while the rest of its
// code (the wasm-bindgen glue, the core, the exports) loads: those are imported after.
// The language pack (the word lists English text never needs) is fetched from the same origin
// only when an article needs it, through a fetch of that one address kept before the lock.
// The exports (export.js) are made here, where the whole report is.
const fetchOnce = self.fetch.bind(self);

// The wasm is compiled as it arrives (compileStreaming), then instantiated.
const WASM_URL = new URL("../pkg/storydiff_bg.wasm", import.meta.url).href;
async function compileEngine() {
  const res = await fetchOnce(WASM_URL);
  if (!res.ok) throw new Error(`pkg/storydiff_bg.wasm: HTTP ${res.status}`);
  // A server that does not say application/wasm: compiled once all of it is here.
  if (!/^application\/wasm\b/.test(res.headers.get("content-type") || "")) return WebAssembly.compile(await res.arrayBuffer());
  return WebAssembly.compileStreaming(res);
}
/** The compile on its timeline (seen in the browser's profiler, read by scripts/bench/startup.mjs). */
function compileTimed() {
  const start = performance.now();
  const done = () => performance.measure("storydiff:compile", { start, end: performance.now() });
  return compileEngine().finally(done);
}
// Started now, before any message.
let compiling = compileTimed();
compiling.catch(() => {}); // reported to the call that waits for it

const PACK_URL = new URL("../pkg/storydiff-languages.pack", import.meta.url).href;
async function fetchPack() {
  const res = await fetchOnce(PACK_URL);
  if (!res.ok) throw new Error(`pkg/storydiff-languages.pack: HTTP ${res.status}`);
  return res.arrayBuffer();
}

// Messages that come before the core is here wait, in order, and are then handed to it.
const early = [];
const hold = (e) => early.push(e.data);
self.addEventListener("message", hold);

// offsets.js is export.js's own import: asked for now, not one level later.
Promise.all([import("../pkg/storydiff.js"), import("./worker-core.js"), import("./export.js"), import("./offsets.js")]).then(
  ([engine, { lockNetwork, serveEngine, timed }, { exportReport }]) => {
    serveEngine(self, engine, async () => {
      const pending = compiling || compileTimed();
      compiling = null; // a failed one is fetched again by the next call
      const module = await pending;
      await timed("storydiff:instantiate", () => engine.default({ module_or_path: module }));
      lockNetwork(self);
    }, exportReport, fetchPack);
    self.removeEventListener("message", hold);
    for (const data of early) self.dispatchEvent(new MessageEvent("message", { data }));
  },
  (e) => {
    // Without its code the worker cannot answer: each call is told why.
    const why = `the analysis worker could not load its code: ${e && e.message ? e.message : e}`;
    self.removeEventListener("message", hold);
    const fail = (data) => data && typeof data.method === "string" && self.postMessage({ id: data.id, type: "error", error: why, fatal: true });
    for (const data of early) fail(data);
    self.addEventListener("message", ({ data }) => fail(data));
  },
);
