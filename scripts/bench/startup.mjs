// Start-up and size benchmark of the page (after bash scripts/build): opens dist/index.html#examples
// (served from 127.0.0.1) and dist/storydiff.html#examples (file://) in headless Chromium, each
// RUNS times in a fresh browser context (no cache), and reports the median time from navigation
// to the page ready: the five examples analyzed and their event clusters drawn. Beside it, in the
// same run, two anchors: the same page with no examples (ready to take input) and a blank page.
// It also prints the bytes the served build fetches at load (without the examples) and the
// single file's, raw, gzipped and brotli-compressed.
//
//   node scripts/bench/startup.mjs [--runs 9] [--json target/bench/startup.json]
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { pathToFileURL } from "node:url";
import path from "node:path";
import { brotliCompressSync, gzipSync, constants as zlibConstants } from "node:zlib";
import { parseArgs } from "node:util";
import { DIST, launch, serve } from "../../tests/e2e/helpers.mjs";

const { values: opt } = parseArgs({
  options: { runs: { type: "string", default: "9" }, json: { type: "string" } },
});
const RUNS = Math.max(1, Number(opt.runs) || 9);

// Installed before any page script: notes the time (ms after navigation start) at which the
// results first show event clusters, and when the page says it is ready for input.
const PROBE = () => {
  const mark = () => {
    const clusters = document.querySelector("#clusters");
    if (window.__inputReadyAt === undefined && document.body?.dataset.ready === "1") {
      window.__inputReadyAt = performance.now();
    }
    if (window.__clusteredAt === undefined && clusters && clusters.childElementCount > 0 &&
        !document.querySelector("#results").hidden) {
      window.__clusteredAt = performance.now();
    }
  };
  new MutationObserver(mark).observe(document, { subtree: true, childList: true, attributes: true });
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

async function measure(browser, url, wait) {
  const times = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(PROBE);
    let fetched = 0;
    page.on("response", async (r) => {
      try { fetched += (await r.body()).length; } catch { /* a redirect or an aborted load */ }
    });
    await page.goto(url);
    const at = await page.waitForFunction(wait, null, { timeout: 60_000, polling: 10 });
    times.push(await at.jsonValue());
    bytes = fetched;
    await context.close();
  }
  return { median_ms: +median(times).toFixed(1), min_ms: +Math.min(...times).toFixed(1), max_ms: +Math.max(...times).toFixed(1), fetched_bytes: bytes };
}

const browser = await launch();
const server = await serve(DIST);
const single = pathToFileURL(path.join(DIST, "storydiff.html")).href;
const clustered = () => window.__clusteredAt;
const inputReady = () => window.__inputReadyAt;
const blank = () => performance.now();
const rows = [];
try {
  rows.push({ what: "anchor: blank page", ...(await measure(browser, "about:blank", blank)) });
  rows.push({ what: "served: ready for input", ...(await measure(browser, `${server.url}index.html`, inputReady)) });
  rows.push({ what: "served: examples analyzed and clustered", ...(await measure(browser, `${server.url}index.html#examples`, clustered)) });
  rows.push({ what: "single file: ready for input", ...(await measure(browser, single, inputReady)) });
  rows.push({ what: "single file: examples analyzed and clustered", ...(await measure(browser, `${single}#examples`, clustered)) });
} finally {
  await browser.close();
  await server.stop();
}

const size = (file) => {
  const b = readFileSync(path.join(DIST, file));
  const brotli = brotliCompressSync(b, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  return { file, raw: b.length, gzip: gzipSync(b, { level: 9 }).length, brotli };
};
const sizes = [size("pkg/storydiff_bg.wasm"), size("storydiff.html")];
const served = ["index.html", "www/style.css", "pkg/storydiff.js", "pkg/storydiff_bg.wasm",
  ...["boot", "main", "app", "store", "runner", "view", "render", "input", "examples", "bridge", "worker", "worker-core"].map((m) => `www/${m}.js`)]
  .map(size);
const sum = (key) => served.reduce((a, s) => a + s[key], 0);
sizes.push({ file: "served build, code fetched at load (html, css, js, wasm)", raw: sum("raw"), gzip: sum("gzip"), brotli: sum("brotli") });

console.log(`machine: headless Chromium, ${RUNS} runs each, fresh context per run`);
console.table(rows);
console.table(sizes);
if (opt.json) {
  mkdirSync(path.dirname(opt.json), { recursive: true });
  writeFileSync(opt.json, JSON.stringify({ runs: RUNS, rows, sizes }, null, 2) + "\n");
}
