// The facts view and the timeline of one event cluster, both read from the report's cluster
// table (`report.tables`: the fact diff across the cluster's reports). The facts table has one
// row per fact and one column per report, each row classed agree / compatible / conflict /
// update / only-one; it sorts by any column and filters by class and by words. Every cell is a
// button that shows its span in its report (`onJump(id, start, end)`).
import { h } from "./render.js";

/** The classes of a fact row, in the order they are offered, with what each means. */
export const FACT_CLASSES = [
  ["conflict", "conflict", "cannot both be true at one time"],
  ["compatible", "compatible", "different values that can all be true (hedged, overlapping)"],
  ["update", "update", "different values for different days"],
  ["agree", "agree", "the same value, perhaps written differently"],
  ["only-one", "only in one", "one report gives it, the others do not"],
];

const CLASS_ORDER = new Map(FACT_CLASSES.map(([c], i) => [c, i]));

/** The facts table of cluster table `t`, with its filters; `titleOf` names a report. */
export function factsView(t, titleOf, onJump) {
  if (!t.rows.length) return [h("p", { class: "empty" }, "Its reports give no fact the comparison can set side by side (figures, casualties, statements).")];
  const state = { sort: "class", dir: 1, hidden: new Set(), words: "" };
  const tbody = h("tbody", {});
  const count = h("p", { class: "facts-count", role: "status" });
  const heads = factColumns(t, titleOf);
  const draw = () => {
    const rows = sortedRows(t, state).filter((r) => shown(r, state));
    tbody.replaceChildren(...rows.map((r) => factRow(r, t, titleOf, onJump)));
    count.textContent = `${rows.length} of ${t.rows.length} facts shown`;
    for (const [key, th] of heads) th.setAttribute("aria-sort", key === state.sort ? (state.dir > 0 ? "ascending" : "descending") : "none");
  };
  const sortBy = (key) => {
    state.dir = state.sort === key ? -state.dir : 1;
    state.sort = key;
    draw();
  };
  const headRow = h("tr", {}, [...heads].map(([key, th, label]) => {
    th.append(h("button", { type: "button", class: "sort", onclick: () => sortBy(key) }, label));
    return th;
  }));
  draw();
  return [factFilters(state, draw), count,
    h("table", { class: "facts-matrix" }, h("caption", {}, "Facts × reports"), h("thead", {}, headRow), tbody)];
}

/** The sortable columns: [key, th, label]: the fact, each report, its class, how many give it. */
function factColumns(t, titleOf) {
  const th = () => h("th", { scope: "col" });
  return [["fact", th(), "fact"], ...t.articles.map((id) => [`a:${id}`, th(), titleOf(id)]),
    ["class", th(), "class"], ["reports", th(), "reports"]];
}

function factFilters(state, draw) {
  const boxes = FACT_CLASSES.map(([c, label, about]) => {
    const box = h("input", { type: "checkbox", id: `fact-show-${c}`, checked: true, onchange: () => {
      if (box.checked) state.hidden.delete(c);
      else state.hidden.add(c);
      draw();
    } });
    return h("label", { class: `fact-filter kind-${c}`, for: `fact-show-${c}`, title: about }, box, ` ${label}`);
  });
  const words = h("input", { type: "search", id: "fact-words", placeholder: "fact or value", oninput: () => {
    state.words = words.value.trim().toLowerCase();
    draw();
  } });
  return h("div", { class: "fact-filters", role: "group", "aria-label": "Filter the facts" },
    h("span", {}, "Show: "), boxes, h("label", { for: "fact-words" }, " Words: "), words);
}

function shown(r, state) {
  if (state.hidden.has(r.class)) return false;
  if (!state.words) return true;
  return [r.key, r.note, ...r.cells.flatMap((c) => [c.value, c.text])].some((s) => String(s || "").toLowerCase().includes(state.words));
}

function sortedRows(t, { sort, dir }) {
  const value = (r) => {
    if (sort === "fact") return r.key;
    if (sort === "class") return CLASS_ORDER.get(r.class) ?? 99;
    if (sort === "reports") return r.cells.length;
    const c = r.cells.find((x) => x.article === sort.slice(2));
    return c ? c.value : "\uffff";
  };
  const cmp = (x, y) => {
    const [a, b] = [value(x), value(y)];
    return (typeof a === "number" ? a - b : String(a).localeCompare(String(b), undefined, { numeric: true })) || x.key.localeCompare(y.key);
  };
  return [...t.rows].sort((x, y) => dir * cmp(x, y));
}

function factRow(r, t, titleOf, onJump) {
  const cell = (id) => {
    const c = r.cells.find((x) => x.article === id);
    if (!c) return h("td", { class: "none" }, h("span", { class: "sr-only" }, "not given"), h("span", { "aria-hidden": "true" }, "—"));
    return h("td", { dataset: { id } }, h("button", {
      type: "button", class: "cell-link", title: `“${c.text}” in ${titleOf(id)} — show it there`,
      onclick: () => onJump(id, c.start, c.end),
    }, c.value));
  };
  return h("tr", { class: `row-${r.class}`, dataset: { key: r.key, class: r.class } },
    h("th", { scope: "row" }, r.key), t.articles.map(cell),
    h("td", {}, h("span", { class: `kind kind-${r.class}` }, r.class), h("div", { class: "note" }, named(r.note, t, titleOf))),
    h("td", { class: "num" }, `${r.cells.length} of ${t.articles.length}`));
}

function named(note, t, titleOf) {
  return t.articles.reduce((s, id) => s.split(id).join(titleOf(id)), note || "");
}

/** The cluster's timeline: its dated happenings in order, each with the reports that give it. */
export function timelineView(t, titleOf, onJump) {
  if (!t.timeline.length) return [h("p", { class: "empty" }, "No happening of this event carries a date its reports give.")];
  const days = new Map();
  for (const m of t.timeline) {
    if (!days.has(m.day)) days.set(m.day, []);
    days.get(m.day).push(m);
  }
  return [h("ol", { class: "tl" }, [...days].map(([day, list]) => h("li", { class: "tl-day", dataset: { day } },
    h("h3", {}, h("time", { datetime: /^\d{4}-\d\d-\d\d$/.test(day) ? day : undefined }, day)),
    h("ul", {}, list.map((m) => h("li", { class: "tl-event", dataset: { class: m.class } },
      h("b", {}, m.class), ` — in ${new Set(m.sources.map((s) => s.article)).size} of ${t.articles.length} reports: `,
      m.sources.map((s) => h("button", {
        type: "button", class: "chip cell-link", title: `show “${s.text}” in ${titleOf(s.article)}`,
        onclick: () => onJump(s.article, s.start, s.end),
      }, `${titleOf(s.article)}: “${s.text}”`)))))))),
  ];
}
