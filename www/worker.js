// The analysis worker of the served build: loads the wasm core (the one fetch it makes, from
// its own origin), then shuts the network off before it reads any message (worker-core.js).
// The language pack (the word lists English text never needs) is fetched from the same origin
// only when an article needs it, through a fetch of that one address kept before the lock.
// The exports (export.js) are made here, where the whole report is.
import init, * as engine from "../pkg/storydiff.js";
import { lockNetwork, serveEngine } from "./worker-core.js";
import { exportReport } from "./export.js";

const PACK_URL = new URL("../pkg/storydiff-languages.pack", import.meta.url).href;
const fetchOnce = self.fetch.bind(self);
async function fetchPack() {
  const res = await fetchOnce(PACK_URL);
  if (!res.ok) throw new Error(`pkg/storydiff-languages.pack: HTTP ${res.status}`);
  return res.arrayBuffer();
}

serveEngine(self, engine, async () => {
  await init();
  lockNetwork(self);
}, exportReport, fetchPack);
