// Same reports from two builds of the page's engine (after bash scripts/build in each): analyze and
// compare on each set, in batches of 60 articles, the language pack loaded in both; a line per set,
// each batch that differs named on stderr, exit 1 on a difference. For changes that must not change
// any output (packing the word lists, the wasm profile, wasm-opt flags).
//
//   node scripts/bench/same-reports.mjs OLD/dist dist [DIR | FILE.jsonl | FILE.json ...]
//
// A DIR holds one article a file (.txt, .html, .md); FILE.jsonl one {"id", "text", "date"?} a line;
// FILE.json an {"articles": [...]} set such as tests/eval/clusters/languages.json.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
const [A, B, ...inputs] = process.argv.slice(2);
async function engine(dist, pack) {
  const e = await import(pathToFileURL(path.join(dist, "pkg/storydiff.js")).href + `?${Math.random()}`);
  e.initSync({ module: await WebAssembly.compile(readFileSync(path.join(dist, "pkg/storydiff_bg.wasm"))) });
  if (pack) e.loadLanguagePack(readFileSync(path.join(dist, "pkg/storydiff-languages.pack")));
  return e;
}
const readDir = (dir) => readdirSync(dir).filter((f) => /\.(txt|html?|md)$/i.test(f) && !/^readme/i.test(f)).sort()
  .map((f) => ({ id: f.replace(/\.[^.]*$/, ""), text: readFileSync(path.join(dir, f), "utf8") }));
const load = (p) => statSync(p).isDirectory() ? readDir(p) : p.endsWith(".json")
  ? JSON.parse(readFileSync(p, "utf8")).articles.map((a) => ({ id: a.id, text: a.text, date: a.date }))
  : readFileSync(p, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
const ea = await engine(A, true), eb = await engine(B, true);
let bad = 0;
for (const p of inputs) {
  const arts = load(p);
  let same = 0, differ = 0;
  const batches = [];
  for (let i = 0; i < arts.length; i += 60) batches.push(arts.slice(i, i + 60));
  for (const batch of batches) {
    for (const fn of ["analyze", "compare"]) {
      const x = JSON.stringify(ea[fn](batch)), y = JSON.stringify(eb[fn](batch));
      if (x === y) same++; else { differ++; bad++; console.error(`${p}: ${fn} differs in batch at ${batch[0].id}`); }
    }
  }
  console.log(`${p}: ${arts.length} articles, ${batches.length} batches x (analyze, compare): ${same} same, ${differ} different`);
}
process.exit(bad ? 1 : 0);
