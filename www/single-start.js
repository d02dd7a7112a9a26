// The single file's first scripts (inline in <head>, wrapped by scripts/build-single.mjs): the
// first starts the analysis worker before the rest of the file is read, the second, right after
// it, holds the wasm and the language pack in base64 (most of the file) and posts them to the
// worker, decoded but still deflated (the worker inflates them): the worker starts (its thread,
// its code) while the page reads and decodes the wasm.
// www/single.js hands the worker to the bridge, which starts one itself when this could not.

/**
 * Starts a classic worker of source `source`. Returns {src, boot, worker, send}: the worker's
 * Blob URL, the message a fresh worker needs first (null until `send`), the worker (null when
 * it could not start), and `send(wasm, pack)`, which makes `boot` of the base64 strings `wasm`
 * and `pack` (null when there is no pack), `{wasm, pack}` as bytes, and posts it to the worker.
 */
function startEarly(source) {
  const src = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
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
  } catch {
    worker = null; // the bridge starts the worker itself
  }
  const start = { src, boot: null, worker };
  start.send = (wasm, pack) => {
    // Decoded here: the worker, not the page, is what the first analysis waits for.
    start.boot = { wasm: fromBase64(wasm), pack: pack && fromBase64(pack) };
    start.worker?.postMessage(start.boot);
  };
  return start;
}

function fromBase64(b64) {
  // The browser's own decoder where there is one: about ten times faster than the loop below
  // on the first call (a megabyte of base64: 1–2 ms against 8–15 in Chromium).
  if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(b64);
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}
