// Browser benchmark of the worker pool (www/pool.js), after bash scripts/build: in headless
// Chromium, on the served page, one batch (the benchmark corpus, scripts/bench/corpus.mjs) is
// compared (analyzed and compared, as the page does) by one worker and by N workers, the two
// taking turns in the same run, ROUNDS times each after a warm-up; it prints the median MB/s of
// each, the ratio, and the machine: its cores, the browser's hardwareConcurrency and the load
// average before and after. The reports of the two are checked to be the same.
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
    const times = { 1: [], [n]: [] };
    const reports = {};
    for (let r = 0; r < rounds; r++) {
      for (const size of [1, n]) {
        const t = performance.now();
        const report = await pools[size].compare(articles, null);
        times[size].push(performance.now() - t);
        if (r === 0) reports[size] = JSON.stringify({ ...report, run: 0 });
      }
    }
    return { hc, n, times, same: reports[1] === reports[n], pairs: JSON.parse(reports[1]).pairCounts };
  }, { articles, asked: Number(opt.workers) || 0, rounds: ROUNDS });
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const row = (size) => {
    const ms = median(result.times[size]);
    return { workers: size, median_ms: +ms.toFixed(0), mb_per_s: +(bytes / 1e6 / (ms / 1e3)).toFixed(3), runs_ms: result.times[size].map((t) => +t.toFixed(0)) };
  };
  const rows = [row(1), row(result.n)];
  const summary = {
    machine: `${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim()}), navigator.hardwareConcurrency ${result.hc}`,
    load_before: loadBefore,
    load_after: load(),
    corpus: { articles: articles.length, mb: +(bytes / 1e6).toFixed(3), pairs: result.pairs },
    rounds: ROUNDS,
    rows,
    ratio: +(rows[1].mb_per_s / rows[0].mb_per_s).toFixed(2),
    same_report: result.same,
  };
  console.log(`machine: ${summary.machine}; load average ${summary.load_before} before, ${summary.load_after} after`);
  console.log(`corpus: ${articles.length} articles, ${summary.corpus.mb} MB; ${ROUNDS} rounds, median`);
  console.log("\n| workers | median s | MB/s | x 1 worker |\n| ---: | ---: | ---: | ---: |");
  for (const r of rows) console.log(`| ${r.workers} | ${(r.median_ms / 1e3).toFixed(2)} | ${r.mb_per_s.toFixed(3)} | ${(r.mb_per_s / rows[0].mb_per_s).toFixed(2)} |`);
  console.log(`\nsame report from 1 and ${result.n} workers: ${result.same}`);
  if (opt.json) writeFileSync(opt.json, JSON.stringify(summary, null, 2) + "\n");
  if (!result.same) process.exitCode = 1;
} finally {
  await browser.close();
  await server.stop();
}
