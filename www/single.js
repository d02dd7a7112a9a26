// Glue of the single-file build (classic script, appended after the inlined modules):
// the wasm comes from a base64 constant and runs on the main thread, so nothing is
// fetched: it works from file:// under connect-src 'none'.
const bin = atob(STORYDIFF_WASM_B64);
const wasmBytes = new Uint8Array(bin.length);
for (let i = 0; i < bin.length; i++) wasmBytes[i] = bin.charCodeAt(i);
wasm_bindgen.initSync({ module: wasmBytes });

const nextPaint = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

start({
  engine: {
    async compare(articles, { signal, onProgress } = {}) {
      onProgress?.({ stage: `analyzing and comparing ${articles.length} article(s)` });
      await nextPaint(); // let the status show before the synchronous call
      if (signal?.aborted) throw abortError();
      return wasm_bindgen.compare(articles);
    },
    async compareWithOverrides(articles, overrides, { signal, onProgress } = {}) {
      onProgress?.({ stage: `analyzing and comparing ${articles.length} article(s)` });
      await nextPaint();
      if (signal?.aborted) throw abortError();
      return wasm_bindgen.compareWithOverrides(articles, overrides);
    },
    async decode(bytes) {
      return wasm_bindgen.decodeBytes(new Uint8Array(bytes));
    },
  },
  loadExamples: async () => STORYDIFF_SEEDS.map((a) => ({ ...a })),
  singleFile: true,
});
