// The page drawn from the state: the article list, the status line, the error, and the
// results. `createView` returns the store's subscriber, which draws again only the parts
// whose state changed; the buttons it draws change the state through `act`.
import { h, articleCard, clustersBlock, pairsBlock, entitiesBlock, legend, lazyList } from "./render.js";
import { removeArticle, restoreRemoved, retry, splitName, mergeEntities, undoOverride } from "./store.js";

/** The page's elements, by role. */
export function findElements(doc = document) {
  const $ = (sel) => doc.querySelector(sel);
  return {
    paste: $("#paste"), pasteTitle: $("#paste-title"), add: $("#add-article"), drop: $("#drop"),
    picker: $("#picker"), examples: $("#load-examples"), clear: $("#clear"), list: $("#article-list"),
    status: $("#status"), statusText: $("#status-text"), cancel: $("#cancel"), error: $("#error"),
    clusters: $("#clusters"), pairs: $("#pairs"), entities: $("#entities"), cards: $("#cards"), summary: $("#summary"),
    legend: $("#legend"), results: $("#results"),
  };
}

/**
 * The store subscriber that keeps the page in step with the state. `store.update` is how the
 * drawn controls act: `act(action, ...args)` applies `action(state, ...args)` from store.js.
 */
export function createView(ui, store) {
  const act = (action, ...args) => store.update((s) => action(s, ...args));
  return (s, prev) => {
    if (s.articles !== prev.articles) renderList(ui, s.articles, act);
    if (s.runs !== prev.runs) renderResults(ui, s, act);
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

function renderList(ui, articles, act) {
  ui.list.replaceChildren(
    ...lazyList(articles, (a) =>
      h("li", { dataset: { id: a.id } },
        h("span", { class: "name" }, a.name || a.id),
        h("small", {}, ` ${a.text.length.toLocaleString("en")} chars${a.encoding && a.encoding !== "utf-8" ? `, ${a.encoding}` : ""}${a.keep.length ? `, ${a.keep.length} restored` : ""}`),
        a.warnings?.length ? h("small", { class: "warning" }, ` ⚠ ${a.warnings.join("; ")}`) : null,
        h("button", { type: "button", class: "remove", title: `Remove ${a.name || a.id}`, onclick: () => act(removeArticle, a.id) }, "remove")), "articles", { page: LIST_PAGE, holder: "li" }),
  );
  ui.clear.hidden = articles.length === 0;
}

function renderResults(ui, s, act) {
  const report = s.report;
  ui.results.dataset.run = String(s.runs);
  if (!report) {
    ui.results.hidden = true;
    for (const el of [ui.clusters, ui.pairs, ui.entities, ui.cards, ui.summary]) el.replaceChildren();
    return;
  }
  ui.results.hidden = false;
  const byId = new Map(report.articles.map((r) => [r.id, r]));
  const names = new Map(s.articles.map((a) => [a.id, a.name]));
  const titleOf = (id) => shorten(byId.get(id)?.title || names.get(id) || id);
  const events = report.clusters?.event || [];
  const clusterIndex = new Map();
  events.forEach((ids, index) => ids.forEach((id) => clusterIndex.set(id, { index, ids })));
  ui.summary.replaceChildren(summaryText(report, events.length), h("span", { class: "timing" }, ` (${duration(s.elapsedMs)})`));
  ui.clusters.replaceChildren(...clustersBlock(report.clusters || {}, titleOf));
  const more = ui.morePairs && report.run ? (related, offset, limit) => ui.morePairs(report.run, related, offset, limit) : null;
  ui.pairs.replaceChildren(...pairsBlock(report, titleOf, more));
  ui.entities.replaceChildren(...entitiesBlock(report.entities, titleOf, entityEdit(s.overrides, act)));
  ui.legend.replaceChildren(legend());
  const inputs = new Map(s.articles.map((a) => [a.id, a]));
  const shown = report.articles.filter((r) => inputs.has(r.id));
  // Cards are drawn a page at a time: 1,000 highlighted articles at once would block the page.
  ui.cards.replaceChildren(
    ...lazyList(shown, (r) => articleCard(r, inputs.get(r.id), {
      onRestore: (removed) => act(restoreRemoved, r.id, removed),
      onRemove: (id) => act(removeArticle, id),
      clusterOf: (id) => clusterIndex.get(id),
    }), "articles"),
  );
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
    `${nEvents} event${nEvents === 1 ? "" : "s"}, ${pairs.toLocaleString("en")} pair${pairs === 1 ? "" : "s"} compared.`;
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
