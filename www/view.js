// The page drawn from the state: the article list, the status line, the error, and the
// results in views (tabs.js). `createView` returns the store's subscriber, which draws again
// only the parts whose state changed; the buttons it draws change the state through `act`.
// Each view is drawn when it is shown, and again only when what it shows changed (a new
// result, another cluster): a hidden view costs nothing until it is opened. Long lists (the
// overview's cards, the articles) are drawn a page at a time.
import { h, articleCard, clustersBlock, pairsBlock, pairsDrawn, entitiesBlock, legend, lazyList, selectSpan, cssId, count } from "./render.js";
import { removeArticle, restoreRemoved, retry, splitName, mergeEntities, undoOverride } from "./store.js";
import { VIEWS, showView, chooseCluster, chooseReports, clusterChoices, tabBar, selectTab, clusterPicker, currentCluster } from "./tabs.js";
import { summaryCard, heatOrder, heatMap, heatKey, heatPairs } from "./overview.js";
import { pairsAmong, sideBySide, selectInTable } from "./side.js";
import { factsView, timelineView } from "./facts.js";

/** The page's elements, by role. */
export function findElements(doc = document) {
  const $ = (sel) => doc.querySelector(sel);
  const panels = Object.fromEntries(VIEWS.map(([key]) => [key, $(`#panel-${key}`)]));
  return {
    paste: $("#paste"), pasteTitle: $("#paste-title"), add: $("#add-article"), drop: $("#drop"),
    picker: $("#picker"), examples: $("#load-examples"), clear: $("#clear"), list: $("#article-list"),
    status: $("#status"), statusText: $("#status-text"), cancel: $("#cancel"), error: $("#error"),
    clusters: $("#clusters"), pairs: $("#pairs"), entities: $("#entities"), cards: $("#cards"), summary: $("#summary"),
    legend: $("#legend"), results: $("#results"), tabs: $("#tabs"), about: $("#view-about"), panels,
    overviewCards: $("#overview-cards"), heat: $("#heat"), side: $("#side"), facts: $("#facts"), timeline: $("#timeline"),
  };
}

/**
 * The store subscriber that keeps the page in step with the state. `store.update` is how the
 * drawn controls act: `act(action, ...args)` applies `action(state, ...args)` from store.js.
 */
export function createView(ui, store) {
  const act = (action, ...args) => store.update((s) => action(s, ...args));
  const drawn = {}; // view -> the signature of what its panel shows
  const bar = tabBar(store.get().view.tab, (tab) => act(showView, tab));
  ui.tabs.replaceChildren(bar);
  ui.results.addEventListener("click", (e) => followArticleLink(e, act));
  return (s, prev) => {
    if (s.articles !== prev.articles) renderList(ui, s.articles, act);
    if (s.runs !== prev.runs) renderResults(ui, s);
    if (s.runs !== prev.runs || s.view !== prev.view) renderView(ui, bar, drawn, s, act);
    if (s.status !== prev.status) renderStatus(ui, s.status);
    if (s.error !== prev.error) renderError(ui, s.error, s.articles.length > 0, () => act(retry));
    if (s.busy !== prev.busy) {
      if (s.busy) document.body.dataset.busy = "1";
      else delete document.body.dataset.busy;
    }
  };
}

/** How many rows of the article list are drawn at once (a drop of 1,000 files must not block the page). */
const LIST_PAGE = 100;
/** A link to an article's card (`#article-…`, perhaps with a span) opens the articles view there. */
function followArticleLink(e, act) {
  const a = e.target.closest?.('a[href^="#article-"]');
  if (!a) return;
  e.preventDefault();
  const card = a.getAttribute("href").slice(1);
  const span = a.dataset.start !== undefined ? { start: Number(a.dataset.start), end: Number(a.dataset.end) } : {};
  act(showView, "articles", { focus: { card, ...span } });
}

function renderList(ui, articles, act) {
  ui.list.replaceChildren(
    ...lazyList(articles, (a) =>
      h("li", { dataset: { id: a.id } },
        h("span", { class: "name" }, a.name || a.id),
        h("small", {}, ` ${count(a.text.length)} chars${a.encoding && a.encoding !== "utf-8" ? `, ${a.encoding}` : ""}${a.keep.length ? `, ${a.keep.length} restored` : ""}`),
        a.warnings?.length ? h("small", { class: "warning" }, ` ⚠ ${a.warnings.join("; ")}`) : null,
        h("button", { type: "button", class: "remove", title: `Remove ${a.name || a.id}`, onclick: () => act(removeArticle, a.id) }, "remove")), "articles", { page: LIST_PAGE, holder: "li" }),
  );
  ui.clear.hidden = articles.length === 0;
}

/** What every view reads: the report's articles by id, the inputs, titles and clusters. */
function context(s) {
  const report = s.report;
  const byId = new Map(report.articles.map((r) => [r.id, r]));
  const names = new Map(s.articles.map((a) => [a.id, a.name]));
  const inputs = new Map(s.articles.map((a) => [a.id, a]));
  const titleOf = (id) => shorten(byId.get(id)?.title || names.get(id) || id);
  const clusterIndex = new Map();
  (report.clusters?.event || []).forEach((ids, index) => ids.forEach((id) => clusterIndex.set(id, { index, ids })));
  return { report, byId, inputs, titleOf, clusterOf: (id) => clusterIndex.get(id), choices: clusterChoices(report) };
}

function renderResults(ui, s) {
  const report = s.report;
  ui.results.dataset.run = String(s.runs);
  if (!report) {
    ui.results.hidden = true;
    for (const el of [ui.clusters, ui.pairs, ui.entities, ui.cards, ui.legend, ui.summary, ui.overviewCards, ui.heat, ui.side, ui.facts, ui.timeline]) el.replaceChildren();
    return;
  }
  ui.results.hidden = false;
  const events = report.clusters?.event || [];
  ui.summary.replaceChildren(summaryText(report, events.length), h("span", { class: "timing" }, ` (${duration(s.elapsedMs)})`));
}

/** Shows the chosen view, drawing it first when what it shows changed. */
function renderView(ui, bar, drawn, s, act) {
  const { tab } = s.view;
  selectTab(bar, ui.panels, tab);
  ui.about.textContent = VIEWS.find(([key]) => key === tab)[2];
  if (!s.report) return;
  const draw = DRAW[tab];
  const sig = CLUSTER_VIEWS.has(tab) ? `${s.runs}|${s.view.cluster}|${s.view.ids || ""}` : String(s.runs);
  if (draw && drawn[tab] !== sig) {
    drawn[tab] = sig;
    ui.panels[tab].dataset.ready = "";
    const current = () => drawn[tab] === sig;
    draw(ui, context(s), s, act, current).then(() => {
      if (!current()) return;
      ui.panels[tab].dataset.ready = sig;
      focusSpan(ui, s, act);
    }, (e) => {
      const where = { overview: ui.heat, side: ui.side, facts: ui.facts, entities: ui.entities, timeline: ui.timeline, articles: ui.cards }[tab];
      if (current()) where.replaceChildren(h("p", { class: "error", role: "alert" }, `Could not draw this view: ${e.message}`));
    });
  } else focusSpan(ui, s, act);
}

/** The views that show one event cluster (or chosen reports): drawn again when the choice changes. */
const CLUSTER_VIEWS = new Set(["side", "facts", "timeline"]);

/** The views, each drawn when shown: each resolves once drawn. */
const DRAW = {
  overview: async (ui, cx, s, act, current) => {
    const report = cx.report;
    const open = (index, tab) => act(showView, tab, { cluster: index, ids: null });
    ui.clusters.replaceChildren(...clustersBlock(report.clusters || {}, cx.titleOf, open));
    ui.overviewCards.replaceChildren(...lazyList(shownReports(cx), (r) => summaryCard(r, cx.inputs.get(r.id), cx.clusterOf), "articles"));
    const morePairs = ui.morePairs && report.run ? (related, offset, limit) => ui.morePairs(report.run, related, offset, limit) : null;
    ui.pairs.replaceChildren(...pairsBlock(report, cx.titleOf, morePairs));
    // The view is drawn once the pairs' findings (drawn just after) and the heat map are.
    await Promise.all([pairsDrawn(ui.pairs), heatView(ui, cx, act, current)]);
  },
  entities: async (ui, cx, s, act) => {
    ui.entities.replaceChildren(...entitiesBlock(cx.report.entities, cx.titleOf, entityEdit(s.overrides, act)));
  },
  articles: async (ui, cx, s, act) => {
    ui.legend.replaceChildren(legend());
    // Cards are drawn a page at a time: 1,000 highlighted articles at once would block the page.
    ui.cards.replaceChildren(
      ...lazyList(shownReports(cx), (r) => articleCard(r, cx.inputs.get(r.id), {
        onRestore: (removed) => act(restoreRemoved, r.id, removed),
        onRemove: (id) => act(removeArticle, id),
        clusterOf: cx.clusterOf,
      }), "articles"),
    );
  },
  side: async (ui, cx, s, act, current) => {
    // Reports chosen before an article was removed: those still there, or the cluster's.
    const kept = (s.view.ids || []).filter((id) => cx.byId.has(id) && cx.inputs.has(id));
    const ids = kept.length >= 2 ? kept : currentCluster(cx.choices, s.view)?.ids.slice(0, 4);
    if (!ids) return ui.side.replaceChildren(noCluster());
    const home = cx.choices.find((c) => ids.every((id) => c.ids.includes(id)));
    const picker = clusterPicker(cx.choices, home?.index, cx.titleOf, (i) => act(chooseCluster, i), "side-cluster");
    ui.side.replaceChildren(...[picker, h("p", { class: "empty" }, "Aligning the reports…")].filter(Boolean));
    const more = ui.morePairs && cx.report.run ? (rel, off, lim) => ui.morePairs(cx.report.run, rel, off, lim) : null;
    const pairs = await pairsAmong(cx.report, ids, more);
    if (!current()) return;
    const members = home ? home.ids : ids;
    ui.side.replaceChildren(...[picker, columnPicker(members, ids, cx.titleOf, (next) => act(chooseReports, next)),
      diffLegend(), h("div", { class: "sbs-wrap" }, sideBySide(ids, cx.byId, cx.inputs, pairs, cx.titleOf))].filter(Boolean));
  },
  facts: async (ui, cx, s, act) => clusterView(ui.facts, cx, s, act, "facts-cluster", (t, jump) => factsView(t, cx.titleOf, jump)),
  timeline: async (ui, cx, s, act) => clusterView(ui.timeline, cx, s, act, "timeline-cluster", (t, jump) => timelineView(t, cx.titleOf, jump)),
};

/** The overview's heat map of how similar each pair is (a large batch's when asked). */
async function heatView(ui, cx, act, current) {
  const ids = heatOrder(cx.report);
  if (ids.length < 2) return ui.heat.replaceChildren(h("p", { class: "empty" }, "Add a second article to see how similar they are."));
  // A large batch draws its heat map when asked: its pairs come from the worker, a copy that costs.
  if (cx.report.articles.length > ids.length) {
    await new Promise((resolve) => ui.heat.replaceChildren(h("button", { type: "button", class: "secondary", id: "draw-heat", onclick: resolve },
      `Draw the heat map of the first ${ids.length} of ${cx.report.articles.length} articles`)));
  }
  ui.heat.replaceChildren(h("p", { class: "empty" }, "Drawing the heat map…"));
  const more = ui.morePairs && cx.report.run ? (rel, off, lim) => ui.morePairs(cx.report.run, rel, off, lim) : null;
  const { pairs, complete } = await heatPairs(cx.report, more);
  if (!current()) return; // a newer result is drawn
  const note = ids.length < cx.report.articles.length
    ? h("p", { class: "note" }, `The first ${ids.length} of ${cx.report.articles.length} articles, by event cluster${complete ? "" : "; a dot is an unrelated pair"}.`) : "";
  ui.heat.replaceChildren(h("div", { class: "heat-wrap" }, heatMap(ids, pairs, cx.titleOf, cx.clusterOf, (a, b) => act(chooseReports, [a, b])), heatKey(ids, cx.titleOf)), note);
}

/** The reports of the articles still given (a result may name one removed since). */
function shownReports(cx) {
  return cx.report.articles.filter((r) => cx.inputs.has(r.id));
}

/** A view of one cluster's table (facts, timeline), with the cluster picker above it. */
function clusterView(el, cx, s, act, pickerId, body) {
  const c = currentCluster(cx.choices, s.view);
  if (!c || !c.table) return el.replaceChildren(noCluster());
  const jump = (id, start, end) => act(showView, "side", { cluster: c.index, ids: null, focus: { id, start, end } });
  el.replaceChildren(clusterPicker(cx.choices, c.index, cx.titleOf, (i) => act(chooseCluster, i), pickerId), ...body(c.table, jump));
}

function noCluster() {
  return h("p", { class: "empty" }, "No event is reported by two or more of these articles yet: add more coverage of the same event.");
}

/** Checkboxes choosing which reports of the cluster are in columns (two or more). */
function columnPicker(members, ids, titleOf, onChange) {
  if (members.length < 3) return null;
  const boxes = members.map((id, i) => {
    // Two columns at least: the last two cannot be unticked.
    const box = h("input", { type: "checkbox", id: `col-${i}`, checked: ids.includes(id), disabled: ids.length <= 2 && ids.includes(id), dataset: { id } });
    box.addEventListener("change", () => {
      const next = members.filter((m, j) => (j === i ? box.checked : ids.includes(m)));
      if (next.length >= 2) onChange(next);
      else box.checked = true;
    });
    return h("label", { for: `col-${i}` }, box, ` ${titleOf(id)}`);
  });
  return h("div", { class: "col-pick", role: "group", "aria-label": "Reports in columns (two or more)" }, h("span", {}, "Columns: "), boxes);
}

function diffLegend() {
  const item = (cls, label) => h("span", { class: `diff ${cls}` }, label);
  return h("p", { class: "legend diff-legend" }, "Marked: ", item("diff-conflict", "conflicting figure"), " ", item("diff-compatible", "compatible figure"), " ",
    item("diff-update", "update"), " ", item("diff-name", "name written differently"), " ", item("diff-quote", "quote reworded"), " ",
    item("diff-wording", "own words"), " ", item("diff-only", "only in this report"), h("small", {}, " — hover or focus (Tab) a mark for why."));
}

/** Brings `view.focus` into view: a span in the side-by-side table, or an article card (and a span in it). */
function focusSpan(ui, s, act) {
  const { view } = s;
  const f = view.focus;
  if (!f) return;
  if (view.tab === "side" && f.id !== undefined) {
    const table = ui.side.querySelector("table.sbs");
    if (table && selectInTable(table, f.id, f.start, f.end)) return;
    return act(showView, "articles", { focus: { card: `article-${cssId(f.id)}`, start: f.start, end: f.end } });
  }
  if (view.tab !== "articles" || !f.card) return;
  let card = ui.cards.querySelector(`#${CSS.escape(f.card)}`);
  for (let more = ui.cards.querySelector(".show-more"); !card && more; more = ui.cards.querySelector(".show-more")) {
    more.click(); // the cards are drawn without waiting: each click draws the next page
    card = ui.cards.querySelector(`#${CSS.escape(f.card)}`);
  }
  if (!card) return;
  const body = card.querySelector(".article-text");
  const input = s.articles.find((a) => a.id === card.dataset.id);
  if (f.start !== undefined && body && input) selectSpan(body, input.text, f.start, f.end);
  else card.scrollIntoView({ block: "start" });
}

/** What the entities block needs to let the user split, merge and undo. */
function entityEdit(overrides, act) {
  return {
    overrides,
    onSplit: (name) => act(splitName, name),
    onMerge: (a, b) => act(mergeEntities, a, b),
    onUndo: (i) => act(undoOverride, i),
  };
}

function summaryText(report, nEvents) {
  const n = report.articles.length;
  const pairs = report.pairCounts ? report.pairCounts.total : report.pairs.length;
  return `${n} article${n === 1 ? "" : "s"}, ` +
    `${nEvents} event${nEvents === 1 ? "" : "s"}, ${count(pairs)} pair${pairs === 1 ? "" : "s"} compared.`;
}

function duration(ms) {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function renderStatus(ui, status) {
  ui.status.hidden = !status;
  if (!status) return;
  ui.statusText.textContent = status.text;
  ui.cancel.hidden = !status.cancellable;
}

function renderError(ui, error, haveArticles, onRetry) {
  ui.error.hidden = !error;
  if (!error) return ui.error.replaceChildren();
  ui.error.replaceChildren(h("span", {}, error.text));
  if (error.retry && haveArticles) ui.error.append(" ", h("button", { type: "button", onclick: onRetry }, "Analyze again"));
}

function shorten(s, n = 70) {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
