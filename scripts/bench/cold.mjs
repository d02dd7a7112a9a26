// Cold start of the engine in Node, one fresh process per start: compile and instantiate the wasm
// of each build given, then compare() the example articles twice (the first call pays for what is
// set up on first use, the second is the steady cost). Builds alternate, so that both see the same
// machine load; prints the medians per build and their ratios to the first build, and whether
// every build gave the same report.
//
//   node scripts/bench/cold.mjs [--rounds 5] DIST [DIST...]    # e.g. /path/to/main/dist dist
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const { values: opt, positionals } = parseArgs({
  options: { rounds: { type: "string", default: "5" }, child: { type: "string" } },
  allowPositionals: true,
});
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

if (opt.child) {
  // One start of one build: print {load, first, second} in ms.
  const dir = path.resolve(opt.child);
  const seeds = path.join(ROOT, "seeds");
  const articles = readdirSync(seeds).filter((f) => /\.(txt|html?|md)$/i.test(f) && !/^readme/i.test(f)).sort()
    .map((f) => ({ id: f, text: readFileSync(path.join(seeds, f), "utf8") }));
  const engine = await import(pathToFileURL(path.join(dir, "pkg/storydiff.js")).href);
  const bytes = readFileSync(path.join(dir, "pkg/storydiff_bg.wasm"));
  const t0 = performance.now();
  engine.initSync({ module: await WebAssembly.compile(bytes) });
  const t1 = performance.now();
  const report = engine.compare(articles);
  const t2 = performance.now();
  engine.compare(articles);
  const t3 = performance.now();
  const digest = createHash("sha256").update(JSON.stringify(report)).digest("hex").slice(0, 16);
  console.log(JSON.stringify({ load: t1 - t0, first: t2 - t1, second: t3 - t2, digest }));
} else {
  if (positionals.length === 0) throw new Error("give one or more dist folders (bash scripts/build writes dist/)");
  const rounds = Math.max(1, Number(opt.rounds) || 5);
  const samples = positionals.map(() => []);
  for (let r = 0; r < rounds; r++) {
    positionals.forEach((dir, i) => {
      const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), "--child", dir], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
      samples[i].push(JSON.parse(out.trim().split("\n").pop()));
    });
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const rows = positionals.map((dir, i) => {
    const m = (k) => +median(samples[i].map((s) => s[k])).toFixed(0);
    const digests = new Set(samples[i].map((s) => s.digest));
    return { build: dir, load_ms: m("load"), first_compare_ms: m("first"), second_compare_ms: m("second"), report: [...digests].join(" ") };
  });
  for (const row of rows) {
    row.first_vs_first_build = +(row.first_compare_ms / rows[0].first_compare_ms).toFixed(2);
    row.second_vs_first_build = +(row.second_compare_ms / rows[0].second_compare_ms).toFixed(2);
  }
  console.log(`node ${process.version}, ${rounds} rounds, builds alternating`);
  console.table(rows);
  // The report column: a digest of the first compare's report (the same in every build: the same results).
  const same = new Set(rows.map((r) => r.report)).size === 1;
  console.log(same ? "every build gave the same report" : "the builds' reports differ");
}
