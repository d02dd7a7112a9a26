// Glue of the single-file build (classic script, appended after the inlined modules): the
// analysis runs off the main thread, in a worker made from a Blob URL (STORYDIFF_WORKER_SRC:
// the no-modules glue and worker-core.js); the page hands it the wasm, decoded from base64 but
// still deflated (the worker inflates it), as its first message. Nothing is fetched: it works
// from file:// under connect-src 'none'.
const bin = atob(STORYDIFF_WASM_B64);
const wasmBytes = new Uint8Array(bin.length);
for (let i = 0; i < bin.length; i++) wasmBytes[i] = bin.charCodeAt(i);
const workerSrc = URL.createObjectURL(new Blob([STORYDIFF_WORKER_SRC], { type: "text/javascript" }));
const startWorker = (worker) => worker.postMessage({ wasm: wasmBytes });
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
    compare: (articles, opts) => pool.compare(articles, null, opts),
    compareWithOverrides: (articles, overrides, opts) => pool.compare(articles, overrides, opts),
    pairs: (run, related, offset, limit) => bridge.call("pairs", [run, related, offset, limit]),
    decode: (bytes, name) => bridge.call("decode", [bytes, name]),
    exportReport: (run, format) => bridge.call("exportReport", [run, format]),
  },
  loadExamples: async () => STORYDIFF_SEEDS.map((a) => ({ ...a })),
  singleFile: true,
});
