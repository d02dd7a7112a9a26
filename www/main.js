// Entry point of the served build: the engine runs in a module worker behind the bridge;
// the examples are fetched from the same origin (seeds/manifest.json).
import { start, bridgeEngine } from "./app.js";
import { bridge } from "./engine.js"; // started already: index.html loads engine.js first

async function loadExamples() {
  const base = new URL("seeds/", document.baseURI);
  const res = await fetch(new URL("manifest.json", base));
  if (!res.ok) throw new Error(`seeds/manifest.json: HTTP ${res.status}`);
  const manifest = await res.json();
  return Promise.all(
    manifest.articles.map(async ({ id, file }) => {
      const r = await fetch(new URL(file, base));
      if (!r.ok) throw new Error(`seeds/${file}: HTTP ${r.status}`);
      return { id, name: file, text: await r.text() };
    }),
  );
}

start({
  engine: bridgeEngine(bridge),
  loadExamples,
});
