// The served build's engine: the analysis worker behind the bridge, started as soon as this
// small module has loaded. index.html loads it on its own (async, before the page's modules),
// so that the worker fetches and compiles the wasm while the rest of the page loads; main.js
// imports the same instance.
import { WorkerBridge } from "./bridge.js";

// The worker keeps the pairs of the last comparison for "Show more": it never stops when idle.
export const bridge = new WorkerBridge(new URL("./worker.js", import.meta.url), { idleMs: Infinity });
// Load the engine while the page and the examples load, not when the first article comes.
bridge.preload();
