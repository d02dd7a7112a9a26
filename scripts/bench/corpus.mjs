// Builds the benchmark corpus: varied news articles recombined from the real texts already in
// the repository (the five seed articles, seeds/README.md says where they come from) and the
// evaluation texts under tests/eval/ (each README there says how they were written). Paragraphs
// are drawn with a fixed-seed generator, so every run gets the same bytes.
//
//   node scripts/bench/corpus.mjs [--mb 10] [--out target/bench/corpus.jsonl]
//   node scripts/bench/corpus.mjs --article-kb 1024 --out target/bench/one.txt   (one long article)
//
// The JSON Lines output is what `storydiff analyze --jsonl` reads: {"id", "text"} per line.
import fs from "node:fs";
import path from "node:path";

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const r = (p) => fs.readFileSync(path.join(root, p), "utf8");

function paragraphs() {
  const out = [];
  const add = (text) => {
    for (const p of text.split(/\n\s*\n/)) if (p.trim().length > 20) out.push(p.trim());
  };
  for (const f of fs.readdirSync(path.join(root, "seeds")).sort())
    if (f.endsWith(".txt")) add(r(`seeds/${f}`));
  for (const f of ["news_en.txt", "news_en_heldout.txt"])
    for (const line of r(`tests/eval/entities/${f}`).split("\n"))
      if (line && !line.startsWith("#")) add(line.replace(/\[[A-Z]+ ([^\]]*)\]/g, "$1"));
  for (const f of ["news.json", "blind.json", "blind2.json", "blind3.json", "heldout.json"])
    for (const d of JSON.parse(r(`tests/eval/quotes/${f}`)).docs) add(d.text);
  for (const a of JSON.parse(r("tests/eval/clusters/batch1.json")).articles) add(a.text);
  for (const c of JSON.parse(r("tests/eval/quantities/sentences.json")).cases) if (c.text) add(c.text);
  for (const f of ["dev.jsonl", "test.jsonl", "challenge.jsonl", "challenge2.jsonl", "seeds.jsonl"])
    for (const line of r(`tests/eval/timex/${f}`).split("\n")) if (line.trim()) add(JSON.parse(line).text ?? "");
  return out;
}

// mulberry32: a small fixed-seed generator.
function rng(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const paras = paragraphs();
const rand = rng(12);
const pick = () => paras[Math.floor(rand() * paras.length)];
const out = opt("out", "target/bench/corpus.jsonl");
fs.mkdirSync(path.dirname(out), { recursive: true });

const articleKb = opt("article-kb");
if (articleKb) {
  // One article of the given size: paragraphs one after another.
  const want = Number(articleKb) * 1024;
  const parts = [];
  let size = 0;
  while (size < want) {
    const p = pick();
    parts.push(p);
    size += Buffer.byteLength(p) + 2;
  }
  fs.writeFileSync(out, parts.join("\n\n") + "\n");
} else {
  const want = Number(opt("mb", "10")) * 1e6;
  const lines = [];
  let size = 0;
  for (let n = 0; size < want; n++) {
    const count = 8 + Math.floor(rand() * 24);
    const text = Array.from({ length: count }, pick).join("\n\n");
    lines.push(JSON.stringify({ id: `a${n}`, text }));
    size += Buffer.byteLength(text);
  }
  fs.writeFileSync(out, lines.join("\n") + "\n");
}
console.error(`corpus: ${paras.length} source paragraphs -> ${out} (${fs.statSync(out).size} bytes)`);
