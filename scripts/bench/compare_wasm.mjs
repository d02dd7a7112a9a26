// Compare at scale in the browser: the page's wasm engine (dist/pkg, `bash scripts/build`) in
// headless Chromium (a page of its own, served by this script, the engine on its main thread),
// on the batch that `compare_scale` writes, beside the native engine on the same file in the
// same run (before and after the browser, as anchors).
//
//   cargo build --release --example compare_scale
//   target/release/examples/compare_scale --dump 1000 target/bench/compare-1000.jsonl
//   node scripts/bench/compare_wasm.mjs target/bench/compare-1000.jsonl [--rounds 3]
//
// Prints one JSON line per engine and a Markdown table. Each engine times its analyze call
// (analysis, the batch's name links and the article reports, as JS objects or JSON) and its
// compare call (all of that again, plus compare and the rest of the report), medians of
// `rounds` runs after a warm-up; the compare part is the difference. Wall and CPU time: the
// renderer's CPU time (all its threads) from CDP SystemInfo.getProcessInfo, the native
// process's from /proc. Output size: the report as JSON (UTF-8 bytes). Memory: the wasm linear
// memory after the runs (it only grows, so it is the peak), the page's JS heap (CDP
// Runtime.getHeapUsage after a collection) with the last report held; natively the peak RSS.
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { chromium } from "playwright-core";

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const positional = args.filter((a, i) => !a.startsWith("--") && !(i > 0 && args[i - 1].startsWith("--")));
const file = path.resolve(positional[0] ?? "target/bench/compare-1000.jsonl");
const pkg = path.resolve(opt("pkg", "dist/pkg"));
const rounds = Math.max(1, Number(opt("rounds", "3")));
const target = process.env.CARGO_TARGET_DIR || "target";
const native = path.resolve(opt("native", path.join(target, "release/examples/compare_scale")));
for (const f of [file, path.join(pkg, "storydiff.js"), path.join(pkg, "storydiff_bg.wasm"), native]) {
  if (!fs.existsSync(f)) {
    console.error(`compare_wasm: ${f} is missing (see the usage at the top of this script)`);
    process.exit(2);
  }
}
const load = () => fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
const rows = [];
const report = (row) => {
  rows.push(row);
  console.log(JSON.stringify(row));
};

/** The native engine on the same file, on `threads` threads. */
function nativeRun(threads) {
  const r = spawnSync(native, ["--time", file, String(rounds)], {
    env: { ...process.env, RAYON_NUM_THREADS: String(threads) },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`native run failed: ${r.stderr}`);
  return { engine: `native, ${threads} thread(s)`, ...JSON.parse(r.stdout.trim().split("\n").pop()) };
}

/** The engine in a page of headless Chromium. */
async function wasmRun(articles) {
  // run(kind) times one analyze() or compare() call and keeps the last report (the heap holds it).
  const BENCH = `
import init, { analyze, compare, loadLanguagePack } from "./pkg/storydiff.js";
const wasm = await init();
// The page loads the language pack when an article needs it; the bench loads it up front.
const pack = await fetch("/pkg/storydiff-languages.pack");
if (pack.ok && loadLanguagePack) loadLanguagePack(new Uint8Array(await pack.arrayBuffer()));
const articles = await (await fetch("/articles.json")).json();
analyze(articles.slice(0, 20));
compare(articles.slice(0, 20));
window.run = (kind) => {
  if (kind === "compare") window.report = null;
  const t = performance.now();
  const result = kind === "analyze" ? analyze(articles) : compare(articles);
  const ms = performance.now() - t;
  if (kind === "compare") window.report = result;
  return ms;
};
window.summary = () => ({
  bytes: new TextEncoder().encode(JSON.stringify(window.report)).length,
  pairs: window.report.pairs.length,
  events: window.report.clusters.event.length,
  wasm_memory_bytes: wasm.memory.buffer.byteLength,
});
window.ready = true;
`;
  const ORIGIN = "http://bench.invalid";
  const files = {
    "/": ["text/html", '<!doctype html><meta charset=utf-8><title>compare bench</title><script type="module" src="/bench.js"></script>'],
    "/bench.js": ["text/javascript", BENCH],
    "/articles.json": ["application/json", JSON.stringify(articles)],
    "/pkg/storydiff.js": ["text/javascript", fs.readFileSync(path.join(pkg, "storydiff.js"))],
    "/pkg/storydiff_bg.wasm": ["application/wasm", fs.readFileSync(path.join(pkg, "storydiff_bg.wasm"))],
  };
  const packFile = path.join(pkg, "storydiff-languages.pack");
  if (fs.existsSync(packFile)) files["/pkg/storydiff-languages.pack"] = ["application/octet-stream", fs.readFileSync(packFile)];
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
  });
  try {
    const context = await browser.newContext();
    // Everything comes from this script: nothing is fetched from anywhere.
    await context.route("**/*", (route) => {
      const url = new URL(route.request().url());
      const f = url.origin === ORIGIN && files[url.pathname];
      return f ? route.fulfill({ status: 200, contentType: f[0], body: f[1] }) : route.abort();
    });
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction(() => window.ready || null, null, { timeout: 120_000, polling: 200 })
      .catch((e) => { throw new Error(errors.join("\n") || String(e)); });
    // On a shared machine the wall time includes waiting for a core; the CPU time does not.
    const system = await browser.newBrowserCDPSession();
    const rendererCpu = async () => (await system.send("SystemInfo.getProcessInfo")).processInfo
      .filter((p) => p.type === "renderer").reduce((s, p) => s + p.cpuTime, 0);
    const samples = { analyze: [], compare: [], analyze_cpu: [], compare_cpu: [] };
    for (let r = 0; r < rounds; r++) {
      for (const kind of ["analyze", "compare"]) {
        const cpu = await rendererCpu();
        samples[kind].push((await page.evaluate((k) => window.run(k), kind)) / 1e3);
        samples[`${kind}_cpu`].push((await rendererCpu()) - cpu);
      }
    }
    const summary = await page.evaluate(() => window.summary());
    const cdp = await context.newCDPSession(page);
    await cdp.send("HeapProfiler.collectGarbage");
    const heap = await cdp.send("Runtime.getHeapUsage");
    if (errors.length) throw new Error(errors.join("\n"));
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const ms = (x) => +x.toFixed(3);
    const [a, c] = [median(samples.analyze), median(samples.compare)];
    const [ca, cc] = [median(samples.analyze_cpu), median(samples.compare_cpu)];
    return {
      engine: "wasm, headless Chromium",
      n: articles.length,
      analyze_s: ms(a), compare_s: ms(c - a), total_s: ms(c),
      analyze_cpu_s: ms(ca), compare_cpu_s: ms(cc - ca), total_cpu_s: ms(cc),
      bytes: summary.bytes,
      pairs: summary.pairs,
      events: summary.events,
      wasm_memory_mb: +(summary.wasm_memory_bytes / 2 ** 20).toFixed(1),
      js_heap_mb: +(heap.usedSize / 2 ** 20).toFixed(1),
      samples_s: { analyze: samples.analyze.map(ms), compare: samples.compare.map(ms) },
    };
  } finally {
    await browser.close();
  }
}

console.log(`# ${path.basename(file)}; ${rounds} round(s); load average ${load()}`);
const articles = fs.readFileSync(file, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
const before = nativeRun(1);
report(before);
const wasm = await wasmRun(articles);
report(wasm);
const after = nativeRun(1);
report(after);
report(nativeRun(Number(opt("threads", "2"))));

console.log(`\nload average after: ${load()}\n`);
console.log("| engine | analysis s (CPU s) | compare s (CPU s) | analysis + compare s (CPU s) | report KB/article | memory |");
console.log("| --- | ---: | ---: | ---: | ---: | --- |");
const both = (wall, cpu) => `${wall.toFixed(3)} (${cpu.toFixed(3)})`;
for (const r of rows) {
  const mem = r.wasm_memory_mb !== undefined
    ? `wasm memory ${r.wasm_memory_mb} MB, JS heap ${r.js_heap_mb} MB`
    : `peak RSS ${(r.peak_kb / 1024).toFixed(0)} MB`;
  console.log(`| ${r.engine} | ${both(r.analyze_s, r.analyze_cpu_s)} | ${both(r.compare_s, r.compare_cpu_s)} | ` +
    `${both(r.total_s, r.total_cpu_s)} | ${(r.bytes / 1024 / r.n).toFixed(2)} | ${mem} |`);
}
const mean = (k) => (before[k] + after[k]) / 2;
const ratio = (k) => (wasm[k] / mean(k)).toFixed(2);
console.log(`\nwasm / native 1 thread (mean of the two anchors), wall: analysis ${ratio("analyze_s")}x, ` +
  `compare ${ratio("compare_s")}x, both ${ratio("total_s")}x; CPU: analysis ${ratio("analyze_cpu_s")}x, ` +
  `compare ${ratio("compare_cpu_s")}x, both ${ratio("total_cpu_s")}x`);
