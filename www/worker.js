// The analysis worker: loads the wasm core once and answers {id, method, args} messages
// with {id, type: "result", value} or {id, type: "error", error}; long calls first post
// {id, type: "progress", progress}.
import init, { analyze, compare, compareWithOverrides, decodeBytes, schemaVersion } from "../pkg/storydiff.js";

let ready = null;
const methods = {
  analyze: (articles) => analyze(articles),
  compare: (articles) => compare(articles),
  compareWithOverrides: (articles, overrides) => compareWithOverrides(articles, overrides),
  decode: (bytes) => decodeBytes(new Uint8Array(bytes)),
  decodeMany: (files) => files.map((bytes) => decodeBytes(new Uint8Array(bytes))),
  schemaVersion: () => schemaVersion(),
};

self.onmessage = async ({ data: { id, method, args } }) => {
  const progress = (p) => self.postMessage({ id, type: "progress", progress: p });
  try {
    if (!ready) {
      progress({ stage: "loading the analysis engine" });
      ready = init();
    }
    await ready;
    const fn = methods[method];
    if (!fn) throw new Error(`unknown method ${method}`);
    progress({ stage: method.startsWith("compare") ? `analyzing and comparing ${args[0].length} article(s)` : method });
    self.postMessage({ id, type: "result", value: fn(...args) });
  } catch (e) {
    if (String(e).includes("WebAssembly") || String(e).includes("fetch")) ready = null;
    self.postMessage({ id, type: "error", error: e && e.message ? e.message : String(e) });
  }
};
