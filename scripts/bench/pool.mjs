// Browser benchmark of the worker pool (www/pool.js), after bash scripts/build: in headless
// Chromium, on the served page, one batch (the benchmark corpus, scripts/bench/corpus.mjs) is
// compared (analyzed and compared, as the page does) three ways taking turns in the same run,
// ROUNDS times each after a warm-up: one worker in one call, one worker through the pool's path
// (its part packed, then compared), and N workers. It prints the median MB/s of each (and of
// the analysis alone), the ratios, and the machine: its cores, the browser's
// hardwareConcurrency and the load average before and after. The three reports must be equal.
//
//   node scripts/bench/pool.mjs [--mb 1] [--workers N] [--rounds 3] [--json target/bench/pool.json]
//
// N defaults to the pool the page would use (min(hardwareConcurrency - 1, 4)), at least 2.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { DIST, ROOT, launch, serve } from "../../tests/e2e/helpers.mjs";

const { values: opt } = parseArgs({
  options: {
    mb: { type: "string", default: "1" },
    workers: { type: "string" },
    rounds: { type: "string", default: "3" },
    json: { type: "string" },
  },
});
const ROUNDS = Math.max(1, Number(opt.rounds) || 3);
if (!existsSync(path.join(DIST, "pkg/storydiff_bg.wasm"))) throw new Error("no dist/pkg: run bash scripts/build first");

const corpusFile = path.join(ROOT, `target/bench/corpus-${opt.mb}.jsonl`);
if (!existsSync(corpusFile)) {
  mkdirSync(path.dirname(corpusFile), { recursive: true });
  execFileSync("node", [path.join(ROOT, "scripts/bench/corpus.mjs"), "--mb", opt.mb, "--out", corpusFile], { stdio: "inherit" });
}
const articles = readFileSync(corpusFile, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
const bytes = articles.reduce((n, a) => n + Buffer.byteLength(a.text), 0);

const load = () => os.loadavg().map((x) => x.toFixed(2)).join(" ");
const loadBefore = load();
const browser = await launch();
const server = await serve(DIST);
try {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.waitForSelector("body[data-ready='1']");
  const result = await page.evaluate(async ({ articles, asked, rounds }) => {
    // The page's own modules: the same bridge (and Trusted Types policy) as the page's.
    const { WorkerBridge } = await import(new URL("www/bridge.js", document.baseURI).href);
    const { WorkerPool, poolSize } = await import(new URL("www/pool.js", document.baseURI).href);
    const hc = navigator.hardwareConcurrency;
    const n = asked || Math.max(2, poolSize(hc, ""));
    const url = new URL("www/worker.js", document.baseURI);
    const make = (size) => new WorkerPool(new WorkerBridge(url, { idleMs: Infinity }), () => new WorkerBridge(url, { idleMs: Infinity }), size);
    const pools = { 1: make(1), [n]: make(n) };
    // Warm-up: every worker started and its engine loaded (a batch of 60 goes to the pool).
    for (const p of Object.values(pools)) await p.compare(articles.slice(0, 60), null);
    // Three ways, in turn: one worker in one call (`compare`, what a small batch gets); one
    // worker through the pool's path (its part, packed, then compared: the cost of the
    // handover); N workers. The last two also time their analysis (until every part is in).
    const ways = { one: (o) => pools[1].compare(articles, null, o), "one-parts": (o) => pools[1].shared(articles, null, o), pool: (o) => pools[n].compare(articles, null, o) };
    const times = Object.fromEntries(Object.keys(ways).map((k) => [k, { total: [], analysis: [] }]));
    const reports = {};
    for (let r = 0; r < rounds; r++) {
      for (const [way, run] of Object.entries(ways)) {
        const t = performance.now();
        let analyzed = null;
        const onProgress = (p) => { if (/\((\d+) of \1 done\)$/.test(p.stage || "")) analyzed = performance.now(); };
        const report = await run({ onProgress });
        times[way].total.push(performance.now() - t);
        if (analyzed !== null) times[way].analysis.push(analyzed - t);
        if (r === 0) reports[way] = JSON.stringify({ ...report, run: 0 });
      }
    }
    const same = reports.one === reports.pool && reports.one === reports["one-parts"];
    return { hc, n, times, same, pairs: JSON.parse(reports.one).pairCounts };
  }, { articles, asked: Number(opt.workers) || 0, rounds: ROUNDS });
  const median = (xs) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] : NaN);
  const mbps = (ms) => +(bytes / 1e6 / (ms / 1e3)).toFixed(3);
  const label = { one: "1, one call", "one-parts": "1, in parts", pool: `${result.n}, in parts` };
  const rows = Object.entries(result.times).map(([way, t]) => {
    const total = median(t.total);
    const analysis = median(t.analysis);
    return { way: label[way], total_ms: +total.toFixed(0), mb_per_s: mbps(total), analysis_ms: +analysis.toFixed(0) || null, analysis_mb_per_s: t.analysis.length ? mbps(analysis) : null, runs_ms: t.total.map((x) => +x.toFixed(0)) };
  });
  const [one, parts, pool] = rows;
  const summary = {
    machine: `${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim()}), navigator.hardwareConcurrency ${result.hc}`,
    load_before: loadBefore,
    load_after: load(),
    corpus: { articles: articles.length, mb: +(bytes / 1e6).toFixed(3), pairs: result.pairs },
    rounds: ROUNDS,
    workers: result.n,
    rows,
    ratio: +(pool.mb_per_s / one.mb_per_s).toFixed(2),
    analysis_ratio: +(pool.analysis_mb_per_s / parts.analysis_mb_per_s).toFixed(2),
    same_report: result.same,
  };
  console.log(`machine: ${summary.machine}; load average ${summary.load_before} before, ${summary.load_after} after`);
  console.log(`corpus: ${articles.length} articles, ${summary.corpus.mb} MB; ${ROUNDS} rounds each, taking turns; medians`);
  console.log("\n| workers | analyze + compare, s | MB/s | x 1 worker | analysis alone, s | its MB/s |\n| --- | ---: | ---: | ---: | ---: | ---: |");
  for (const r of rows) {
    const a = r.analysis_ms === null ? "| – | – |" : `| ${(r.analysis_ms / 1e3).toFixed(2)} | ${r.analysis_mb_per_s.toFixed(3)} |`;
    console.log(`| ${r.way} | ${(r.total_ms / 1e3).toFixed(2)} | ${r.mb_per_s.toFixed(3)} | ${(r.mb_per_s / one.mb_per_s).toFixed(2)} ${a}`);
  }
  console.log(`\nanalysis, ${result.n} workers / 1: ${summary.analysis_ratio}x; whole run: ${summary.ratio}x`);
  console.log(`same report all three ways: ${result.same}`);
  if (opt.json) writeFileSync(opt.json, JSON.stringify(summary, null, 2) + "\n");
  if (!result.same) process.exitCode = 1;
} finally {
  await browser.close();
  await server.stop();
}
