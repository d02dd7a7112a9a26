// Checks the language pack of a build (after bash scripts/build): the page's wasm, which leaves
// the word lists English never needs out (feature language-pack), must give the same report
// on English articles without the pack as with it, must say when an article needs the pack,
// and with the pack must give what the native CLI gives. Prints one line per set; exits 1 on
// a difference.
//
//   node scripts/bench/langpack.mjs [--dist dist] [--cli target/release/storydiff] [FILE.jsonl|DIR ...]
// Without inputs: the seeds, and the non-English reports of tests/eval/facts/ if present.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const { values: opt, positionals } = parseArgs({
  options: { dist: { type: "string", default: "dist" }, cli: { type: "string" } },
  allowPositionals: true,
});
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dist = path.resolve(opt.dist);

const readDir = (dir) => readdirSync(dir).filter((f) => /\.(txt|html?|md)$/i.test(f) && !/^readme/i.test(f)).sort()
  .map((f) => ({ id: f.replace(/\.[^.]*$/, ""), text: readFileSync(path.join(dir, f), "utf8") }));
const readJsonl = (file) => readFileSync(file, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
const sets = (positionals.length ? positionals : [path.join(ROOT, "seeds")]).map((p) => ({
  name: path.relative(ROOT, p) || p,
  articles: statSync(p).isDirectory() ? readDir(p) : readJsonl(p),
}));

// Two engines in one process cannot share the wasm module's state: each is a fresh instance.
async function engine() {
  const url = pathToFileURL(path.join(dist, "pkg/storydiff.js")).href + `?${Math.random()}`;
  const e = await import(url);
  e.initSync({ module: await WebAssembly.compile(readFileSync(path.join(dist, "pkg/storydiff_bg.wasm"))) });
  return e;
}
const pack = readFileSync(path.join(dist, "pkg/storydiff-languages.pack"));
const bare = await engine();
const full = await engine();
full.loadLanguagePack(pack);
let failed = false;
for (const { name, articles } of sets) {
  for (const one of [false, true]) {
    // Each article alone (so that one non-English article does not hide the English ones), then the batch.
    const batches = one ? articles.map((a) => [a]) : [articles];
    let same = 0, needed = 0, differ = 0;
    for (const batch of batches) {
      const want = JSON.stringify(full.compare(batch));
      let got = null;
      try {
        got = JSON.stringify(bare.compare(batch));
      } catch (e) {
        if (e.message !== "storydiff: these articles need the language pack") throw e;
        needed += 1;
        continue;
      }
      if (got === want) same += 1;
      else { differ += 1; console.error(`${name}: ${batch.map((a) => a.id).join(",")}: differs without the pack`); }
    }
    console.log(`${name} ${one ? "one by one" : "as one batch"}: ${same} same without the pack, ${needed} needed it, ${differ} different`);
    if (differ) failed = true;
  }
  if (opt.cli) {
    // The CLI's JSON (pack compiled in) against the wasm with the pack: the same reports.
    const input = articles.map((a) => JSON.stringify({ id: a.id, text: a.text })).join("\n") + "\n";
    const cli = JSON.parse(execFileSync(opt.cli, ["compare", "--jsonl", "--threads", "1"], { input, encoding: "utf8", maxBuffer: 1 << 30 }));
    const wasm = full.compare(articles);
    const same = JSON.stringify(cli.pairs) === JSON.stringify(wasm.pairs) &&
      JSON.stringify(cli.clusters) === JSON.stringify(wasm.clusters);
    console.log(`${name}: CLI and wasm with the pack ${same ? "agree" : "DIFFER"} (pairs, clusters)`);
    if (!same) failed = true;
  }
}
process.exit(failed ? 1 : 0);
