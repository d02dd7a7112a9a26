// The single file's first script (inline in <head>, wrapped by scripts/build-single.mjs): starts
// the analysis worker before the page's own code is read, and posts it the wasm and the
// language pack, decoded from base64 but still deflated (the worker inflates them).
// www/single.js hands the worker to the bridge, which starts one itself when this could not.

/**
 * Starts a classic worker of source `source` and posts it `{wasm, pack}`, the bytes of the
 * base64 strings `wasm` and `pack` (null when there is no pack).
 * Returns {src, boot, worker}: the worker's Blob URL, the message a fresh worker needs first,
 * and the worker (null when it could not start).
 */
function startEarly(source, wasm, pack) {
  const src = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  // Decoded here: the worker, not the page, is what the first analysis waits for.
  const boot = { wasm: fromBase64(wasm), pack: pack && fromBase64(pack) };
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

function fromBase64(b64) {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}
