// Glue of the single-file build (classic script, appended after the inlined modules): the
// analysis runs off the main thread, in a worker made from a Blob URL (the no-modules glue and
// worker-core.js), started already by the file's first script (www/single-start.js,
// STORYDIFF_START) and sent by its second the wasm, decoded from base64 but still deflated
// (the worker inflates it), and the language pack, as its first message. Nothing is fetched: it works from file://
// under connect-src 'none'.
// The first message a fresh worker needs: the wasm and the pack, made by the file's second
// script (STORYDIFF_START.send).
const { src: workerSrc, worker: started } = STORYDIFF_START;
const startWorker = (worker) => worker.postMessage(STORYDIFF_START.boot);
const bridge = new WorkerBridge(workerSrc, {
  type: "classic",
  idleMs: Infinity, // it keeps the pairs of the last comparison for "Show more"
  onStart: startWorker,
  started,
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
