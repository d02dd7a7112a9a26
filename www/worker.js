// The analysis worker of the served build: loads the wasm core (the one fetch it makes, from
// its own origin), then shuts the network off before it reads any message (worker-core.js).
// The language pack (the word lists English text never needs) is fetched from the same origin
// only when an article needs it, through a fetch of that one address kept before the lock.
// The exports (export.js) are made here, where the whole report is.
import init, * as engine from "../pkg/storydiff.js";
import { lockNetwork, serveEngine, timed } from "./worker-core.js";
import { exportReport } from "./export.js";

const PACK_URL = new URL("../pkg/storydiff-languages.pack", import.meta.url).href;
const fetchOnce = self.fetch.bind(self);
async function fetchPack() {
  const res = await fetchOnce(PACK_URL);
  if (!res.ok) throw new Error(`pkg/storydiff-languages.pack: HTTP ${res.status}`);
  return res.arrayBuffer();
}

// The wasm is compiled as it arrives (compileStreaming), then instantiated.
const WASM_URL = new URL("../pkg/storydiff_bg.wasm", import.meta.url).href;
async function compileEngine() {
  const res = await fetchOnce(WASM_URL);
  if (!res.ok) throw new Error(`pkg/storydiff_bg.wasm: HTTP ${res.status}`);
  // A server that does not say application/wasm: compiled once all of it is here.
  if (!/^application\/wasm\b/.test(res.headers.get("content-type") || "")) return WebAssembly.compile(await res.arrayBuffer());
  return WebAssembly.compileStreaming(res);
}

serveEngine(self, engine, async () => {
  const module = await timed("storydiff:compile", compileEngine);
  await timed("storydiff:instantiate", () => init({ module_or_path: module }));
  lockNetwork(self);
}, exportReport, fetchPack);
