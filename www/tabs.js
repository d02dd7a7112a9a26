// The results' views as tabs (WAI-ARIA tabs: arrow keys, Home and End move between them) and
// the view state they share: which tab is shown, which event cluster the side-by-side, facts
// and timeline views read, which reports are in columns, and the span to bring into view.
// The state lives in the store (`view`); these are its changes, pure like those of store.js.
import { h } from "./render.js";

/** The views, in tab order: [key, label, what it shows]. */
export const VIEWS = [
  ["overview", "Overview", "The batch at a glance: event clusters, how similar each pair is, and one card per article."],
  ["side", "Side by side", "Reports of one event in columns, sentence by sentence; differences are marked in place (hover or focus one for why)."],
  ["facts", "Facts", "Each fact of one event across its reports: agree, compatible, conflict, update or only in one. Press a cell to see it in its report."],
  ["entities", "Entities", "People, organisations and places, with the names joined into one; split a name off, merge two, undo."],
  ["timeline", "Timeline", "The event's happenings in time order, with the reports that give each."],
  ["articles", "Articles", "Each article's text exactly as given, with what was found highlighted and what cleaning set aside."],
];

/** Shows tab `tab`; `patch` sets other view fields at once (cluster, ids, focus). */
export function showView(state, tab, patch = {}) {
  return { view: { ...state.view, tab, focus: null, ...patch } };
}

/** Chooses event cluster `index` (of `clusterChoices`) for the cluster views. */
export function chooseCluster(state, index) {
  return { view: { ...state.view, cluster: index, ids: null, focus: null } };
}

/** Puts the reports `ids` side by side (a pair from the heat map, or a chosen subset). */
export function chooseReports(state, ids) {
  return { view: { ...state.view, tab: "side", ids: [...ids], focus: null } };
}

/** The event clusters the cluster views offer: those of two or more articles, with their fact table. */
export function clusterChoices(report) {
  const tables = report.tables || [];
  const key = (ids) => [...ids].sort().join("\n");
  const byKey = new Map(tables.map((t) => [key(t.articles), t]));
  return (report.clusters?.event || [])
    .map((ids, index) => ({ index, ids, table: byKey.get(key(ids)) || null }))
    .filter((c) => c.ids.length > 1);
}

/** The tab bar: one button per view; arrow keys, Home and End move along it. */
export function tabBar(current, onShow) {
  const tabs = VIEWS.map(([key, label, about]) =>
    h("button", {
      type: "button", role: "tab", id: `tab-${key}`, class: "tab", title: about,
      "aria-selected": String(key === current), "aria-controls": `panel-${key}`,
      tabindex: key === current ? "0" : "-1", dataset: { view: key }, onclick: () => onShow(key),
    }, label));
  const bar = h("div", { role: "tablist", class: "tabs", "aria-label": "Views of the results" }, tabs);
  bar.addEventListener("keydown", (e) => {
    const i = tabs.indexOf(document.activeElement);
    if (i < 0) return;
    const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = tabs[(to + tabs.length) % tabs.length];
    next.focus();
    onShow(next.dataset.view);
  });
  return bar;
}

/** Marks tab `current` selected in `bar` and shows its panel only. */
export function selectTab(bar, panels, current) {
  for (const tab of bar.querySelectorAll("[role=tab]")) {
    const on = tab.dataset.view === current;
    tab.setAttribute("aria-selected", String(on));
    tab.tabIndex = on ? 0 : -1;
  }
  for (const [key, panel] of Object.entries(panels)) panel.hidden = key !== current;
}

/** The cluster picker of the cluster views: one select, labelled, that changes `view.cluster`. */
export function clusterPicker(choices, current, titleOf, onChoose, id) {
  if (choices.length === 0) return null;
  const short = (s) => (s.length > 40 ? `${s.slice(0, 39)}…` : s);
  const select = h("select", { id, class: "cluster-select", onchange: () => onChoose(Number(select.value)) },
    choices.map((c) => h("option", { value: String(c.index), selected: c.index === current },
      `E${c.index + 1} (${c.ids.length} reports): ${c.ids.map((x) => short(titleOf(x))).join(" · ")}`)));
  return h("p", { class: "cluster-pick" }, h("label", { for: id }, "Event "), select);
}

/** The chosen cluster of `choices` (the first when the view names none of them). */
export function currentCluster(choices, view) {
  return choices.find((c) => c.index === view.cluster) || choices[0] || null;
}
