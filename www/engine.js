// The served build's engine: the analysis worker behind the bridge. The worker itself was
// started first thing by www/start.js (a classic script in <head>), so that it fetches and
// compiles the wasm while the page loads; this small module, loaded on its own (async,
// before the page's modules), gives it to the bridge and has it load the engine; main.js
// imports the same instance.
import { WorkerBridge } from "./bridge.js";

const started = globalThis.storydiffStartedWorker || null;
delete globalThis.storydiffStartedWorker;
// The worker keeps the pairs of the last comparison for "Show more": it never stops when idle.
export const bridge = new WorkerBridge(new URL("./worker.js", import.meta.url), { idleMs: Infinity, started });
// Load the engine while the page and the examples load, not when the first article comes.
bridge.preload();
