// The single file's first script (inline in <head>, wrapped by scripts/build-single.mjs): starts
// the analysis worker before the page's own code is read, and posts it the wasm and the
// language pack as they are in the file (deflated, in base64: the worker decodes and inflates
// them, off the page's thread). www/single.js hands the worker to the bridge, which starts one
// itself when this could not.

/**
 * Starts a classic worker of source `source` and posts it `{wasm, pack}` (base64 strings).
 * Returns {src, boot, worker}: the worker's Blob URL, the message a fresh worker needs first,
 * and the worker (null when it could not start).
 */
function startEarly(source, wasm, pack) {
  const src = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  const boot = { wasm, pack };
  let worker = null;
  try {
    const tt = self.trustedTypes;
    // Under Trusted Types (the page's CSP), a policy that lets through this one address only.
    const policy = tt && tt.createPolicy("storydiff-start", {
      createScriptURL: (u) => {
        if (u === src) return u;
        throw new TypeError(`storydiff: refusing to start a worker from ${u}`);
      },
    });
    worker = new Worker(policy ? policy.createScriptURL(src) : src, { name: "storydiff" });
    // A worker that fails before the bridge takes it is not taken: the bridge starts another.
    worker.addEventListener("error", () => { worker.storydiffFailed = true; }, { once: true });
    worker.postMessage(boot);
  } catch {
    worker = null; // the bridge starts the worker itself
  }
  return { src, boot, worker };
}
