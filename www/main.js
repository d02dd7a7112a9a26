// Entry point of the served build: the engine runs in a module worker behind the bridge;
// the examples are fetched from the same origin (seeds/manifest.json, which carries their texts).
import { start, bridgeEngine } from "./app.js";
import { WorkerBridge } from "./bridge.js";
import { bridge } from "./engine.js"; // started already: index.html loads engine.js first
import { WorkerPool } from "./pool.js";

// A large batch is analyzed in parts by more workers (pool.js), then compared in the main one.
const pool = new WorkerPool(bridge, () => new WorkerBridge(new URL("./worker.js", import.meta.url)));

/** The response of the examples' fetch that www/start.js started for #examples, once. */
function startedFetch() {
  const started = globalThis.storydiffExamples;
  delete globalThis.storydiffExamples;
  return started ? started.catch(() => null) : null;
}

async function loadExamples() {
  const base = new URL("seeds/", document.baseURI);
  const res = (await startedFetch()) || (await fetch(new URL("manifest.json", base)));
  if (!res.ok) throw new Error(`seeds/manifest.json: HTTP ${res.status}`);
  const manifest = await res.json();
  return Promise.all(
    manifest.articles.map(async ({ id, file, text }) => {
      if (typeof text === "string") return { id, name: file, text }; // the manifest carries it
      const r = await fetch(new URL(file, base));
      if (!r.ok) throw new Error(`seeds/${file}: HTTP ${r.status}`);
      return { id, name: file, text: await r.text() };
    }),
  );
}

start({
  engine: {
    ...bridgeEngine(bridge),
    compare: (articles, opts) => pool.compare(articles, null, opts),
    compareWithOverrides: (articles, overrides, opts) => pool.compare(articles, overrides, opts),
  },
  loadExamples,
});
