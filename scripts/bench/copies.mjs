// Do copies meet in a large batch? The benchmark corpus's first N articles, each C times over
// (ids renumbered), compared by the CLI as one batch; prints how many pairs of copies of one
// article share an event cluster, which every pair should. A batch this large scores candidate
// pairs only, and in it every name, word and date of an article is held by C times as many
// articles: the case where blocking on rare features alone loses articles.
//
//   node scripts/bench/corpus.mjs && cargo build --release
//   node scripts/bench/copies.mjs [--articles 4075] [--copies 2] [--bin target/release/storydiff]
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const whole = (name, dflt) => {
  const v = Number(opt(name, dflt));
  if (!Number.isInteger(v) || v < 1) {
    console.error(`copies: --${name} takes a positive whole number`);
    process.exit(2);
  }
  return v;
};
const articles = whole("articles", 4075);
const copies = whole("copies", 2);
const bin = opt("bin", "target/release/storydiff");
const corpus = opt("corpus", "target/bench/corpus.jsonl");

const lines = fs.readFileSync(corpus, "utf8").split("\n").filter((l) => l.trim());
if (lines.length < articles) {
  console.error(`copies: ${corpus} has ${lines.length} articles, fewer than ${articles}`);
  process.exit(2);
}
const originals = lines.slice(0, articles).map((l) => JSON.parse(l).text);
const batch = [];
for (let c = 0; c < copies; c++)
  originals.forEach((text, i) => batch.push(JSON.stringify({ id: `copy${c}-${i}`, text })));
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "storydiff-copies-")), "batch.jsonl");
fs.writeFileSync(file, batch.join("\n") + "\n");

// The report of a batch this large can outgrow the longest string JavaScript holds: it goes to a
// file, and only its event clusters (ids, no brackets in them) are read.
const out = path.join(path.dirname(file), "report.json");
execFileSync(bin, ["compare", "--jsonl", file], { stdio: ["ignore", fs.openSync(out, "w"), "inherit"] });
const bytes = fs.readFileSync(out);
fs.rmSync(path.dirname(file), { recursive: true });
const key = '"clusters":{"event":';
if (bytes.indexOf(key) < 0) {
  console.error("copies: no event clusters in the report");
  process.exit(1);
}
const from = bytes.indexOf(key) + key.length;
let depth = 0;
let to = from;
do {
  if (bytes[to] === 0x5b) depth++;
  else if (bytes[to] === 0x5d) depth--;
  to++;
} while (depth > 0);
const events = JSON.parse(bytes.toString("utf8", from, to));
const cluster = new Map();
events.forEach((members, c) => members.forEach((id) => cluster.set(id, c)));
let pairs = 0;
let met = 0;
for (let i = 0; i < articles; i++)
  for (let a = 0; a < copies; a++)
    for (let b = a + 1; b < copies; b++) {
      pairs++;
      if (cluster.get(`copy${a}-${i}`) === cluster.get(`copy${b}-${i}`)) met++;
    }
console.log(
  `${articles} articles x ${copies} copies (${batch.length} in one batch): ` +
    `${met} of ${pairs} pairs of copies in one event cluster (${((100 * met) / pairs).toFixed(1)}%)`,
);
