// Runs the benchmark corpus through storydiff's wasm (in this Node process) and, on the same text
// in the same run, through compromise, wink-nlp (with its English model) and chrono-node, printing
// one JSON line per engine: {"engine", "mb", "seconds", "mbps"}.
//
//   node scripts/bench/engines.mjs CORPUS.jsonl --pkg dist/pkg --npm DIR [--chunk 100]
//
// --pkg: the wasm-bindgen --target web output of scripts/build (storydiff.js + storydiff_bg.wasm).
// --npm: a folder whose node_modules holds compromise, wink-nlp, wink-eng-lite-web-model and
//        chrono-node (scripts/bench/run installs them under target/bench/npm).
// storydiff analyzes the corpus in batches of --chunk articles, as the page would receive them.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const corpus = fs
  .readFileSync(args[0], "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));
const chunk = Number(opt("chunk", "100"));
const bytes = corpus.reduce((n, a) => n + Buffer.byteLength(a.text), 0);
const mb = bytes / 1e6;
const only = opt("only", "");

function report(engine, seconds, extra = {}) {
  console.log(JSON.stringify({ engine, mb: +mb.toFixed(3), seconds: +seconds.toFixed(3), mbps: +(mb / seconds).toFixed(3), ...extra }));
}
function time(f) {
  const t = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t) / 1e9;
}
const want = (name) => !only || only.split(",").includes(name);

// Anchor: split at white space.
if (want("split")) report("anchor: split at white space", time(() => corpus.forEach((a) => a.text.split(/\s+/).length)));

if (want("wasm")) {
  const pkg = path.resolve(opt("pkg", "dist/pkg"));
  const glue = await import(pathToFileURL(path.join(pkg, "storydiff.js")).href);
  glue.initSync({ module: fs.readFileSync(path.join(pkg, "storydiff_bg.wasm")) });
  // The page's wasm loads the word lists of other languages on demand: here, up front.
  const pack = path.join(pkg, "storydiff-languages.pack");
  if (glue.loadLanguagePack && fs.existsSync(pack)) glue.loadLanguagePack(fs.readFileSync(pack));
  glue.analyze([{ id: "warm", text: corpus[0].text }]);
  const seconds = time(() => {
    for (let i = 0; i < corpus.length; i += chunk) glue.analyze(corpus.slice(i, i + chunk));
  });
  report(`storydiff wasm in Node (batches of ${chunk})`, seconds);
}

const npm = opt("npm");
if (npm) {
  const require = createRequire(path.join(path.resolve(npm), "node_modules", "x.js"));
  const version = (name) =>
    JSON.parse(fs.readFileSync(path.join(path.resolve(npm), "node_modules", name, "package.json"), "utf8")).version;
  if (want("compromise")) {
    const nlp = require("compromise");
    const seconds = time(() => corpus.forEach((a) => {
      const doc = nlp(a.text);
      doc.people().out("array");
      doc.places().out("array");
      doc.organizations().out("array");
    }));
    report(`compromise ${version("compromise")} (people, places, organisations)`, seconds);
  }
  if (want("wink")) {
    const winkNLP = require("wink-nlp");
    const model = require("wink-eng-lite-web-model");
    const nlp = winkNLP(model);
    const its = nlp.its;
    const seconds = time(() => corpus.forEach((a) => {
      const doc = nlp.readDoc(a.text);
      doc.entities().out(its.detail);
      doc.sentences().length();
    }));
    report(`wink-nlp ${version("wink-nlp")} + wink-eng-lite-web-model ${version("wink-eng-lite-web-model")} (entities, sentences)`, seconds);
  }
  if (want("chrono")) {
    const chrono = require("chrono-node");
    const ref = new Date(Date.UTC(2022, 0, 6));
    const seconds = time(() => corpus.forEach((a) => chrono.parse(a.text, ref)));
    report(`chrono-node ${version("chrono-node")} (dates)`, seconds);
  }
}
