// Rendering of a compare report into the page. Pure DOM building, no state:
// every span of the report is `start`/`end` in Unicode code points of the
// article's input, so the text shown is always the input exactly as given.
import { codePointIndex } from "./offsets.js";

/** Creates an element with attributes and children (strings become text). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") el.className = v;
    else if (k === "dataset") Object.assign(el.dataset, v);
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

/**
 * A whole number with its thousands grouped as in English ("12,345"), as
 * `n.toLocaleString("en")` writes it, without that call's first-use cost (the locale data,
 * tens of ms, on the way to the first results).
 */
export function count(n) {
  return Number.isSafeInteger(n) ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",") : n.toLocaleString("en");
}

const LAYER = { removed: 0, quote: 1, entity: 2, date: 3, quantity: 3 };

/** The highlight spans of one article report, in UTF-16 offsets of `text`. */
export function highlights(report, text) {
  const at = codePointIndex(text);
  const out = [];
  const add = (kind, s, extra) =>
    out.push({ kind, start: at(s.start), end: at(s.end), layer: LAYER[kind], ...extra });
  for (const r of report.removed || []) add("removed", r, { cls: "hl-removed", tip: `removed: ${r.reason}`, data: r });
  for (const q of report.quotes || [])
    add("quote", q, { cls: `hl-quote hl-quote-${q.kind || "direct"}`, tip: `quote${q.speaker ? ` — ${q.speaker}` : ""} (${q.kind || "direct"})` });
  for (const e of report.entities || [])
    add("entity", e, { cls: `hl-ent hl-${e.label}`, tip: `${e.label}: ${e.entity}${e.role ? ` (${e.role})` : ""}` });
  for (const d of report.dates || []) add("date", d, { cls: "hl-date", tip: `${(d.kind || "date").toLowerCase()}: ${d.value}` });
  for (const q of report.quantities || []) add("quantity", q, { cls: "hl-qty", tip: `quantity: ${quantityValue(q)}` });
  return out.filter((s) => s.end > s.start);
}

/** A quantity's value as shown: hedge, number or range, unit ("at least 13 people", "1,000–2,000"). */
export function quantityValue(q) {
  const fmt = (x) => (x === null || x === undefined ? "?" : x.toLocaleString("en"));
  const range = q.low === q.high ? fmt(q.low) : `${fmt(q.low)}–${fmt(q.high)}`;
  const hedge = q.hedge && q.hedge !== "exact" ? `${q.hedge.replace(/_/g, " ")} ` : "";
  return `${hedge}${range}${q.unit ? ` ${q.unit}` : ""}`;
}

/**
 * Renders `text` with nested highlight spans into `container`. A span that crosses
 * the end of an enclosing span is split there; its later pieces carry `piece: true`.
 * `decorate(span, el)` may add to the element of each first piece.
 */
export function renderHighlighted(container, text, spans, decorate = () => {}) {
  const order = (a, b) => a.start - b.start || b.end - a.end || a.layer - b.layer;
  const todo = [...spans].sort(order);
  const stack = [{ end: text.length, el: container }];
  let pos = 0;
  const flush = (to, el) => {
    if (to > pos) el.append(text.slice(pos, to));
    pos = Math.max(pos, to);
  };
  const close = () => {
    const top = stack.pop();
    flush(top.end, top.el);
    if (!top.span.piece) decorate(top.span, top.el);
  };
  for (let i = 0; i < todo.length; i++) {
    const s = todo[i];
    while (stack.length > 1 && stack[stack.length - 1].end <= s.start) close();
    const top = stack[stack.length - 1];
    const start = Math.max(s.start, pos);
    const end = Math.min(s.end, top.end);
    if (end <= start) continue;
    if (s.end > end) {
      // the rest goes on after the enclosing span closes
      const rest = { ...s, start: end, piece: true };
      let j = i + 1;
      while (j < todo.length && order(todo[j], rest) <= 0) j++;
      todo.splice(j, 0, rest);
    }
    flush(start, top.el);
    const el = h("mark", { class: s.cls, title: s.tip, dataset: s.piece ? { kind: s.kind, piece: "1" } : { kind: s.kind } });
    top.el.append(el);
    stack.push({ end, el, span: s });
  }
  while (stack.length > 1) close();
  flush(text.length, container);
}

/** One article card: title, metadata, highlighted input text, removed parts. */
export function articleCard(report, input, { onRestore, onRemove, clusterOf }) {
  const spans = highlights(report, input.text);
  const body = h("div", { class: "article-text" });
  renderHighlighted(body, input.text, spans, (span, el) => {
    if (span.kind !== "removed") return;
    el.prepend(h("span", { class: "removed-reason" }, span.data.reason));
    el.append(
      h("button", {
        type: "button",
        class: "restore",
        title: "Put this part back into the article and analyze again",
        onclick: () => onRestore(span.data),
      }, "restore"),
    );
  });
  const meta = [
    report.date && h("time", { datetime: report.date }, report.date),
    report.place && h("span", { class: "place", title: "the place the dateline names" }, report.place),
    report.byline && h("span", { class: "byline" }, report.byline),
    report.outlet && h("span", { class: "outlet" }, report.outlet),
    report.language && h("span", { class: "lang" }, report.language),
  ].filter(Boolean);
  const cluster = clusterOf(report.id);
  const counts = [
    [report.entities, "entities"], [report.dates, "dates"], [report.quantities, "quantities"],
    [report.quotes, "quotes"], [report.facts, "facts"], [report.removed, "removed parts"],
  ].map(([list, name]) => `${(list || []).length} ${name}`).join(" · ");
  return h("article", { class: "card", id: `article-${cssId(report.id)}`, dataset: { id: report.id } },
    h("header", {},
      cluster ? h("span", { class: `badge c${cluster.index % 8}`, title: `event cluster ${cluster.index + 1}` }, `E${cluster.index + 1}`) : null,
      h("h3", { class: "title" }, report.title || input.name || report.id),
      h("button", { type: "button", class: "remove", title: "Remove this article", onclick: () => onRemove(report.id) }, "×"),
    ),
    h("p", { class: "meta" }, h("code", {}, report.id), ...meta.flatMap((m) => [" · ", m])),
    h("p", { class: "counts" }, counts),
    report.warnings?.length ? h("p", { class: "warnings" }, `⚠ ${report.warnings.join("; ")}`) : null,
    body,
    recordsTable(report, body, input.text),
  );
}

/** Selects code points `start..end` of the input shown in `body` and scrolls to them. */
export function selectSpan(body, text, start, end) {
  const at = codePointIndex(text);
  const range = selectOffsets(textNodes(body, ".removed-reason, button"), at(start), at(end));
  range.startContainer.parentElement?.scrollIntoView({ block: "center" });
}

/** The text nodes under `el`, in order, less those inside an element matching `skip`. */
export function* textNodes(el, skip) {
  const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement.closest(skip) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let n = walk.nextNode(); n; n = walk.nextNode()) yield n;
}

/** Selects UTF-16 offsets `from..to` of the text of `nodes` (in order); returns the range. */
export function selectOffsets(nodes, from, to) {
  const range = document.createRange();
  let pos = 0;
  for (const n of nodes) {
    const len = n.data.length;
    if (from >= pos && from <= pos + len) range.setStart(n, from - pos);
    if (to >= pos && to <= pos + len) { range.setEnd(n, to - pos); break; }
    pos += len;
  }
  const sel = window.getSelection();
  sel.removeAllRanges();
  sel.addRange(range);
  return range;
}

/** The article's facts as a table, each cell a link that selects its evidence in the text. */
function recordsTable(report, body, text) {
  const facts = report.facts || [];
  if (!facts.length) return null;
  const link = (label, s) =>
    s ? h("a", { href: "#", class: "span-link", title: `“${s.text}”`, dataset: { start: s.start, end: s.end },
      onclick: (e) => { e.preventDefault(); selectSpan(body, text, s.start, s.end); } }, label) : "";
  const ev = (e) => link(e && e.value, e);
  const cols = ["fact", "value", "status", "where", "when", "source"];
  const rows = facts.map((f) => h("tr", { dataset: { key: f.key } },
    h("td", {}, link(f.key, f)),
    h("td", {}, f.value ? link(quantityValue(f.value), f) : ""),
    h("td", {}, f.status),
    h("td", {}, ev(f.place)), h("td", {}, ev(f.when)), h("td", {}, ev(f.source)),
  ));
  return h("details", { class: "facts" },
    h("summary", {}, `${facts.length} facts, ${(report.records || []).length} event records`),
    h("table", { class: "facts-table" },
      h("thead", {}, h("tr", {}, cols.map((c) => h("th", {}, c)))),
      h("tbody", {}, rows)));
}

/** `id` made safe for an element id (the card of article `id` is `#article-${cssId(id)}`). */
export function cssId(id) {
  return String(id).replace(/[^A-Za-z0-9_-]/g, "_");
}

/**
 * The clusters block: event clusters first, then story and topic. `open(index, view)` opens
 * event cluster `index` in the side-by-side, facts or timeline view.
 */
export function clustersBlock(clusters, titleOf, open = null) {
  const opens = (i, ids) => (open && ids.length > 1
    ? h("span", { class: "cluster-open" }, [["side", "side by side"], ["facts", "facts"], ["timeline", "timeline"]].map(([view, label]) =>
      h("button", { type: "button", class: "secondary small", dataset: { open: view }, "aria-label": `Event ${i + 1}: ${label}`, onclick: () => open(i, view) }, label)))
    : null);
  const group = (kind, label, list) =>
    h("section", { class: "cluster-kind", dataset: { kind } },
      h("h3", {}, label),
      list.length === 0
        ? h("p", { class: "empty" }, "none")
        : h("ol", { class: "clusters" },
          // A page at a time: a batch of 1,000 articles has hundreds of clusters.
          lazyList(list.map((ids, i) => [ids, i]), ([ids, i]) =>
            h("li", { class: `cluster c${i % 8}`, dataset: { cluster: kind, ids: [...ids].sort().join(" ") } },
              kind === "event" ? h("span", { class: `badge c${i % 8}` }, `E${i + 1}`) : null,
              ids.map((id) => h("a", { href: `#article-${cssId(id)}`, class: "chip", title: id }, titleOf(id))),
              kind === "event" ? opens(i, ids) : null,
            ), "clusters", { page: CLUSTER_PAGE, holder: "li" })),
    );
  return [
    group("event", "Events — articles about the same happening", clusters.event || []),
    group("story", "Stories — the same text, rewritten or syndicated", clusters.story || []),
    group("topic", "Topics — the same subject", clusters.topic || []),
  ];
}

/** How many pairs or cards are drawn at once; the rest come on demand ("Show more"). */
export const PAGE = 20;

/** How many clusters of a kind, or joined entities, are drawn at once. */
const CLUSTER_PAGE = 50;

/**
 * `items` drawn by `draw` one page at a time: the first page now, and a button that draws
 * the next one when pressed, so a batch of 1,000 articles does not block the page. `total`
 * and `fetch(offset, limit)` (a promise of the next items) serve a list kept elsewhere (the
 * worker keeps the pairs); `items` is then its first part.
 */
export function lazyList(items, draw, noun, { page = PAGE, total = items.length, fetch = null, holder = null } = {}) {
  const first = items.slice(0, page).map(draw);
  if (total <= first.length) return first;
  let shown = first.length;
  const button = h("button", { type: "button", class: "show-more" });
  // In a list, the button goes in an item of its own (`holder`: "li"), the new items before it.
  const at = holder ? h(holder, { class: "show-more-item" }, button) : button;
  const label = () => {
    const left = total - shown;
    button.textContent = `Show ${count(Math.min(page, left))} more (${count(left)} ${noun} not shown)`;
  };
  label();
  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      const next = fetch ? await fetch(shown, page) : items.slice(shown, shown + page);
      at.before(...next.map(draw));
      shown += next.length;
    } catch (e) {
      button.textContent = `Could not show more: ${e.message}`;
      return;
    }
    button.disabled = false;
    if (shown >= total || !fetch && shown >= items.length) at.remove();
    else label();
  });
  return [...first, at];
}

/**
 * The pairs with each pair's agreements, conflicts and one-sided facts, drawn a page at a
 * time. `report.pairs` holds the first related pairs; `report.pairCounts` says how many
 * there are, and `more(related, offset, limit)` fetches the next ones (from the worker).
 * Without them (a report with every pair), the pairs are sorted and paged here.
 */
export function pairsBlock(report, titleOf, more = null) {
  const pairs = report.pairs || [];
  const counts = report.pairCounts;
  if (!(counts ? counts.total : pairs.length)) return [h("p", { class: "empty" }, "Add a second article to compare pairs.")];
  const byScore = (x, y) => y.score - x.score;
  const draw = (p) => pairBlock(p, titleOf);
  const related = counts ? pairs : pairs.filter((p) => p.relation !== "unrelated").sort(byScore);
  const unrelated = counts ? [] : pairs.filter((p) => p.relation === "unrelated").sort(byScore);
  const source = (isRelated, first, total) => counts && more
    ? { total, fetch: (offset, limit) => more(isRelated, offset, limit) }
    : { total: first.length };
  const blocks = lazyList(related, draw, "related pairs", source(true, related, counts?.related));
  const nUnrelated = counts ? counts.unrelated : unrelated.length;
  if (nUnrelated === 0) return blocks;
  // Unrelated pairs are folded away under one line, and drawn only when it is opened.
  const fold = h("details", { class: "unrelated-pairs" },
    h("summary", {}, `${count(nUnrelated)} unrelated pair${nUnrelated === 1 ? "" : "s"}`));
  fold.addEventListener("toggle", async () => {
    if (!fold.open || fold.dataset.drawn) return;
    fold.dataset.drawn = "1";
    const first = counts && more ? await more(false, 0, PAGE) : unrelated;
    fold.append(...lazyList(first, draw, "unrelated pairs", source(false, first, nUnrelated)));
  });
  return [...blocks, fold];
}

/** The pairs whose findings are not drawn yet: each resolves when they are (see `pairBlock`). */
const pairBodies = new WeakMap();

/** Resolves once the findings of every pair in `container` are drawn. */
export function pairsDrawn(container) {
  return Promise.all([...container.querySelectorAll("details.pair")].map((el) => pairBodies.get(el)));
}

/**
 * One pair, folded: its score, relation and titles. Its findings (`pairFindings`) are drawn
 * in a task of their own just after (the first results show without waiting for them), or at
 * once when the pair is opened first.
 */
function pairBlock(p, titleOf) {
  const el = h("details", { class: `pair rel-${p.relation}`, dataset: { a: p.a, b: p.b, relation: p.relation } },
    h("summary", {},
      h("span", { class: "score" }, p.score.toFixed(2)), " ",
      h("span", { class: "relation" }, String(p.relation).replace(/-/g, " ")), " ",
      h("span", { class: "pair-names" }, titleOf(p.a), " ↔ ", titleOf(p.b))));
  let draw;
  pairBodies.set(el, new Promise((resolve) => {
    draw = () => {
      if (el.dataset.drawn) return;
      el.dataset.drawn = "1";
      el.append(...pairFindings(p, titleOf));
      resolve();
    };
  }));
  el.addEventListener("toggle", draw);
  setTimeout(draw, 0);
  return el;
}

/** A pair's findings: each difference with its class and sentence, quotes with a word diff, name variants, agreements and one-sided facts. */
function pairFindings(p, titleOf) {
  const ev = p.evidence || {};
  const parts = Object.entries(ev).filter(([, v]) => typeof v === "number")
    .map(([k, v]) => `${k} ${v.toFixed(2)}`).join(" · ");
  const fact = (f, id) => h("a", { class: "fact", href: `#article-${cssId(id)}`, title: `${f.key}: ${f.value} (${f.start}..${f.end})`, dataset: { start: f.start, end: f.end } },
    h("span", { class: "fact-text" }, f.text),
    f.value && f.value.toLowerCase() !== f.text.toLowerCase() ? [" ", h("small", {}, f.value)] : null);
  const badge = (c) => (c ? h("span", { class: `kind kind-${c}` }, ` ${c}`) : null);
  const note = (x) => (x.note ? h("div", { class: "note" }, x.note) : null);
  const words = (diff) => h("div", { class: "word-diff" }, (diff || []).map((o) =>
    o.op === "same" ? `${o.text} ` : [h(o.op === "added" ? "ins" : "del", {}, o.text), " "]));
  const named = (p.names || []).filter((n) => n.class !== "same");
  const lists = [
    ["conflicts", "They differ", p.conflicts, (x) => [h("b", {}, x.key), badge(x.class), ": ", fact(x.a, p.a), " ≠ ", fact(x.b, p.b), note(x)]],
    ["quotes", "Quotes both give", p.quotes, (x) => [badge(x.class), " ", x.speaker_a || "?", x.speaker_b && x.speaker_b !== x.speaker_a ? ` / ${x.speaker_b}` : "", ": ", fact(x.a, p.a), " ⇔ ", fact(x.b, p.b), x.class === "variant" ? words(x.diff) : null, note(x)]],
    ["names", "Names written differently", named, (x) => [h("b", {}, x.label), badge(x.class), ": ", fact(x.a, p.a), " / ", fact(x.b, p.b), note(x)]],
    ["agreements", "Both say", p.agreements, (x) => [h("b", {}, x.key), ": ", fact(x.a, p.a), " ⇔ ", fact(x.b, p.b), note(x)]],
    ["wording", "Their own words for it", p.wording, (x) => [h("b", {}, x.key), ": ", fact(x.a, p.a), " / ", fact(x.b, p.b), note(x)]],
    ["only_a", `Only in ${titleOf(p.a)}`, p.only_a, (f) => [h("b", {}, f.key), ": ", fact(f, p.a)]],
    ["only_b", `Only in ${titleOf(p.b)}`, p.only_b, (f) => [h("b", {}, f.key), ": ", fact(f, p.b)]],
  ].filter(([, , list]) => list && list.length);
  return [
    parts ? h("p", { class: "evidence" }, "score parts: ", parts) : null,
    lists.length === 0
      ? h("p", { class: "empty" }, "No fact-level differences reported for this pair.")
      : lists.map(([kind, label, list, item]) =>
        h("div", { class: `facts facts-${kind}` }, h("h4", {}, `${label} (${list.length})`),
          h("ul", {}, list.map((x) => h("li", {}, item(x)))))),
  ].flat().filter(Boolean);
}

/** The colour legend of the highlights. */
export function legend() {
  return h("p", { class: "legend" },
    h("mark", { class: "hl-ent hl-PERSON" }, "person"), " ",
    h("mark", { class: "hl-ent hl-ORG" }, "organisation"), " ",
    h("mark", { class: "hl-ent hl-PLACE" }, "place"), " ",
    h("mark", { class: "hl-date" }, "date"), " ",
    h("mark", { class: "hl-qty" }, "quantity"), " ",
    h("mark", { class: "hl-quote" }, "quote"), " ",
    h("mark", { class: "hl-removed" }, "removed boilerplate"));
}

/** How many entity chips of each kind (people, organisations, places) are drawn at once (the rest on demand). */
const ENTITY_PAGE = 100;

/**
 * The batch's entities: one chip each, most widely reported first; then the names joined
 * into one entity, each merge with its reason and confidence and a "split" per name; a
 * control to merge two entities of the same label; and the user's overrides with "undo".
 * `edit` = {overrides: [{kind: "split", name} | {kind: "merge", a, b}], onSplit(name),
 * onMerge(a, b), onUndo(index)}; without it the block is read-only.
 */
export function entitiesBlock(rows, titleOf, edit = null) {
  const overrides = edit ? overridesList(edit) : null;
  if (!rows || rows.length === 0)
    return [h("p", { class: "empty" }, "No people, organisations or places found."), overrides].filter(Boolean);
  const sorted = [...rows].sort((a, b) => b.members.length - a.members.length || a.name.localeCompare(b.name));
  const chip = (row) => {
    const where = row.members.map((m) => `${titleOf(m.article)} (${m.mentions.length})`).join("\n");
    const variants = row.variants.filter((v) => v !== row.name);
    const tip = [`${row.label}: ${row.name}`, variants.length ? `also written: ${variants.join(", ")}` : "", `in:\n${where}`]
      .filter(Boolean).join("\n");
    return h("span", { class: "entity-row", dataset: { label: row.label, name: row.name, id: String(row.id) } },
      h("mark", { class: `hl-ent hl-${row.label}`, title: tip }, row.name),
      h("small", {}, ` ×${row.members.length}`),
      variants.length ? h("small", { class: "also" }, ` (also ${variants.join(", ")})`) : null);
  };
  // One group per kind: people, organisations, places (and any other label after them).
  const KINDS = [["PERSON", "People"], ["ORG", "Organisations"], ["PLACE", "Places"]];
  const labels = [...KINDS, ...[...new Set(sorted.map((r) => r.label))].filter((l) => !KINDS.some(([k]) => k === l)).map((l) => [l, l])];
  const chips = labels.map(([label, name]) => {
    const rows = sorted.filter((r) => r.label === label);
    if (!rows.length) return null;
    return h("section", { class: "entity-group", dataset: { label } },
      h("h4", {}, `${name} (${rows.length})`),
      h("p", { class: "entity-table" }, lazyList(rows, chip, name.toLowerCase(), { page: ENTITY_PAGE })));
  }).filter(Boolean);
  const joined = sorted.filter((row) => row.variants.length > 1 || row.merges.length > 0);
  const merged = h("details", { class: "entity-merges", open: true },
    h("summary", {}, `Names joined into one entity (${joined.length})`,
      edit ? h("small", {}, " — why, how sure; “split” makes a name stand alone") : null),
    joined.length === 0
      ? h("p", { class: "empty" }, "No names were joined.")
      : h("ul", { class: "merged-entities" }, lazyList(joined, (row) => mergedEntity(row, edit), "joined entities", { page: CLUSTER_PAGE, holder: "li" })));
  return [...chips, merged, edit ? mergeControl(sorted, edit) : null, overrides].filter(Boolean);
}

function mergedEntity(row, edit) {
  return h("li", { class: "merged-entity", dataset: { label: row.label, name: row.name } },
    h("mark", { class: `hl-ent hl-${row.label}` }, row.name), " ",
    // Names and reasons a page at a time: one entity of a large batch may have a thousand.
    h("span", { class: "variants" }, "names: ",
      lazyList(row.variants.map((v, i) => [v, i]), ([v, i]) => h("span", {}, i ? ", " : "",
        h("span", { class: "variant", dataset: { variant: v } }, `“${v}”`,
          edit && row.variants.length > 1
            ? [" ", h("button", { type: "button", class: "split", title: `Make “${v}” a separate entity and compare again`, onclick: () => edit.onSplit(v) }, "split")]
            : null)), "names", { page: PAGE })),
    row.merges.length
      ? h("ul", { class: "merge-reasons" }, lazyList(row.merges, (m) =>
        h("li", { class: "merge-reason", dataset: { a: m.a, b: m.b } },
          `“${m.a}” = “${m.b}”: `, h("span", { class: "reason" }, m.reason), " · ",
          h("span", { class: "confidence", dataset: { confidence: String(m.confidence) } }, `confidence ${Number(m.confidence).toFixed(2)}`)), "reasons", { page: PAGE, holder: "li" }))
      : null);
}

/** Two selects ("merge … with …", the second only offers entities of the first's label) and a button. */
function mergeControl(sorted, edit) {
  const LABELS = { PERSON: "people", ORG: "organisations", PLACE: "places" };
  const byLabel = new Map();
  for (const row of sorted) {
    if (!byLabel.has(row.label)) byLabel.set(row.label, []);
    byLabel.get(row.label).push(row);
  }
  const byId = new Map(sorted.map((r) => [String(r.id), r]));
  const option = (row) => h("option", { value: String(row.id) }, row.name);
  const second = h("select", { id: "merge-b", "aria-label": "the entity to merge with" });
  const apply = h("button", { type: "button", id: "merge-apply", disabled: true }, "merge");
  const fillSecond = () => {
    const a = byId.get(first.value);
    second.replaceChildren(h("option", { value: "" }, "choose…"),
      ...(a ? byLabel.get(a.label).filter((r) => r !== a).map(option) : []));
    second.disabled = !a;
    apply.disabled = true;
  };
  const first = h("select", { id: "merge-a", "aria-label": "the entity to merge", onchange: fillSecond },
    h("option", { value: "" }, "choose…"),
    [...byLabel].map(([label, list]) => h("optgroup", { label: LABELS[label] || label }, list.map(option))));
  second.addEventListener("change", () => { apply.disabled = !byId.get(second.value); });
  apply.addEventListener("click", () => {
    const a = byId.get(first.value);
    const b = byId.get(second.value);
    if (a && b && a !== b) edit.onMerge(a.name, b.name);
  });
  fillSecond();
  return h("p", { class: "merge-control" }, "Merge ", first, " with ", second, " ", apply,
    h("small", {}, " — when two entries are the same person, organisation or place."));
}

/** The user's overrides, each with "undo". */
function overridesList({ overrides, onUndo }) {
  if (!overrides.length) return null;
  return h("div", { class: "overrides" },
    h("h4", {}, `Your changes (${overrides.length})`),
    h("ul", { id: "overrides" }, overrides.map((o, i) =>
      h("li", { dataset: { kind: o.kind } },
        o.kind === "split" ? `split off “${o.name}”` : `merged “${o.a}” with “${o.b}”`, " ",
        h("button", { type: "button", class: "undo", onclick: () => onUndo(i) }, "undo")))));
}
