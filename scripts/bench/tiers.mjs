// What V8's compilers cost the engine's first calls in headless Chromium: in a fresh page of
// each build (served from 127.0.0.1), the seeds are analyzed twice, then compared twice, each
// call timed, under each set of V8 flags given (a page cannot set them: this says where the
// time of a first call goes, not what to ship). Builds and flag sets take turns in each round.
//
//   node scripts/bench/tiers.mjs [--rounds 5] [--flags default] [--flags=--liftoff-only ...] DIST ...
//
// Useful flag sets: "default" (baseline code compiled on each function's first call, hot
// functions compiled again by the optimising compiler on other threads), "--liftoff-only"
// (baseline code only), "--liftoff-only --no-wasm-lazy-compilation" (all baseline code compiled
// with the module, before the first call).
import { readFileSync, readdirSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { ROOT, launch, serve } from "../../tests/e2e/helpers.mjs";

const { values: opt, positionals } = parseArgs({
  options: { rounds: { type: "string", default: "5" }, flags: { type: "string", multiple: true } },
  allowPositionals: true,
});
if (positionals.length === 0) throw new Error("give one or more dist folders (bash scripts/build writes dist/)");
const ROUNDS = Math.max(1, Number(opt.rounds) || 5);
const FLAGS = opt.flags ?? ["default", "--liftoff-only", "--liftoff-only --no-wasm-lazy-compilation"];
const seeds = path.join(ROOT, "seeds");
const articles = readdirSync(seeds).filter((f) => /\.(txt|html?|md)$/i.test(f) && !/^readme/i.test(f)).sort()
  .map((f) => ({ id: f, text: readFileSync(path.join(seeds, f), "utf8") }));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const CALLS = ["compile + instantiate", "analyze 1", "analyze 2", "compare 1", "compare 2"];

const servers = [];
for (const dist of positionals) servers.push(await serve(path.resolve(dist)));
const browsers = [];
for (const flags of FLAGS) browsers.push(await launch(flags === "default" ? [] : [`--js-flags=${flags}`]));
const samples = new Map();
const load = [loadavg()[0]];
try {
  for (let r = 0; r < ROUNDS; r++) {
    for (let f = 0; f < FLAGS.length; f++) {
      for (let d = 0; d < positionals.length; d++) {
        const context = await browsers[f].newContext();
        const page = await context.newPage();
        // A page of the build's origin without the app (the seeds' folder listing): the engine alone.
        await page.goto(servers[d].url + "seeds/");
        const ms = await page.evaluate(async (articles) => {
          const engine = await import(new URL("/pkg/storydiff.js", location.href).href);
          const t = [performance.now()];
          const module = await WebAssembly.compileStreaming(fetch("/pkg/storydiff_bg.wasm"));
          await engine.default({ module_or_path: module });
          t.push(performance.now());
          for (const call of [engine.analyze, engine.analyze, engine.compare, engine.compare]) {
            call(articles);
            t.push(performance.now());
          }
          return t.slice(1).map((x, i) => x - t[i]);
        }, articles);
        await context.close();
        const key = `${positionals[d]}\u0000${FLAGS[f]}`;
        if (!samples.has(key)) samples.set(key, []);
        samples.get(key).push(ms);
      }
    }
    load.push(loadavg()[0]);
  }
} finally {
  for (const b of browsers) await b.close();
  for (const s of servers) await s.stop();
}
console.log(`headless Chromium, ${ROUNDS} rounds, the seeds (${articles.length} articles); 1-minute load average ${Math.min(...load).toFixed(1)}–${Math.max(...load).toFixed(1)}; median ms`);
console.table([...samples].map(([key, runs]) => {
  const [build, flags] = key.split("\u0000");
  return { build, "V8 flags": flags, ...Object.fromEntries(CALLS.map((c, i) => [c, +median(runs.map((x) => x[i])).toFixed(1)])) };
}));
