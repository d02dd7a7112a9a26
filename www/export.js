// The report as files to download: the JSON report (as the engine wrote it, schema/report.schema.json),
// CSV (the facts as `storydiff facts` writes them, the batch's entities, the event records), a
// Markdown summary, and a self-contained HTML report (inline styles, no script, opens anywhere).
// Pure: no DOM, and no import but offsets.js, so it runs in the analysis worker (which holds the
// whole report) and under `node --test`. Every span is `start`/`end` in code points of the text
// the user gave.

import { codePointIndex } from "./offsets.js";

/** The formats offered: key → {file name, MIME type} (the page's buttons: export-panel.js). */
export const EXPORT_FORMATS = {
  json: { file: "storydiff-report.json", type: "application/json" },
  facts: { file: "storydiff-facts.csv", type: "text/csv" },
  entities: { file: "storydiff-entities.csv", type: "text/csv" },
  events: { file: "storydiff-events.csv", type: "text/csv" },
  markdown: { file: "storydiff-summary.md", type: "text/markdown" },
  html: { file: "storydiff-report.html", type: "text/html" },
};

/**
 * The file of `format` for compare report `report`; `inputs` are the articles as given
 * ([{id, text, name?}]), whose text the HTML report shows. Returns {name, type, text}.
 */
export function exportReport(report, format, inputs = []) {
  const spec = EXPORT_FORMATS[format];
  if (!spec) throw new Error(`unknown export format “${format}”`);
  const writers = {
    json: () => `${JSON.stringify(report)}\n`,
    facts: () => factsCsv(report.articles || []),
    entities: () => entitiesCsv(report),
    events: () => eventsCsv(report.articles || []),
    markdown: () => markdownSummary(report),
    html: () => htmlReport(report, inputs),
  };
  return { name: spec.file, type: `${spec.type};charset=utf-8`, text: writers[format]() };
}

// ---- CSV (RFC 4180, CRLF) ---------------------------------------------------------------

/** A CSV field, quoted when it holds a comma, a quote or a line break. */
export function csvField(value) {
  const s = value === null || value === undefined ? "" : String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csvRows(header, rows) {
  return [header, ...rows].map((r) => `${r.map(csvField).join(",")}\r\n`).join("");
}

/** The columns of `storydiff facts` (src/bin/cli/csv.rs), in its order. */
export const FACTS_HEADER = ["article", "key", "what", "group", "low", "high", "unit", "hedge", "status", "place",
  "when", "reported", "source", "start", "end", "text", "place_start", "when_start", "source_start"];

/** The facts of each article, one row each, byte for byte as `storydiff facts` writes them. */
export function factsCsv(articles) {
  const value = (e) => (e ? e.value : "");
  const start = (e) => (e ? e.start : "");
  const num = (x) => (x === null || x === undefined ? "" : x);
  const rows = articles.flatMap((a) => (a.facts || []).map((f) => {
    const v = f.value || {};
    return [a.id, f.key, f.what, f.group, num(v.low), num(v.high), v.unit || "", v.hedge || "", f.status,
      value(f.place), value(f.when), f.reported || "", value(f.source), f.start, f.end, f.text,
      start(f.place), start(f.when), start(f.source)];
  }));
  return csvRows(FACTS_HEADER, rows);
}

/** One row per mention of each entity of the batch: which entity, in which article, where. */
export function entitiesCsv(report) {
  const byId = new Map((report.articles || []).map((a) => [a.id, a]));
  const rows = [];
  for (const row of report.entities || []) {
    const variants = row.variants.join(" | ");
    for (const m of row.members) {
      const mentions = byId.get(m.article)?.entities || [];
      for (const i of m.mentions) {
        const e = mentions[i];
        if (e) rows.push([row.id, row.name, row.label, variants, m.article, e.start, e.end, e.text]);
      }
    }
  }
  return csvRows(["entity", "name", "label", "variants", "article", "start", "end", "text"], rows);
}

/** A record's figure in words: "at least 13 killed (protesters)". */
export function countText(c) {
  if (!c) return "";
  const n = (x) => (x === null || x === undefined ? "?" : String(x));
  const range = c.low === c.high ? n(c.low) : `${n(c.low)}-${n(c.high)}`;
  const hedge = c.hedge && c.hedge !== "exact" && c.hedge !== "range" ? `${c.hedge.replace(/_/g, " ")} ` : "";
  return `${hedge}${range}${c.unit ? ` ${c.unit}` : ""} ${c.what}${c.group ? ` (${c.group})` : ""}`;
}

export const EVENTS_HEADER = ["article", "type", "status", "trigger", "when", "place", "actor", "target", "size",
  "casualties", "detentions", "issue", "response", "source", "start", "end", "sentence"];

/** The event records of each article, one row each; `start`/`end` are the sentence's span. */
export function eventsCsv(articles) {
  const v = (e) => (e ? e.value : "");
  const rows = articles.flatMap((a) => (a.records || []).map((r) => [
    a.id, r.type, r.status, r.trigger?.text ?? "", v(r.when), v(r.place), v(r.actor), v(r.target), countText(r.size),
    (r.casualties || []).map(countText).join("; "), (r.detentions || []).map(countText).join("; "),
    v(r.issue), v(r.response), v(r.source), r.sentence?.start ?? "", r.sentence?.end ?? "", r.sentence?.text ?? "",
  ]));
  return csvRows(EVENTS_HEADER, rows);
}

// ---- what both text reports share ------------------------------------------------------------

/** How many related pairs the Markdown and HTML reports list (the JSON has them all). */
export const REPORT_PAIRS = 50;

function reportTitles(report) {
  const byId = new Map((report.articles || []).map((a) => [a.id, a]));
  return (id) => byId.get(id)?.title || id;
}

function relatedPairs(report) {
  return (report.pairs || []).filter((p) => p.relation !== "unrelated").sort((x, y) => y.score - x.score);
}

function reportCounts(report) {
  const n = (report.articles || []).length;
  const events = (report.clusters?.event || []).length;
  const pairs = (report.pairs || []).length;
  const s = (k, w) => `${k.toLocaleString("en")} ${w}${k === 1 ? "" : "s"}`;
  return `${s(n, "article")}, ${s(events, "event")}, ${s(pairs, "pair")} compared`;
}

/** The differences of a pair, as [heading, [line, ...]]: what the text reports list. */
function pairLines(p, title) {
  const fact = (f) => (f ? f.text : "");
  const kind = (x) => (x.class ? ` (${x.class})` : "");
  return [
    ["They differ", (p.conflicts || []).map((x) => `${x.key}${kind(x)}: “${fact(x.a)}” ≠ “${fact(x.b)}”`)],
    ["Names written differently", (p.names || []).filter((x) => x.class !== "same").map((x) => `${x.label}${kind(x)}: “${fact(x.a)}” / “${fact(x.b)}”`)],
    ["Quotes both give", (p.quotes || []).map((x) => `${x.speaker_a || "?"}${kind(x)}: “${fact(x.a)}” ⇔ “${fact(x.b)}”`)],
    ["Both say", (p.agreements || []).map((x) => `${x.key}: “${fact(x.a)}” ⇔ “${fact(x.b)}”`)],
    [`Only in ${title(p.a)}`, (p.only_a || []).map((f) => `${f.key}: “${f.text}”`)],
    [`Only in ${title(p.b)}`, (p.only_b || []).map((f) => `${f.key}: “${f.text}”`)],
  ].filter(([, list]) => list.length);
}

// ---- Markdown ----------------------------------------------------------------------------------

/** Text made literal in Markdown (and safe in a table cell). */
export function mdText(s) {
  return String(s ?? "").replace(/[\\`*_{}[\]<>|#!~]/g, "\\$&").replace(/\s*\n\s*/g, " ");
}

const mdRow = (cells) => `| ${cells.map(mdText).join(" | ")} |`;

/** A summary in Markdown: the articles, each event's facts table and timeline, the best pairs, the joined names. */
export function markdownSummary(report) {
  const title = reportTitles(report);
  const out = ["# storydiff report", "", `${reportCounts(report)}.`, "", "## Articles", "",
    "| id | title | date | outlet | language | facts | warnings |", "| --- | --- | --- | --- | --- | --- | --- |"];
  for (const a of report.articles || []) {
    out.push(mdRow([a.id, a.title || "", a.date || "", a.outlet || "", a.language || "", (a.facts || []).length, (a.warnings || []).join("; ")]));
  }
  out.push("", "## Events", "");
  (report.clusters?.event || []).forEach((ids, i) => out.push(`${i + 1}. ${ids.map((id) => mdText(title(id))).join(" · ")}`));
  for (const t of report.tables || []) out.push("", ...markdownTable(t, title));
  const pairs = relatedPairs(report);
  out.push("", `## Related pairs${pairs.length > REPORT_PAIRS ? ` (the best ${REPORT_PAIRS} of ${pairs.length})` : ""}`, "");
  for (const p of pairs.slice(0, REPORT_PAIRS)) {
    out.push(`### ${p.score.toFixed(2)} ${mdText(p.relation)}: ${mdText(title(p.a))} ↔ ${mdText(title(p.b))}`, "");
    if (p.because) out.push(mdText(p.because), "");
    for (const [head, list] of pairLines(p, title)) out.push(`- **${head}**`, ...list.map((l) => `  - ${mdText(l)}`));
    out.push("");
  }
  const joined = (report.entities || []).filter((e) => e.variants.length > 1);
  out.push("## Names joined into one entity", "");
  for (const e of joined) out.push(`- **${mdText(e.name)}** (${e.label}): ${e.variants.map(mdText).join(", ")}`);
  if (!joined.length) out.push("None.");
  return `${out.join("\n")}\n`;
}

function markdownTable(t, title) {
  const out = [`### Event: ${t.articles.map((id) => mdText(title(id))).join(" · ")}`, "",
    mdRow(["fact", ...t.articles.map(title), "class"]), `|${" --- |".repeat(t.articles.length + 2)}`];
  for (const r of t.rows) {
    const cell = (id) => r.cells.find((c) => c.article === id)?.value ?? "—";
    out.push(mdRow([r.key, ...t.articles.map(cell), r.class]));
  }
  if (t.timeline.length) out.push("", ...t.timeline.map((m) => `- ${mdText(m.day)} ${mdText(m.class)}: ${m.sources.map((s) => mdText(`“${s.text}” (${title(s.article)})`)).join(", ")}`));
  return out;
}

// ---- HTML ------------------------------------------------------------------------------------

/** Text made literal in HTML, in content and in quoted attributes. */
export function htmlText(s) {
  return String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

const HTML_STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;background:#fff}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left;vertical-align:top}
.conflict{background:#fde2e2}.agree{background:#e3f4e1}.update{background:#fff4d6}.compatible{background:#eef3fb}
mark{border-radius:3px;padding:0 2px}.PERSON{background:#dbeafe}.ORG{background:#fde68a}.PLACE{background:#d1fae5}
.date{background:#ede9fe}.qty{background:#fee2e2}.text{white-space:pre-wrap;border-left:3px solid #ddd;padding-left:1rem}
small{color:#555}@media (prefers-color-scheme:dark){body{background:#161616;color:#eee}mark{color:#111}td,th{border-color:#555}
.conflict,.agree,.update,.compatible{color:#111}small{color:#bbb}}`;

/** A self-contained HTML report: no script, inline styles, a CSP that forbids everything else. */
export function htmlReport(report, inputs = []) {
  const title = reportTitles(report);
  const e = htmlText;
  const parts = [`<p>${e(reportCounts(report))}.</p>`, "<h2>Events</h2>", "<ol>",
    ...(report.clusters?.event || []).map((ids) => `<li>${ids.map((id) => `<a href="#a-${e(id)}">${e(title(id))}</a>`).join(" · ")}</li>`),
    "</ol>", ...(report.tables || []).map((t) => htmlTable(t, title)), htmlPairs(report, title), htmlEntities(report)];
  const texts = new Map(inputs.map((a) => [a.id, a.text]));
  parts.push("<h2>Articles</h2>", ...(report.articles || []).map((a) => htmlArticle(a, texts.get(a.id))));
  return ["<!doctype html>", '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">', "<title>storydiff report</title>",
    `<style>${HTML_STYLE}</style></head><body>`, "<h1>storydiff report</h1>", ...parts, "</body></html>", ""].join("\n");
}

function htmlTable(t, title) {
  const e = htmlText;
  const head = `<tr><th>fact</th>${t.articles.map((id) => `<th>${e(title(id))}</th>`).join("")}<th>class</th></tr>`;
  const rows = t.rows.map((r) => {
    const cell = (id) => r.cells.find((c) => c.article === id);
    const td = (id) => (cell(id) ? `<td title="${e(cell(id).text)}">${e(cell(id).value)}</td>` : "<td>—</td>");
    return `<tr class="${e(r.class)}" title="${e(r.note)}"><td>${e(r.key)}</td>${t.articles.map(td).join("")}<td>${e(r.class)}</td></tr>`;
  });
  const timeline = t.timeline.map((m) => `<li><b>${e(m.day)}</b> ${e(m.class)}: ${m.sources.map((s) => `“${e(s.text)}” <small>(${e(title(s.article))})</small>`).join(", ")}</li>`);
  return [`<h3>Event: ${t.articles.map((id) => e(title(id))).join(" · ")}</h3>`, `<table>${head}${rows.join("")}</table>`,
    timeline.length ? `<ol>${timeline.join("")}</ol>` : ""].join("\n");
}

function htmlPairs(report, title) {
  const e = htmlText;
  const pairs = relatedPairs(report);
  const out = [`<h2>Related pairs${pairs.length > REPORT_PAIRS ? ` <small>(the best ${REPORT_PAIRS} of ${pairs.length})</small>` : ""}</h2>`];
  for (const p of pairs.slice(0, REPORT_PAIRS)) {
    out.push(`<h3>${p.score.toFixed(2)} ${e(p.relation)}: ${e(title(p.a))} ↔ ${e(title(p.b))}</h3>`);
    if (p.because) out.push(`<p><small>${e(p.because)}</small></p>`);
    for (const [head, list] of pairLines(p, title)) out.push(`<p><b>${e(head)}</b></p><ul>${list.map((l) => `<li>${e(l)}</li>`).join("")}</ul>`);
  }
  return out.join("\n");
}

function htmlEntities(report) {
  const e = htmlText;
  const rows = [...(report.entities || [])].sort((a, b) => b.members.length - a.members.length || a.name.localeCompare(b.name));
  const item = (r) => `<li><mark class="${e(r.label)}">${e(r.name)}</mark> <small>×${r.members.length}${r.variants.length > 1 ? `; also written: ${e(r.variants.filter((v) => v !== r.name).join(", "))}` : ""}</small></li>`;
  return `<h2>People, organisations and places</h2><ul>${rows.map(item).join("")}</ul>`;
}

function htmlArticle(a, text) {
  const e = htmlText;
  const meta = [a.date, a.place, a.outlet, a.byline, a.language].filter(Boolean).map(e).join(" · ");
  const warn = (a.warnings || []).length ? `<p>⚠ ${e(a.warnings.join("; "))}</p>` : "";
  const body = text === undefined ? e(a.body || "") : highlightedHtml(text, a);
  return `<section id="a-${e(a.id)}"><h3>${e(a.title || a.id)}</h3><p><small><code>${e(a.id)}</code>${meta ? ` · ${meta}` : ""}</small></p>${warn}<div class="text">${body}</div></section>`;
}

/** `text` with its entities, dates and quantities marked; overlapping spans keep the first and longest. */
export function highlightedHtml(text, a) {
  const at = codePointIndex(text);
  const spans = [
    ...(a.entities || []).map((s) => [s, s.label, `${s.label}: ${s.entity}`]),
    ...(a.dates || []).map((s) => [s, "date", `date: ${s.value}`]),
    ...(a.quantities || []).map((s) => [s, "qty", "quantity"]),
  ].map(([s, cls, tip]) => ({ start: at(s.start), end: at(s.end), cls, tip }))
    .filter((s) => s.end > s.start)
    .sort((x, y) => x.start - y.start || y.end - x.end);
  let pos = 0;
  const out = [];
  for (const s of spans) {
    if (s.start < pos) continue;
    out.push(htmlText(text.slice(pos, s.start)), `<mark class="${htmlText(s.cls)}" title="${htmlText(s.tip)}">${htmlText(text.slice(s.start, s.end))}</mark>`);
    pos = s.end;
  }
  out.push(htmlText(text.slice(pos)));
  return out.join("");
}

