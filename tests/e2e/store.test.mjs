// Unit tests of the page's store (www/store.js), runner (www/runner.js) and saved records
// (www/persist.js) under node, with no browser: the state changes of every action, the one update path, and the scheduling of
// runs (coalesced, stale runs cancelled, failures and cancels shown) against a fake engine.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  createStore, initialState, wantsRun, uniqueId, addArticles, addPasted, addExamples, removeArticle,
  clearArticles, restoreRemoved, retry, splitName, mergeEntities, undoOverride, overridesOf,
} from "../../www/store.js";
import { createRunner } from "../../www/runner.js";
import { articleOfRecord, workspaceOfRecords, mergeRestored, saveProblem } from "../../www/persist.js";

const article = (id, text = `text of ${id}`) => ({ id, name: `${id}.txt`, text });
const withArticles = (...ids) => ({ ...initialState(), ...addArticles(initialState(), ids.map((id) => article(id))) });

test("store: one update path; subscribers see every change in order, nested ones after", () => {
  const store = createStore();
  const seen = [];
  store.subscribe((s, prev) => {
    seen.push(`a ${prev.pasted}->${s.pasted}`);
    if (s.pasted === 1) store.update((st) => ({ pasted: st.pasted + 1 }));
  });
  store.subscribe((s, prev) => seen.push(`b ${prev.pasted}->${s.pasted}`));
  const before = store.get();
  store.update((s) => ({ pasted: s.pasted + 1 }));
  assert.deepEqual(seen, ["a 0->1", "b 0->1", "a 1->2", "b 1->2"]);
  assert.equal(store.get().pasted, 2);
  assert.equal(before.pasted, 0, "the old state is left as it was");
  store.update(() => null);
  assert.equal(seen.length, 4, "no change, no call");
});

test("store: ids are unique, empty articles are skipped and named, nothing is mutated", () => {
  assert.equal(uniqueId([], "  a long  name "), "a_long_name");
  assert.equal(uniqueId([], "   "), "article");
  const s = initialState();
  const patch = addArticles(s, [article("x"), article("x"), { id: "e", name: "empty.txt", text: "  \n" }, article("x")]);
  assert.deepEqual(patch.articles.map((a) => a.id), ["x", "x-2", "x-3"]);
  assert.deepEqual(patch.articles[0], { id: "x", name: "x.txt", text: "text of x", title: undefined, keep: [], encoding: undefined, warnings: [] });
  assert.deepEqual(patch.error, { text: "Skipped 1 empty article(s): empty.txt" });
  assert.deepEqual(s.articles, []);
  assert.equal(addArticles(s, [article("y")]).error, null, "adding clears the error");
});

test("store: pasting numbers the texts and needs text", () => {
  const s = initialState();
  assert.deepEqual(addPasted(s, " \n", "Title"), { error: { text: "Paste the text of an article first." } });
  const one = { ...s, ...addPasted(s, "Some text.", "  ") };
  assert.equal(one.pasted, 1);
  assert.deepEqual(one.articles.map((a) => [a.id, a.name, a.title]), [["pasted-1", "pasted text 1", undefined]]);
  const two = { ...one, ...addPasted(one, "More text.", " A title ") };
  assert.deepEqual(two.articles.map((a) => [a.id, a.name, a.title]).at(-1), ["pasted-2", "A title", "A title"]);
});

test("store: examples add only the new ones; restore, remove and clear", () => {
  const s = withArticles("000", "001");
  const more = addExamples(s, [article("000"), article("002")]);
  assert.deepEqual(more.articles.map((a) => a.id), ["000", "001", "002"]);
  assert.equal("status" in more, false);
  assert.equal(addExamples(s, [article("001")]).status, null, "all there: the loading status goes");
  const restored = restoreRemoved(s, "001", { start: 3, end: 9 });
  assert.deepEqual(restored.articles[1].keep, [[3, 9]]);
  assert.deepEqual(s.articles[1].keep, [], "the old article is left as it was");
  assert.equal(restored.articles[0], s.articles[0], "the others are kept as they are");
  assert.equal(restoreRemoved(s, "nope", { start: 0, end: 1 }), null);
  assert.deepEqual(removeArticle(s, "000").articles.map((a) => a.id), ["001"]);
  assert.deepEqual(clearArticles(s), { articles: [], overrides: [], error: null });
  assert.deepEqual(retry(s), { retries: 1, error: null });
});

test("store: overrides: a split drops the user's merges holding the name; repeats change nothing", () => {
  let s = initialState();
  const apply = (patch) => (s = patch ? { ...s, ...patch } : s);
  apply(mergeEntities(s, "A", "B"));
  apply(mergeEntities(s, "C", "D"));
  assert.equal(mergeEntities(s, "B", "A"), null, "the same merge either way round");
  apply(splitName(s, "B"));
  assert.deepEqual(s.overrides, [{ kind: "merge", a: "C", b: "D" }, { kind: "split", name: "B" }]);
  assert.equal(splitName(s, "B"), null);
  assert.deepEqual(overridesOf(s.overrides), { merge: [["C", "D"]], split: ["B"] });
  apply(undoOverride(s, 0));
  assert.deepEqual(s.overrides, [{ kind: "split", name: "B" }]);
});

test("store: the analysis runs again when its inputs change or on retry, not otherwise", () => {
  const s = withArticles("a");
  assert.equal(wantsRun({ ...s, status: { text: "x" }, busy: true }, s), false);
  assert.equal(wantsRun({ ...s, ...removeArticle(s, "a") }, s), true);
  assert.equal(wantsRun({ ...s, ...mergeEntities(s, "A", "B") }, s), true);
  assert.equal(wantsRun({ ...s, ...retry(s) }, s), true);
});

// ---- the runner, against a fake engine whose calls the test settles ----------------------------

function fakeEngine() {
  const calls = [];
  const call = (method) => (articles, ...rest) => {
    const { signal } = rest.at(-1);
    return new Promise((resolve, reject) => {
      const c = { method, articles, overrides: rest.length > 1 ? rest[0] : null, signal, resolve, reject };
      signal.addEventListener("abort", () => reject(new DOMException("Cancelled", "AbortError")));
      calls.push(c);
    });
  };
  return { calls, compare: call("compare"), compareWithOverrides: call("compareWithOverrides") };
}
const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));
const reportOf = (articles) => ({ articles: articles.map((a) => ({ id: a.id })), pairs: [] });

test("runner: changes close together make one run on the latest inputs", async () => {
  const store = createStore();
  const engine = fakeEngine();
  createRunner(store, engine, { delayMs: 1 });
  store.update((s) => addArticles(s, [article("a")]));
  store.update((s) => addArticles(s, [article("b")]));
  assert.equal(store.get().busy, true, "busy from the first change");
  assert.deepEqual(store.get().status, { text: "Analyzing 2 articles", cancellable: true });
  await tick();
  assert.equal(engine.calls.length, 1);
  const [call] = engine.calls;
  assert.deepEqual(call.articles.map((a) => a.id), ["a", "b"]);
  assert.deepEqual(Object.keys(call.articles[0]).sort(), ["id", "keep", "name", "text", "title", "warnings"]);
  call.resolve(reportOf(call.articles));
  await tick();
  const s = store.get();
  assert.deepEqual([s.runs, s.busy, s.status, s.error], [1, false, null, null]);
  assert.deepEqual(s.report, reportOf(call.articles));
  assert.ok(s.elapsedMs >= 0);
});

test("runner: a change when nothing is pending runs at once; one while a run is in flight waits for more", async () => {
  const store = createStore();
  const engine = fakeEngine();
  createRunner(store, engine, { delayMs: 40 });
  store.update((s) => addArticles(s, [article("a")]));
  store.update((s) => addArticles(s, [article("b")])); // same task: the same run
  assert.equal(engine.calls.length, 0, "not inside the change itself");
  await Promise.resolve();
  assert.equal(engine.calls.length, 1, "no wait before the first run");
  assert.deepEqual(engine.calls[0].articles.map((a) => a.id), ["a", "b"]);
  store.update((s) => addArticles(s, [article("c")]));
  assert.equal(engine.calls[0].signal.aborted, true);
  await tick(5);
  assert.equal(engine.calls.length, 1, "a change during a run waits for more changes");
  store.update((s) => addArticles(s, [article("d")]));
  await tick(60);
  assert.equal(engine.calls.length, 2, "the changes close together make one run");
  assert.deepEqual(engine.calls[1].articles.map((a) => a.id), ["a", "b", "c", "d"]);
  engine.calls[1].resolve(reportOf(engine.calls[1].articles));
  await tick();
  store.update((s) => addArticles(s, [article("e")]));
  await Promise.resolve();
  assert.equal(engine.calls.length, 3, "idle again: the next change runs at once");
  engine.calls[2].resolve(reportOf(engine.calls[2].articles));
  await tick();
  assert.equal(store.get().busy, false);
});

test("runner: a change cancels the run in flight; its late answer is dropped", async () => {
  const store = createStore();
  const engine = fakeEngine();
  createRunner(store, engine, { delayMs: 1 });
  store.update((s) => addArticles(s, [article("a")]));
  await tick();
  store.update((s) => mergeEntities(s, "A", "B"));
  assert.equal(engine.calls[0].signal.aborted, true);
  engine.calls[0].resolve(reportOf([article("stale")]));
  await tick();
  assert.equal(engine.calls.length, 2);
  const second = engine.calls[1];
  assert.equal(second.method, "compareWithOverrides");
  assert.deepEqual(second.overrides, { merge: [["A", "B"]], split: [] });
  assert.deepEqual([store.get().runs, store.get().busy, store.get().error], [0, true, null], "the stale run shows nothing");
  second.resolve(reportOf(second.articles));
  await tick();
  assert.deepEqual([store.get().runs, store.get().busy, store.get().report.articles[0].id], [1, false, "a"]);
});

test("runner: cancel, failure and retry; no articles means no results and no call", async () => {
  const store = createStore();
  const engine = fakeEngine();
  const runner = createRunner(store, engine, { delayMs: 1 });
  store.update((s) => addArticles(s, [article("a")]));
  runner.cancel(); // before the run starts
  await tick();
  assert.equal(engine.calls.length, 0);
  const cancelled = { text: "Cancelled. Change the articles or press “Analyze again” to run again.", retry: true };
  assert.deepEqual([store.get().busy, store.get().status, store.get().error], [false, null, cancelled]);

  store.update(retry);
  await tick();
  runner.cancel(); // while it runs
  await tick();
  assert.equal(engine.calls[0].signal.aborted, true);
  assert.deepEqual([store.get().busy, store.get().error], [false, cancelled]);

  store.update(retry);
  await tick();
  engine.calls[1].reject(new Error("boom"));
  await tick();
  assert.deepEqual(store.get().error, { text: "The analysis failed: boom", retry: true });
  assert.equal(store.get().runs, 0);

  store.update(clearArticles);
  assert.equal(store.get().error, null);
  await tick();
  assert.equal(engine.calls.length, 2);
  assert.deepEqual([store.get().runs, store.get().report, store.get().busy, store.get().status], [1, null, false, null]);
});

// ---- the saved workspace's records (www/persist.js), without a browser ------------------------

test("persist: a record is an article only when whole; damaged ones are named, the rest kept in order", () => {
  const good = (id) => ({ id, name: `${id}.txt`, text: `text of ${id}`, keep: [[1, 3]], warnings: [] });
  assert.deepEqual(articleOfRecord("a", good("a")), { id: "a", name: "a.txt", text: "text of a", title: undefined, keep: [[1, 3]], encoding: undefined, warnings: [] });
  for (const bad of [null, "text", { ...good("a"), id: "b" }, { ...good("a"), text: 42 }, { ...good("a"), text: " \n" }, { ...good("a"), keep: [[1]] }, { ...good("a"), warnings: [3] }]) {
    assert.equal(articleOfRecord("a", bad), null, JSON.stringify(bad));
  }
  const ws = workspaceOfRecords([["a", good("a")], ["b", good("b")], ["c", "junk"], ["d", good("d")]],
    { order: ["b", "gone", "a"], overrides: [{ kind: "split", name: "X" }], pasted: 3 });
  assert.deepEqual(ws.articles.map((a) => a.id), ["b", "a", "d"], "the saved order, then the records it did not list");
  assert.deepEqual(ws.damaged.map((d) => `${d.store}/${d.key}`), ["articles/c"]);
  assert.equal(ws.pasted, 3);
  const noMeta = workspaceOfRecords([["a", good("a")]], { order: "x", overrides: [] });
  assert.deepEqual([noMeta.articles.length, noMeta.overrides, noMeta.damaged.map((d) => d.store)], [1, [], ["meta"]]);
  assert.deepEqual(workspaceOfRecords([], undefined).damaged, [], "no workspace saved yet is not damage");
});

test("persist: the restored workspace comes first; what was added meanwhile is kept, once, with its own id", () => {
  const art = (id, text = `text of ${id}`) => ({ id, text, keep: [] });
  const s = { ...initialState(), articles: [art("a"), art("b", "another b"), art("c")], overrides: [{ kind: "split", name: "Y" }], pasted: 1 };
  const ws = { articles: [art("a"), art("b")], overrides: [{ kind: "split", name: "X" }], pasted: 4, damaged: [] };
  const patch = mergeRestored(s, ws);
  assert.deepEqual(patch.articles.map((a) => [a.id, a.text]), [["a", "text of a"], ["b", "text of b"], ["b-2", "another b"], ["c", "text of c"]]);
  assert.deepEqual(patch.overrides.map((o) => o.name), ["X", "Y"]);
  assert.equal(patch.pasted, 4);
  assert.equal(mergeRestored(s, { articles: [], overrides: [], pasted: 0, damaged: [] }), null);
  assert.match(saveProblem(new DOMException("full", "QuotaExceededError"), 1), /^Not saved: the browser's storage for this page is full\. Your 1 article and changes/);
  assert.match(saveProblem(new DOMException("x", "UnknownError"), 2), /^Not saved: the browser refused to save \(UnknownError\)\. Your 2 articles/);
});
