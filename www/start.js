// Classic script, the first of the page (in <head>, not deferred): starts the analysis worker
// before anything else loads, so that it fetches and compiles the wasm while the page's own
// modules load. engine.js hands it to the bridge (www/bridge.js), which starts one itself when
// this could not (file://, no module workers, a refused Trusted Types policy).
(() => {
  if (location.protocol === "file:") return; // the module build does not run from disk (boot.js)
  // An address ending in #examples: their texts are fetched now, beside the engine, rather than
  // once the page's modules have loaded (main.js, loadExamples, takes this response).
  if (location.hash === "#examples") {
    try {
      const res = fetch(new URL("../seeds/manifest.json", document.currentScript.src));
      res.catch(() => {}); // loadExamples fetches again and reports its own error
      self.storydiffExamples = res;
    } catch {
      // loadExamples fetches them.
    }
  }
  try {
    const url = new URL("worker.js", document.currentScript.src).href;
    const tt = self.trustedTypes;
    // Under Trusted Types (the page's CSP), a policy that lets through this one address only.
    const policy = tt && tt.createPolicy("storydiff-start", {
      createScriptURL: (u) => {
        if (u === url) return u;
        throw new TypeError(`storydiff: refusing to start a worker from ${u}`);
      },
    });
    const worker = new Worker(policy ? policy.createScriptURL(url) : url, { type: "module", name: "storydiff" });
    // A worker that fails before the bridge takes it is not taken: the bridge starts another.
    worker.addEventListener("error", () => { worker.storydiffFailed = true; }, { once: true });
    self.storydiffStartedWorker = worker;
  } catch {
    // The bridge starts the worker itself.
  }
})();
