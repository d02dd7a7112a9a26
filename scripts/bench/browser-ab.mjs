// Speed of two or more builds of the page's engine in headless Chromium, in the same run: each
// build (a dist folder, after bash scripts/build) is served and opened in a page of one browser,
// with one analysis worker of its own (the page's bridge, www/bridge.js); after a warm-up, the
// benchmark corpus is analyzed alone (`analyzePart` over the whole batch, packed: little to post
// back) and analyzed and compared (`compare`, what the page does with a batch), in one call each,
// the builds taking turns in every round. Prints each build's median ms and MB/s, its ratio to
// the first build's, and whether the builds' reports are the same.
//
//   node scripts/bench/browser-ab.mjs [--rounds 5] [--warmup 2] OLD/dist dist [target/bench/corpus-1.jsonl]
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { launch, serve } from "../../tests/e2e/helpers.mjs";

const { values: opt, positionals } = parseArgs({
  options: { rounds: { type: "string", default: "5" }, warmup: { type: "string", default: "2" } },
  allowPositionals: true,
});
const dists = positionals.filter((p) => !p.endsWith(".jsonl")).map((d) => path.resolve(d));
const corpus = positionals.find((p) => p.endsWith(".jsonl")) ?? "target/bench/corpus-1.jsonl";
if (dists.length < 1) throw new Error("usage: browser-ab.mjs [--rounds N] DIST [DIST...] [CORPUS.jsonl]");
const articles = readFileSync(corpus, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
const mb = articles.reduce((n, a) => n + Buffer.byteLength(a.text), 0) / 1e6;
const ROUNDS = Math.max(1, Number(opt.rounds) || 5);
const WARMUP = Math.max(0, Number(opt.warmup) || 0);
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(" ");
const loadBefore = load();

const browser = await launch();
const servers = [];
try {
  const pages = [];
  for (const dist of dists) {
    const server = await serve(dist);
    servers.push(server);
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.waitForSelector("body[data-ready='1']");
    await page.evaluate(async (articles) => {
      const { WorkerBridge } = await import(new URL("www/bridge.js", document.baseURI).href);
      window.__ab = { bridge: new WorkerBridge(new URL("www/worker.js", document.baseURI), { idleMs: Infinity }), articles };
      await window.__ab.bridge.call("load");
    }, articles);
    pages.push(page);
  }
  // One call of `method` on the whole corpus in the page's worker: ms, and a digest of the result.
  const once = (page, method) => page.evaluate(async (method) => {
    const { bridge, articles } = window.__ab;
    const args = method === "compare" ? [articles] : [articles, 0, articles.length];
    const t = performance.now();
    const value = await bridge.call(method, args);
    const ms = performance.now() - t;
    const text = value instanceof Uint8Array ? Array.from(value).join(",") : JSON.stringify({ ...value, run: 0 });
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    return { ms, digest: `${text.length}:${h.toString(16)}` };
  }, method);
  const methods = ["analyzePart", "compare"];
  const times = Object.fromEntries(methods.map((m) => [m, dists.map(() => [])]));
  const digests = Object.fromEntries(methods.map((m) => [m, dists.map(() => null)]));
  for (let r = -WARMUP; r < ROUNDS; r++) {
    for (const m of methods) {
      for (let i = 0; i < pages.length; i++) {
        const { ms, digest } = await once(pages[i], m);
        if (r >= 0) times[m][i].push(ms);
        digests[m][i] ??= digest;
      }
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`machine: ${os.cpus().length} CPUs; load average ${loadBefore} before, ${load()} after`);
  console.log(`corpus: ${corpus}, ${articles.length} articles, ${mb.toFixed(3)} MB; ${WARMUP} warm-up + ${ROUNDS} rounds, builds in turn; medians`);
  console.log("\n| build | call | ms | MB/s | x first build |\n| --- | --- | ---: | ---: | ---: |");
  for (const m of methods) {
    const base = median(times[m][0]);
    dists.forEach((d, i) => {
      const t = median(times[m][i]);
      const label = m === "compare" ? "compare (analyze + compare)" : "analyzePart (analysis alone)";
      console.log(`| ${d} | ${label} | ${t.toFixed(0)} | ${(mb / (t / 1e3)).toFixed(2)} | ${(base / t).toFixed(2)} |`);
    });
  }
  let same = true;
  for (const m of methods) {
    const one = digests[m].every((d) => d === digests[m][0]);
    same &&= one;
    console.log(`${m}: ${one ? "same result from every build" : "DIFFERENT results: " + digests[m].join(" ")}`);
  }
  if (!same) process.exitCode = 1;
} finally {
  await browser.close();
  for (const s of servers) await s.stop();
}
