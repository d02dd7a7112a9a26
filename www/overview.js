// The overview: one small card per article (title, outlet, date, language, what cleaning set
// aside), and a heat map of how similar each pair of the batch is, ordered by event cluster so
// that the events show as blocks along the diagonal. A related pair's cell opens the two side
// by side.
import { h, cssId } from "./render.js";

/** The largest batch drawn as a heat map (its pairs are fetched from the worker). */
export const HEAT_MAX = 40;

/** One article's summary card; `clusterOf(id)` gives its event cluster {index, ids} or nothing. */
export function summaryCard(r, input, clusterOf) {
  const cluster = clusterOf(r.id);
  const removed = r.removed || [];
  const reasons = [...new Set(removed.map((x) => x.reason))].join(", ");
  const meta = [
    ["outlet", r.outlet || r.agency || r.byline],
    ["date", r.date && h("time", { datetime: r.date }, r.date)],
    ["language", r.language],
  ].filter(([, v]) => v);
  return h("li", { class: "ov-card", dataset: { id: r.id } },
    h("div", { class: "ov-head" },
      cluster ? h("span", { class: `badge c${cluster.index % 8}`, title: `event cluster ${cluster.index + 1}` }, `E${cluster.index + 1}`) : null,
      h("a", { class: "ov-title", href: `#article-${cssId(r.id)}` }, r.title || input?.name || r.id)),
    h("dl", { class: "ov-meta" }, meta.flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)])),
    h("p", { class: "ov-removed" }, removed.length
      ? `Cleaning set aside ${removed.length} part${removed.length === 1 ? "" : "s"}: ${reasons}`
      : "Cleaning set nothing aside"),
    r.warnings?.length ? h("p", { class: "warnings" }, `⚠ ${r.warnings.join("; ")}`) : null);
}

/** The articles in event-cluster order, at most HEAT_MAX. */
export function heatOrder(report) {
  const seen = new Set();
  const order = [];
  for (const ids of report.clusters?.event || []) for (const id of ids) if (!seen.has(id)) (seen.add(id), order.push(id));
  for (const a of report.articles) if (!seen.has(a.id)) (seen.add(a.id), order.push(a.id));
  return order.slice(0, HEAT_MAX);
}

/**
 * The heat map of `ids` from `pairs` (every pair among them): a table, one row and one column
 * per article, each cell the pair's score; related pairs are buttons that call `onPair(a, b)`.
 */
export function heatMap(ids, pairs, titleOf, clusterOf, onPair) {
  const score = new Map();
  for (const p of pairs) {
    score.set(`${p.a}\n${p.b}`, p);
    score.set(`${p.b}\n${p.a}`, p);
  }
  const badge = (id, i) => {
    const c = clusterOf(id);
    return h("span", { class: `badge c${c ? c.index % 8 : 7}` }, String(i + 1));
  };
  const cell = (a, b) => {
    if (a === b) return h("td", { class: "heat-self" }, h("span", { class: "sr-only" }, "same article"));
    const p = score.get(`${a}\n${b}`);
    if (!p) return h("td", { class: "heat-none", title: `${titleOf(a)} ↔ ${titleOf(b)}: unrelated` }, "·");
    const td = h("td", { class: p.score >= 0.5 ? "heat hot" : "heat", title: `${titleOf(a)} ↔ ${titleOf(b)}: ${p.score.toFixed(2)} (${p.relation.replace(/-/g, " ")})` });
    td.style.setProperty("--s", String(Math.max(0, Math.min(1, p.score))));
    const label = p.score.toFixed(2).replace(/^0/, "");
    td.append(p.relation === "unrelated" ? label
      : h("button", { type: "button", class: "heat-pair", "aria-label": `${titleOf(a)} and ${titleOf(b)}: ${p.score.toFixed(2)}, ${p.relation.replace(/-/g, " ")}; side by side`, onclick: () => onPair(a, b) }, label));
    return td;
  };
  return h("table", { class: "heat-map" },
    h("caption", {}, "How similar each pair is (0 to 1); numbered as in the list beside it"),
    h("thead", {}, h("tr", {}, h("td", {}), ids.map((id, i) => h("th", { scope: "col", title: titleOf(id) }, badge(id, i))))),
    h("tbody", {}, ids.map((a, i) => h("tr", {}, h("th", { scope: "row", title: titleOf(a) }, badge(a, i)), ids.map((b) => cell(a, b))))));
}

/** The heat map's key: each number with its article's title. */
export function heatKey(ids, titleOf) {
  return h("ol", { class: "heat-key" }, ids.map((id) => h("li", {}, h("a", { href: `#article-${cssId(id)}` }, titleOf(id)))));
}

/** How many related pairs a batch larger than HEAT_MAX fetches for its heat map. */
const HEAT_RELATED_MAX = 2000;

/**
 * The pairs the heat map needs: every pair of a batch of up to HEAT_MAX articles; of a larger
 * one, its related pairs only (the others show as unrelated). Fetched from the worker when it
 * keeps them (`more(related, offset, limit)`). Resolves {pairs, complete}.
 */
export async function heatPairs(report, more) {
  const counts = report.pairCounts;
  if (!counts || !more) return { pairs: report.pairs || [], complete: true };
  if (report.articles.length > HEAT_MAX) return { pairs: await more(true, 0, Math.min(counts.related, HEAT_RELATED_MAX)), complete: false };
  const [related, unrelated] = await Promise.all([more(true, 0, counts.related), more(false, 0, counts.unrelated)]);
  return { pairs: [...related, ...unrelated], complete: true };
}
