// Glue of the single-file build (classic script, appended after the inlined modules): the
// analysis runs off the main thread, in a worker made from a Blob URL (STORYDIFF_WORKER_SRC:
// the no-modules glue and worker-core.js); the page hands it the wasm, decoded from base64 but
// still deflated (the worker inflates it), and the language pack, as its first message. Nothing is fetched: it works
// from file:// under connect-src 'none'.
const fromBase64 = (b64) => {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
};
const wasmBytes = fromBase64(STORYDIFF_WASM_B64);
// The language pack (deflated too): the worker inflates and loads it when an article needs it.
const packBytes = STORYDIFF_PACK_B64 ? fromBase64(STORYDIFF_PACK_B64) : null;
const workerSrc = URL.createObjectURL(new Blob([STORYDIFF_WORKER_SRC], { type: "text/javascript" }));
const startWorker = (worker) => worker.postMessage({ wasm: wasmBytes, pack: packBytes });
const bridge = new WorkerBridge(workerSrc, {
  type: "classic",
  idleMs: Infinity, // it keeps the pairs of the last comparison for "Show more"
  onStart: startWorker,
});
bridge.preload(); // compile the engine while the page starts
// A large batch is analyzed in parts by more workers from the same Blob URL (pool.js).
const pool = new WorkerPool(bridge, () => new WorkerBridge(workerSrc, { type: "classic", onStart: startWorker }));

start({
  engine: {
    ...bridgeEngine(bridge),
    compare: (articles, opts) => pool.compare(articles, null, opts),
    compareWithOverrides: (articles, overrides, opts) => pool.compare(articles, overrides, opts),
  },
  loadExamples: async () => STORYDIFF_SEEDS.map((a) => ({ ...a })),
  singleFile: true,
});
