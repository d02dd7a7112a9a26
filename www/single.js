// Glue of the single-file build (classic script, appended after the inlined modules): the
// analysis runs off the main thread, in a worker made from a Blob URL (STORYDIFF_WORKER_SRC:
// the no-modules glue and worker-core.js); the page hands it the wasm, decoded from base64 but
// still deflated (the worker inflates it), as its first message. Nothing is fetched: it works
// from file:// under connect-src 'none'.
const bin = atob(STORYDIFF_WASM_B64);
const wasmBytes = new Uint8Array(bin.length);
for (let i = 0; i < bin.length; i++) wasmBytes[i] = bin.charCodeAt(i);
const workerSrc = URL.createObjectURL(new Blob([STORYDIFF_WORKER_SRC], { type: "text/javascript" }));
const bridge = new WorkerBridge(workerSrc, {
  type: "classic",
  idleMs: Infinity, // it keeps the pairs of the last comparison for "Show more"
  onStart: (worker) => worker.postMessage({ wasm: wasmBytes }),
});
bridge.preload(); // compile the engine while the page starts

start({
  engine: bridgeEngine(bridge),
  loadExamples: async () => STORYDIFF_SEEDS.map((a) => ({ ...a })),
  singleFile: true,
});
