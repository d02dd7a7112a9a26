// The first comparison in a fresh analysis worker, in headless Chromium: for each build (a dist
// folder, after bash scripts/build), in a fresh browser context, the served page is opened, a
// worker of its own is started, its engine loaded and asked to warm up, then after IDLE ms (the time a user takes
// to paste) the seeds are compared, then compared again. Builds take turns in every round; prints
// the median ms of the first and the second call for each idle time, and the ratio to the first
// build. An idle time of 0 shows what a warm-up costs a call that comes at once.
//
//   node scripts/bench/first-call.mjs [--rounds 7] [--idle 0,500] OLD/dist dist [seeds]
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { launch, serve } from "../../tests/e2e/helpers.mjs";

const { values: opt, positionals } = parseArgs({
  options: { rounds: { type: "string", default: "7" }, idle: { type: "string", default: "0,500" } },
  allowPositionals: true,
});
const seedsDir = positionals.find((p) => !p.includes("dist")) ?? "seeds";
const dists = positionals.filter((p) => p !== seedsDir).map((d) => path.resolve(d));
if (dists.length < 1) throw new Error("usage: first-call.mjs [--rounds N] [--idle 0,500] DIST [DIST...] [SEEDS_DIR]");
const articles = readdirSync(seedsDir).filter((f) => f.endsWith(".txt")).sort()
  .map((f) => ({ id: f, text: readFileSync(path.join(seedsDir, f), "utf8") }));
const ROUNDS = Math.max(1, Number(opt.rounds) || 7);
const IDLE = opt.idle.split(",").map(Number);
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(" ");
const loadBefore = load();

const browser = await launch();
const servers = [];
try {
  for (const d of dists) servers.push(await serve(d));
  const times = dists.map(() => Object.fromEntries(IDLE.map((i) => [i, { first: [], second: [] }])));
  for (let r = 0; r < ROUNDS; r++) {
    for (const idle of IDLE) {
      for (let i = 0; i < dists.length; i++) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(servers[i].url + "index.html");
        await page.waitForSelector("body[data-ready='1']");
        const t = await page.evaluate(async ({ articles, idle }) => {
          const { WorkerBridge } = await import(new URL("www/bridge.js", document.baseURI).href);
          const bridge = new WorkerBridge(new URL("www/worker.js", document.baseURI), { idleMs: Infinity });
          await bridge.call("load");
          bridge.warmUp?.(); // as the page does once it is ready (a build without it: nothing)
          if (idle > 0) await new Promise((r) => setTimeout(r, idle));
          const call = async () => { const t0 = performance.now(); await bridge.call("compare", [articles]); return performance.now() - t0; };
          const first = await call();
          const second = await call();
          bridge.stop();
          return { first, second };
        }, { articles, idle });
        times[i][idle].first.push(t.first);
        times[i][idle].second.push(t.second);
        await context.close();
      }
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`machine: ${os.cpus().length} CPUs; load average ${loadBefore} before, ${load()} after`);
  console.log(`${articles.length} articles from ${seedsDir}; ${ROUNDS} rounds, builds in turn, a fresh context each; medians`);
  console.log("\n| build | idle before the call, ms | first compare, ms | x first build | second compare, ms |\n| --- | ---: | ---: | ---: | ---: |");
  for (const idle of IDLE) {
    dists.forEach((d, i) => {
      const f = median(times[i][idle].first);
      const base = median(times[0][idle].first);
      console.log(`| ${d} | ${idle} | ${f.toFixed(0)} | ${(f / base).toFixed(2)} | ${median(times[i][idle].second).toFixed(0)} |`);
    });
  }
} finally {
  await browser.close();
  for (const s of servers) await s.stop();
}
