// Validates storydiff reports against schema/report.schema.json, strictly: besides the schema
// itself, every field a report carries must be documented in the schema (an undocumented
// field fails with a message saying where), and every span must quote its input exactly
// (`text` == the input's code points start..end).
//
//   node scripts/check-schema.mjs [path/to/storydiff] [seed files...]
// runs `storydiff analyze` and `storydiff compare` on the seeds and checks both outputs.
// The e2e tests import `checkCompare` to check what the wasm build returns to the page.
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SCHEMA = JSON.parse(readFileSync(path.join(ROOT, "schema/report.schema.json"), "utf8"));

/** The schema with `additionalProperties: false` on every object that lists its properties. */
function strict(node) {
  if (Array.isArray(node)) return node.map(strict);
  if (!node || typeof node !== "object") return node;
  const out = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, strict(v)]));
  if (out.properties && out.type === "object" && !("additionalProperties" in out)) {
    out.additionalProperties = false;
  }
  return out;
}

const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
ajv.addSchema(strict(SCHEMA), "report");
const validateArticle = ajv.getSchema("report#/$defs/ArticleReport");
const validateCompare = ajv.getSchema("report#/$defs/CompareReport");

function schemaErrors(validate, value, what) {
  if (validate(value)) return [];
  return validate.errors.map((e) =>
    e.keyword === "additionalProperties"
      ? `${what}${e.instancePath}: field "${e.params.additionalProperty}" is not in schema/report.schema.json (document it there)`
      : `${what}${e.instancePath}: ${e.message} ${JSON.stringify(e.params)}`);
}

const cp = (text, s, e) => Array.from(text).slice(s, e).join("");

/** Every {start, end, text} object under `value` must quote `input`. */
function spanErrors(value, input, where, out = []) {
  if (Array.isArray(value)) value.forEach((v, i) => spanErrors(v, input, `${where}/${i}`, out));
  else if (value && typeof value === "object") {
    if (typeof value.start === "number" && typeof value.end === "number" && typeof value.text === "string") {
      const n = Array.from(input).length;
      if (!(value.start <= value.end && value.end <= n)) out.push(`${where}: span ${value.start}..${value.end} outside 0..${n}`);
      else if (cp(input, value.start, value.end) !== value.text)
        out.push(`${where}: text ${JSON.stringify(value.text)} is not the input at ${value.start}..${value.end} (${JSON.stringify(cp(input, value.start, value.end))})`);
    }
    for (const [k, v] of Object.entries(value)) if (v && typeof v === "object") spanErrors(v, input, `${where}/${k}`, out);
  }
  return out;
}

/** Errors of one ArticleReport given its input text. */
export function checkArticle(report, input, what = "article") {
  return [...schemaErrors(validateArticle, report, what), ...spanErrors(report, input, `${what}(${report.id})`)];
}

/** Errors of one CompareReport given the inputs by id. */
export function checkCompare(report, inputs, what = "compare") {
  const errors = schemaErrors(validateCompare, report, what);
  if (errors.length) return errors;
  for (const a of report.articles) errors.push(...spanErrors(a, inputs[a.id], `${what}/articles(${a.id})`));
  report.pairs.forEach((p, i) => {
    for (const side of ["agreements", "conflicts", "wording"]) (p[side] || []).forEach((f, j) => {
      errors.push(...spanErrors(f.a, inputs[p.a], `${what}/pairs/${i}/${side}/${j}/a`));
      errors.push(...spanErrors(f.b, inputs[p.b], `${what}/pairs/${i}/${side}/${j}/b`));
    });
    errors.push(...spanErrors(p.only_a, inputs[p.a], `${what}/pairs/${i}/only_a`));
    errors.push(...spanErrors(p.only_b, inputs[p.b], `${what}/pairs/${i}/only_b`));
    const sentences = (id) => report.articles.find((x) => x.id === id)?.sentences?.length ?? 0;
    (p.aligned || []).forEach((al, j) => {
      if (al.a >= sentences(p.a) || al.b >= sentences(p.b))
        errors.push(`${what}/pairs/${i}/aligned/${j}: sentence ${al.a}/${al.b} out of range`);
    });
  });
  (report.entities || []).forEach((row, i) => {
    for (const m of row.members) {
      const art = report.articles.find((x) => x.id === m.article);
      if (!art) errors.push(`${what}/entities/${i}: unknown article ${m.article}`);
      else for (const k of m.mentions) {
        const e = art.entities[k];
        if (!e) errors.push(`${what}/entities/${i}: ${m.article} has no entity ${k}`);
        else if (e.entity !== row.name) errors.push(`${what}/entities/${i}: ${m.article} entity ${k} is named ${e.entity}, not ${row.name}`);
      }
    }
  });
  const ids = report.articles.map((a) => a.id).sort();
  for (const grain of ["event", "story", "topic"]) {
    const got = report.clusters[grain].flat().sort();
    if (JSON.stringify(got) !== JSON.stringify(ids)) errors.push(`${what}/clusters/${grain}: not a partition of the articles (${got})`);
  }
  const n = ids.length;
  // Every pair of a batch of up to 64 articles (compare::ALL_PAIRS_UP_TO); of a larger one, each
  // article's 10 closest related pairs at most (compare::LISTED_PER_ARTICLE), or every pair.
  const all = (n * (n - 1)) / 2;
  if (n <= 64 ? report.pairs.length !== all : report.pairs.length > 10 * n && report.pairs.length !== all)
    errors.push(`${what}/pairs: ${report.pairs.length} pairs for ${n} articles`);
  return errors;
}

function main() {
  const bin = process.argv[2] || path.join(ROOT, "target/debug/storydiff");
  let files = process.argv.slice(3);
  if (files.length === 0) {
    const dir = path.join(ROOT, "seeds");
    files = readdirSync(dir).filter((f) => /\.(txt|html?|md)$/.test(f) && !/^readme/i.test(f)).sort().map((f) => path.join(dir, f));
  }
  const inputs = Object.fromEntries(files.map((f) => [path.basename(f).replace(/\.[^.]*$/, ""), readFileSync(f, "utf8")]));
  const run = (...args) => execFileSync(bin, args, { encoding: "utf8", maxBuffer: 256 << 20 });
  const errors = [];

  const lines = run("analyze", ...files).split("\n").filter((l) => l.trim());
  if (lines.length !== files.length) errors.push(`analyze: ${lines.length} lines for ${files.length} files`);
  for (const [i, line] of lines.entries()) {
    const report = JSON.parse(line);
    errors.push(...checkArticle(report, inputs[report.id] ?? "", `analyze line ${i + 1}`));
  }
  errors.push(...checkCompare(JSON.parse(run("compare", ...files)), inputs));

  if (errors.length) {
    console.error(`schema check: ${errors.length} problem(s)`);
    for (const e of errors.slice(0, 50)) console.error(`  ${e}`);
    process.exit(1);
  }
  console.log(`schema check: ok (analyze: ${lines.length} reports, compare: 1 report, ${files.length} files)`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
