// The side-by-side view: two or more reports of one event in columns, one row per sentence of
// the first report with the sentences of the others the comparison aligned to it (the pair's
// `aligned`, read from the report, not computed here); sentences with no counterpart get a row
// of their own, so every sentence of every report is shown once, in its order. Entities, dates,
// numbers and quotes are highlighted as in the articles; each difference the comparison found
// with the first report (a figure, a name spelled otherwise, a quote reworded, a fact only one
// gives, their own words for it) is marked in place and explained on hover or focus.
import { h, highlights, renderHighlighted, textNodes, selectOffsets } from "./render.js";
import { codePointIndex } from "./offsets.js";

/** How many related pairs one request fetches while looking for the pairs of a cluster. */
const PAIR_PAGE = 200;

/**
 * The pairs among `ids`: those of the report, and when some are missing (the worker sends the
 * best pairs first), the rest fetched with `more(related, offset, limit)`.
 */
export async function pairsAmong(report, ids, more) {
  const want = new Set(ids);
  const inside = (p) => want.has(p.a) && want.has(p.b);
  const found = new Map();
  const keep = (list) => list.filter(inside).forEach((p) => found.set(`${p.a}\n${p.b}`, p));
  keep(report.pairs || []);
  const needed = (ids.length * (ids.length - 1)) / 2;
  const counts = report.pairCounts;
  for (const related of [true, false]) {
    const total = counts ? (related ? counts.related : counts.unrelated) : 0;
    for (let offset = 0; more && found.size < needed && offset < total; offset += PAIR_PAGE) {
      keep(await more(related, offset, PAIR_PAGE));
    }
  }
  return [...found.values()];
}

/** Pair `p` seen from article `a`: its alignment and differences with `a` first. */
function oriented(p, a) {
  if (p.a === a) return { other: p.b, aligned: p.aligned || [], mine: diffSpans(p, "a"), theirs: diffSpans(p, "b") };
  const aligned = (p.aligned || []).map((x) => ({ a: x.b, b: x.a, score: x.score }));
  return { other: p.a, aligned, mine: diffSpans(p, "b"), theirs: diffSpans(p, "a") };
}

/** The differences of pair `p` on side `side` ("a" or "b"), as spans {start, end, cls, note} in code points. */
function diffSpans(p, side) {
  const only = side === "a" ? p.only_a : p.only_b;
  const out = [];
  const add = (span, cls, note, extra = "") => span && out.push({ start: span.start, end: span.end, cls: `diff ${cls}`, note: note + extra });
  for (const x of p.conflicts || []) add(x[side], `diff-${x.class || "conflict"}`, x.note || `${x.key}: ${x.a.value} / ${x.b.value}`);
  for (const x of p.quotes || []) {
    if (x.class === "same") continue;
    const words = (x.diff || []).filter((o) => o.op !== "same").map((o) => `${o.op === "added" ? "+" : "−"}${o.text}`).join(" ");
    add(x[side], "diff-quote", x.note || "quoted differently", words ? ` (${words})` : "");
  }
  for (const x of p.names || []) if (x.class !== "same") add(x[side], "diff-name", x.note || `${x.a.text} / ${x.b.text}`);
  for (const x of p.wording || []) add(x[side], "diff-wording", x.note || `${x.a.text} / ${x.b.text}`);
  for (const f of only || []) add(f, "diff-only", f.note || `only here: ${f.key}`);
  return out;
}

/** Rows of sentence indexes, one entry per column (or undefined), from the first column's alignments. */
export function alignRows(counts, maps) {
  const rows = [];
  const cursor = counts.map(() => 0);
  const lone = (j, upTo) => {
    for (; cursor[j] < upTo; cursor[j]++) rows.push({ cells: counts.map((_, c) => (c === j ? cursor[j] : undefined)), score: null });
  };
  for (let i = 0; i < counts[0]; i++) {
    const row = { cells: counts.map((_, c) => (c === 0 ? i : undefined)), score: null };
    for (let j = 1; j < counts.length; j++) {
      const m = maps[j - 1].get(i);
      if (!m || m.b < cursor[j]) continue; // crossing alignments: shown as sentences of their own
      lone(j, m.b);
      row.cells[j] = m.b;
      cursor[j] = m.b + 1;
      row.score = Math.max(row.score ?? 0, m.score);
    }
    rows.push(row);
  }
  for (let j = 1; j < counts.length; j++) lone(j, counts[j]);
  return rows;
}

/** The best alignment of each sentence of the first report: Map(index -> {b, score}). */
function bestMap(aligned) {
  const map = new Map();
  for (const x of aligned) if (!map.has(x.a) || map.get(x.a).score < x.score) map.set(x.a, { b: x.b, score: x.score });
  return map;
}

/**
 * The side-by-side table of reports `ids` (`byId`: id -> article report, `inputs`: id -> the
 * input article) from `pairs` (those among `ids`). `titleOf(id)` names a report.
 */
export function sideBySide(ids, byId, inputs, pairs, titleOf) {
  const first = ids[0];
  const views = ids.slice(1).map((id) => {
    const p = pairs.find((x) => (x.a === first && x.b === id) || (x.b === first && x.a === id));
    return p ? oriented(p, first) : { other: id, aligned: [], mine: [], theirs: [] };
  });
  const named = (note) => ids.reduce((s, id) => s.split(id).join(titleOf(id)), note);
  const diffs = [views.flatMap((v) => v.mine), ...views.map((v) => v.theirs)]
    .map((list) => dedupe(list).map((d) => ({ ...d, note: named(d.note) })));
  const sents = ids.map((id) => byId.get(id).sentences || []);
  const rows = alignRows(sents.map((s) => s.length), views.map((v) => bestMap(v.aligned)));
  const prepared = ids.map((id, c) => prepare(byId.get(id), inputs.get(id).text, diffs[c]));
  const head = h("thead", {}, h("tr", {}, ids.map((id, c) => h("th", { scope: "col", dataset: { id } },
    h("span", { class: "sbs-title" }, titleOf(id)),
    h("small", { class: "sbs-meta" }, metaLine(byId.get(id)), c === 0 ? " · differences are with this report" : "")))));
  const body = h("tbody", {}, rows.map((row) => h("tr", { class: row.score === null ? "sbs-lone" : "sbs-aligned", dataset: row.score === null ? {} : { score: row.score.toFixed(2) } },
    row.cells.map((i, c) => (i === undefined ? h("td", { class: "gap" }) : sentenceCell(prepared[c], sents[c][i], ids[c]))))));
  return h("table", { class: "sbs", dataset: { ids: ids.join(" ") } }, head, body);
}

function dedupe(list) {
  const seen = new Set();
  return list.filter((d) => {
    const k = `${d.start}:${d.end}:${d.cls}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
}

function metaLine(r) {
  return [r.outlet || r.agency, r.date, r.language].filter(Boolean).join(" · ") || r.id;
}

/** What a column needs to draw its sentences: the text, its offsets, the highlights and differences. */
function prepare(report, text, diffs) {
  const at = codePointIndex(text);
  const marks = highlights(report, text).filter((s) => s.kind !== "removed");
  for (const d of diffs) marks.push({ kind: "diff", start: at(d.start), end: at(d.end), layer: 0.5, cls: d.cls, tip: d.note, note: d.note });
  return { text, at, marks: marks.filter((m) => m.end > m.start) };
}

/** One sentence: its text exactly as given, highlighted; differences focusable, with their note. */
function sentenceCell(col, s, id) {
  const [from, to] = [col.at(s.start), col.at(s.end)];
  const spans = col.marks.filter((m) => m.start < to && m.end > from)
    .map((m) => ({ ...m, start: Math.max(m.start, from) - from, end: Math.min(m.end, to) - from }));
  const el = h("div", { class: "sent", dataset: { start: String(s.start), end: String(s.end) } });
  renderHighlighted(el, col.text.slice(from, to), spans, (span, mark) => {
    if (span.kind !== "diff") return;
    mark.removeAttribute("title");
    mark.tabIndex = 0;
    mark.append(h("span", { class: "tip", role: "tooltip" }, span.note));
  });
  return h("td", { dataset: { id } }, el);
}

/**
 * Selects code points `start..end` of report `id` in the side-by-side `table` and brings it into
 * view; false when no sentence shown holds it.
 */
export function selectInTable(table, id, start, end) {
  const sent = [...table.querySelectorAll(`td[data-id="${CSS.escape(id)}"] .sent`)]
    .find((el) => Number(el.dataset.start) <= start && start < Number(el.dataset.end));
  if (!sent) return false;
  const base = Number(sent.dataset.start);
  // The text nodes of the sentence, without the notes added to its differences.
  const text = [...textNodes(sent, ".tip")].map((n) => n.data).join("");
  const at = codePointIndex(text);
  selectOffsets(textNodes(sent, ".tip"), at(start - base), at(Math.min(end, Number(sent.dataset.end)) - base));
  for (const old of table.querySelectorAll(".focused")) old.classList.remove("focused");
  sent.classList.add("focused");
  sent.tabIndex = -1; // focus follows the jump, so Tab goes on from the sentence shown
  sent.focus({ preventScroll: true });
  sent.scrollIntoView({ block: "center" });
  return true;
}
