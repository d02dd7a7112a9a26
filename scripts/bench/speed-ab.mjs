// CPU time of two or more builds of the page's engine in one Node process (V8, as in Chromium):
// compare() on the benchmark corpus in batches of 60 (or --batch N), the builds taking turns in each round, after
// a warm-up; prints each build's median CPU seconds and MB/s per round and its ratio to the first
// build. For changes to the wasm build (profile, wasm-opt flags, code size) that must not cost
// speed; same-reports.mjs checks that they give the same reports.
//
//   node scripts/bench/speed-ab.mjs [--rounds 5] [--fn compare] [--batch 60] OLD/dist dist [target/bench/corpus-1.jsonl]
//
// `--fn analyzePart` analyzes each batch as the page's pool does (the whole batch as one part,
// packed for the worker that compares). Batches of up to 64 articles score every pair; larger
// ones (--batch 1000) score only the candidate pairs, as a large drop of articles in the page does.
// `--fn comparePage` compares as the page's worker asks (its articles and pairs as JSON text; a
// build from before that form takes no such flag and gives one value). The wall time is printed
// beside the CPU time: the CPU time counts V8's collector threads too.
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const { values: opt, positionals } = parseArgs({
  options: {
    rounds: { type: "string", default: "5" },
    fn: { type: "string", default: "compare" },
    batch: { type: "string", default: "60" },
  },
  allowPositionals: true,
});
const dists = positionals.filter((p) => !p.endsWith(".jsonl"));
const corpus = positionals.find((p) => p.endsWith(".jsonl")) ?? "target/bench/corpus-1.jsonl";
if (dists.length < 1) throw new Error("usage: speed-ab.mjs [--rounds N] [--fn F] [--batch N] DIST [DIST...] [CORPUS.jsonl]");
const size = Number(opt.batch);
if (!(Number.isInteger(size) && size > 0)) throw new Error(`--batch: a positive whole number, not ${opt.batch}`);
const arts = readFileSync(corpus, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
const mb = arts.reduce((n, a) => n + Buffer.byteLength(a.text), 0) / 1e6;
const batches = [];
for (let i = 0; i < arts.length; i += size) batches.push(arts.slice(i, i + size));

async function engine(dist) {
  const e = await import(pathToFileURL(path.resolve(dist, "pkg/storydiff.js")).href + `?${Math.random()}`);
  e.initSync({ module: await WebAssembly.compile(readFileSync(path.join(dist, "pkg/storydiff_bg.wasm"))) });
  e.loadLanguagePack(readFileSync(path.join(dist, "pkg/storydiff-languages.pack")));
  return e;
}
const engines = [];
for (const d of dists) engines.push(await engine(d));
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
const calls = {
  analyzePart: (e, b) => e.analyzePart(b, 0, b.length),
  comparePage: (e, b) => e.compare(b, true),
};
const call = calls[opt.fn] ?? ((e, b) => e[opt.fn](b));
const wall = () => performance.now() / 1e3;
const run = (e) => {
  const [t, w] = [cpu(), wall()];
  for (const b of batches) call(e, b);
  return [cpu() - t, wall() - w];
};
for (const e of engines) run(e); // warm-up
const times = engines.map(() => []);
const walls = engines.map(() => []);
const rounds = Math.max(1, Number(opt.rounds) || 5);
for (let r = 0; r < rounds; r++) {
  engines.forEach((e, i) => {
    const [t, w] = run(e);
    times[i].push(t);
    walls[i].push(w);
  });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const base = median(times[0]);
const baseWall = median(walls[0]);
console.log(`${corpus}: ${arts.length} articles, ${mb.toFixed(2)} MB, ${opt.fn}() in ${batches.length} batches of ${size}, ${rounds} rounds in turn`);
dists.forEach((d, i) => {
  const [m, w] = [median(times[i]), median(walls[i])];
  console.log(`${d.padEnd(28)} ${m.toFixed(2)} s CPU  ${(mb / m).toFixed(2)} MB/s  x${(m / base).toFixed(3)}  (${times[i].map((t) => t.toFixed(2)).join(" ")});  wall ${w.toFixed(2)} s  x${(w / baseWall).toFixed(3)}`);
});
