// The analysis worker of the served build: loads the wasm core (the one fetch it makes, from
// its own origin), then shuts the network off before it reads any message (worker-core.js).
// The exports (export.js) are made here, where the whole report is.
import init, * as engine from "../pkg/storydiff.js";
import { lockNetwork, serveEngine } from "./worker-core.js";
import { exportReport } from "./export.js";

serveEngine(self, engine, async () => {
  await init();
  lockNetwork(self);
}, exportReport);
