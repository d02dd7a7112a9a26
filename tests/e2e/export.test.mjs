// Unit tests of the exports (www/export.js) under node, on the CLI's report of the seeds: the
// facts CSV byte for byte as `storydiff facts` writes it (one definition of the columns), every
// span of the entity and event CSVs quoting its input, the Markdown summary, and an HTML report
// that shows each input exactly, escaped, with no script and a CSP that forbids loading anything.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import {
  exportReport, factsCsv, entitiesCsv, eventsCsv, markdownSummary, htmlReport, csvField, mdText, htmlText, EXPORT_FORMATS,
} from "../../www/export.js";
import { ROOT } from "./helpers.mjs";

const CLI = path.resolve(process.env.STORYDIFF_CLI || path.join(process.env.CARGO_TARGET_DIR || path.join(ROOT, "target"), "debug/storydiff"));
const SEEDS = readdirSync(path.join(ROOT, "seeds")).filter((f) => f.endsWith(".txt")).sort().map((f) => path.join(ROOT, "seeds", f));
const inputs = SEEDS.map((f) => ({ id: path.basename(f, ".txt"), text: readFileSync(f, "utf8") }));
const cp = (text, start, end) => [...text].slice(start, end).join("");
let report;

before(() => {
  assert.ok(existsSync(CLI), `${CLI} is missing: cargo build --bin storydiff (scripts/test builds it before the e2e tests)`);
  report = JSON.parse(execFileSync(CLI, ["compare", ...SEEDS], { encoding: "utf8", maxBuffer: 1 << 28 }));
});

/** RFC 4180 rows of `csv` (CRLF line ends, quoted fields with "" for a quote). */
function parseCsv(csv) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(field); field = ""; } else if (c === "\r" && csv[i + 1] === "\n") {
      row.push(field); rows.push(row); row = []; field = ""; i++;
    } else field += c;
  }
  assert.equal(field + row.join(""), "", "the CSV ends with a line break");
  return rows;
}

test("export: the facts CSV is byte for byte what `storydiff facts` writes", () => {
  const cli = execFileSync(CLI, ["facts", ...SEEDS], { encoding: "utf8" });
  assert.ok(cli.split("\r\n").length > 20, "the seeds have facts");
  assert.equal(factsCsv(report.articles), cli);
});

test("export: every entity mention and event record in the CSVs quotes its input", () => {
  const text = new Map(inputs.map((a) => [a.id, a.text]));
  const [head, ...rows] = parseCsv(entitiesCsv(report));
  assert.deepEqual(head, ["entity", "name", "label", "variants", "article", "start", "end", "text"]);
  const mentions = report.entities.reduce((n, e) => n + e.members.reduce((k, m) => k + m.mentions.length, 0), 0);
  assert.equal(rows.length, mentions);
  for (const r of rows) assert.equal(cp(text.get(r[4]), Number(r[5]), Number(r[6])), r[7]);
  const [ehead, ...events] = parseCsv(eventsCsv(report.articles));
  assert.equal(ehead.length, 17);
  assert.equal(events.length, report.articles.reduce((n, a) => n + a.records.length, 0));
  assert.ok(events.length > 5, "the seeds have event records");
  for (const r of events) assert.equal(cp(text.get(r[0]), Number(r[14]), Number(r[15])), r[16]);
});

test("export: the Markdown summary names each event's articles and escapes what it quotes", () => {
  const md = markdownSummary(report);
  const title = new Map(report.articles.map((a) => [a.id, a.title || a.id]));
  const events = md.split("## Events")[1].split("\n###")[0];
  for (const ids of report.clusters.event) assert.ok(events.includes(ids.map((id) => mdText(title.get(id))).join(" · ")), ids.join(" "));
  assert.match(md, /^# storydiff report\n\n5 articles, \d+ events?, 10 pairs compared\.\n/);
  assert.equal(mdText("a|b *c* [x](y) <b>"), "a\\|b \\*c\\* \\[x\\](y) \\<b\\>");
});

test("export: the HTML report shows each input exactly, escaped, and runs nothing", () => {
  const hostile = { id: "x<y", text: 'He said "<script>alert(1)</script>" & left.\nBerlin, 3 May.' };
  const small = { articles: [{ id: hostile.id, title: "<img src=x onerror=alert(1)>", entities: [{ start: 44, end: 50, text: "Berlin", label: "PLACE", entity: "Berlin" }] }] };
  for (const [r, ins] of [[report, inputs], [small, [hostile]]]) {
    const html = htmlReport(r, ins);
    assert.doesNotMatch(html, /<script|<img|<[^>]*\son\w+=/i, "no script, no image, no handler");
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">/);
    for (const a of ins) {
      const body = html.split(`<section id="a-${htmlText(a.id)}">`)[1].split('<div class="text">')[1].split("</div></section>")[0];
      const shown = body.replace(/<[^>]*>/g, "").replace(/&(amp|lt|gt|quot|#39);/g, (_, e) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[e]);
      assert.equal(shown, a.text, `${a.id}: the text as given`);
    }
  }
  assert.match(htmlReport(small, [hostile]), /<mark class="PLACE" title="PLACE: Berlin">Berlin<\/mark>/);
});

test("export: every format makes a named file; JSON is the report as given; an unknown format is an error", () => {
  for (const format of Object.keys(EXPORT_FORMATS)) {
    const file = exportReport(report, format, inputs);
    assert.equal(file.name, EXPORT_FORMATS[format].file);
    assert.ok(file.text.length > 100, format);
    assert.match(file.type, /charset=utf-8$/);
  }
  assert.deepEqual(JSON.parse(exportReport(report, "json").text), report);
  assert.throws(() => exportReport(report, "pdf"), /unknown export format “pdf”/);
  assert.equal(csvField('say "no", then\nleave'), '"say ""no"", then\nleave"');
  assert.equal(csvField(null), "");
});
