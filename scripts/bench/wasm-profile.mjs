// Where the wasm's time goes, by function: the page's engine in Node (V8, as in
// Chromium), fed the module as wasm-bindgen wrote it (target/web/last.raw.wasm, which keeps
// the name section that wasm-opt drops; same code, about the same speed), analyzes a corpus
// with the CPU profiler on; prints the self and inclusive time of the top functions.
//
//   bash scripts/build
//   node scripts/bench/wasm-profile.mjs [target/bench/corpus-1.jsonl] [--rounds 6] [--top 30]
//   node scripts/bench/wasm-profile.mjs --fn compare         # the whole comparison (analysis, report, JSON.parse)
//   node scripts/bench/wasm-profile.mjs --fn compareAnalyzed # the pool's comparison of packed parts
//   node scripts/bench/wasm-profile.mjs --callers memcmp     # its self time by the crate's nearest function above it
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Session } from "node:inspector/promises";
import { parseArgs } from "node:util";

const { values: opt, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rounds: { type: "string", default: "6" },
    top: { type: "string", default: "30" },
    callers: { type: "string" },
    fn: { type: "string", default: "analyzePart" },
  },
});
const corpus = positionals[0] ?? "target/bench/corpus-1.jsonl";
const target = process.env.CARGO_TARGET_DIR || "target";
const raw = path.join(target, "web/last.raw.wasm");
for (const f of [corpus, raw, "dist/pkg/storydiff.js"]) {
  if (!fs.existsSync(f)) {
    console.error(`wasm-profile: ${f} is missing (run bash scripts/build first)`);
    process.exit(2);
  }
}
// The glue is an ES module in a folder without "type": "module": load a copy named .mjs.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wasm-profile-"));
fs.copyFileSync("dist/pkg/storydiff.js", path.join(dir, "glue.mjs"));
const glue = await import(path.join(dir, "glue.mjs"));
fs.rmSync(dir, { recursive: true });
glue.initSync({ module: fs.readFileSync(raw) });
glue.loadLanguagePack(new Uint8Array(fs.readFileSync("dist/pkg/storydiff-languages.pack")));
const articles = fs.readFileSync(corpus, "utf8").split("\n").filter(Boolean).map(JSON.parse);
const calls = {
  analyzePart: (batch) => glue.analyzePart(batch, 0, batch.length),
  analyze: (batch) => glue.analyze(batch),
  compare: (batch) => glue.compare(batch, true), // as the page asks: the articles and pairs as JSON text
  // The pool's last step (www/pool.js): the batch compared from two parts packed beforehand.
  compareAnalyzed: (batch) => glue.compareAnalyzed(packedParts(batch), null, true),
};
const packed = new Map();
function packedParts(batch) {
  const half = batch.length >> 1;
  if (!packed.has(batch)) packed.set(batch, [glue.analyzePart(batch, 0, half), glue.analyzePart(batch, half, batch.length)]);
  return packed.get(batch);
}
const call = calls[opt.fn];
if (!call) {
  console.error(`wasm-profile: --fn is one of ${Object.keys(calls).join(", ")}`);
  process.exit(2);
}
call(articles.slice(0, 20));
if (opt.fn === "compareAnalyzed") packedParts(articles); // packed before the profile starts

const session = new Session();
session.connect();
await session.post("Profiler.enable");
await session.post("Profiler.setSamplingInterval", { interval: 200 });
await session.post("Profiler.start");
for (let i = 0; i < Number(opt.rounds); i++) call(articles);
const { profile } = await session.post("Profiler.stop");

const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const name = (n) =>
  (n.callFrame.functionName || "(anonymous)").replace(/\[[0-9a-f]{16}\]/g, "").replace(/::h[0-9a-f]{16}$/, "");
const self = new Map();
const incl = new Map();
const callers = new Map();
let busy = 0;
for (const id of profile.samples) {
  const leaf = nodes.get(id);
  if (["(idle)", "(program)"].includes(leaf.callFrame.functionName)) continue;
  busy++;
  self.set(name(leaf), (self.get(name(leaf)) ?? 0) + 1);
  if (opt.callers && name(leaf).includes(opt.callers)) {
    // The nearest caller of the crate's own (past the allocator, `alloc` and `core`).
    let up = nodes.get(parent.get(leaf.id));
    while (up && !name(up).startsWith("storydiff::")) up = nodes.get(parent.get(up.id));
    const key = up ? name(up) : "(none)";
    callers.set(key, (callers.get(key) ?? 0) + 1);
  }
  const seen = new Set();
  for (let n = leaf; n; n = nodes.get(parent.get(n.id))) {
    if (!seen.has(name(n))) incl.set(name(n), (incl.get(name(n)) ?? 0) + 1), seen.add(name(n));
  }
}
const pct = (c) => `${((100 * c) / busy).toFixed(1)}%`;
const table = (title, map) => {
  console.log(`\n| ${title} | function |\n| ---: | --- |`);
  for (const [k, c] of [...map].sort((a, b) => b[1] - a[1]).slice(0, Number(opt.top)))
    console.log(`| ${pct(c)} | \`${k.slice(0, 140).replaceAll("|", "\\|")}\` |`);
};
console.log(`${corpus}: ${articles.length} articles, ${opt.rounds} rounds of ${opt.fn}, ${busy} samples`);
table("self", self);
table("inclusive", incl);
if (opt.callers) table(`self time of ${opt.callers}, by caller`, callers);
