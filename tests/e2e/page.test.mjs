// End-to-end tests of the page in headless Chromium: the served build (module + worker),
// the module build opened from disk (must fail cleanly), and the single file from file://.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { checkCompare } from "../../scripts/check-schema.mjs";
import { DIST, OUT, ROOT, watchedPage, waitForRun, runCount, openView, eventClusters, shownTexts, startBrowserAndServer } from "./helpers.mjs";

/** The schema version the reports follow (schema/report.schema.json). */
const SCHEMA_VERSION = JSON.parse(readFileSync(path.join(ROOT, "schema/report.schema.json"), "utf8")).$defs.SchemaVersion.const;

// The acceptance expectation of the bundled examples: three events.
const EXPECTED_EVENTS = [["000", "001"], ["002", "003"], ["004"]];
const SEEDS = readdirSync(path.join(ROOT, "seeds")).filter((f) => f.endsWith(".txt")).sort();
const seedText = (id) => readFileSync(path.join(ROOT, "seeds", SEEDS.find((f) => f.startsWith(id))), "utf8");

mkdirSync(OUT, { recursive: true });
let browser;
let server;
startBrowserAndServer((b, s) => {
  browser = b;
  server = s;
});

async function cleanLog(page, log) {
  assert.deepEqual(log.blocked, [], "requests to other origins");
  assert.deepEqual(await page.evaluate(() => window.__csp), [], "CSP violations");
  assert.deepEqual(log.errors, [], "page errors");
  const bad = log.console.filter((l) => /^error|Content.Security.Policy|Refused/i.test(l));
  assert.deepEqual(bad, [], "console errors");
}

async function loadExamples(page) {
  const before = await runCount(page);
  await page.click("#load-examples");
  await waitForRun(page, before);
}

test("served: examples load, cluster into events, render the input exactly; no foreign request", async () => {
  const { context, page, log } = await watchedPage(browser, server.origin);
  await page.goto(server.url);
  await page.waitForSelector("body[data-ready='1']");
  assert.equal(await page.getAttribute("body", "data-build"), "served");
  const csp = await page.getAttribute("meta[http-equiv='Content-Security-Policy']", "content");
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /connect-src 'self'/);
  assert.doesNotMatch(csp, /https?:|\*|'unsafe-inline'|'unsafe-eval'/);
  assert.equal(await page.$("#boot"), null, "the boot message is gone");
  const afterLoad = log.requests.length;

  await loadExamples(page);
  assert.equal(await page.locator("#article-list li").count(), SEEDS.length);
  // The worker www/start.js started first is the one the bridge uses: no second one.
  assert.deepEqual(page.workers().map((w) => new URL(w.url()).pathname), ["/www/worker.js"]);
  // The README screenshot: the top of the page with the clusters (scripts/screenshot copies it).
  await page.waitForSelector("#panel-overview[data-ready]:not([data-ready=''])"); // the pairs' findings too
  await page.evaluate(() => document.querySelectorAll("details.pair")[0]?.setAttribute("open", ""));
  await page.screenshot({ path: path.join(OUT, "screenshot.png"), fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1900 } });
  assert.equal(await page.locator("details.pair").count(), (SEEDS.length * (SEEDS.length - 1)) / 2);
  // The hidden views are drawn when opened: the articles, then the entities.
  assert.equal(await page.locator(".card").count(), 0, "the articles view is not drawn before it is opened");
  await openView(page, "articles");
  assert.equal(await page.locator(".card").count(), SEEDS.length);

  // Every card shows its input text exactly, highlights included.
  for (const { id, text } of await shownTexts(page)) assert.equal(text, seedText(id.slice(0, 3)), `text of ${id}`);
  // People, organisations and places are highlighted in the examples.
  for (const label of ["PERSON", "ORG", "PLACE"]) {
    assert.ok(await page.locator(`.card mark.hl-${label}`).count() > 0, `some ${label} highlighted`);
  }
  assert.ok((await page.locator(".card mark.hl-date").count()) > 0, "some dates highlighted");
  // The batch's entity table names Kazakhstan as a place reported by every example.
  await openView(page, "entities");
  assert.equal(await page.getAttribute(".entity-row[data-name='Kazakhstan']", "data-label"), "PLACE");
  assert.match(await page.textContent(".entity-row[data-name='Kazakhstan'] small"), new RegExp(`×${SEEDS.length}`));


  // After load, only the worker (and the modules it imports), the wasm and the examples were
  // fetched, all same-origin.
  const later = log.requests.slice(afterLoad).map((u) => u.slice(server.url.length));
  assert.ok(later.length > 0);
  for (const u of later) assert.match(u, /^(www\/(worker(-core)?|export|offsets)\.js|pkg\/storydiff(\.js|_bg\.wasm)|seeds\/[\w.-]+)$/, `request ${u}`);
  assert.ok(log.requests.every((u) => u.startsWith(server.url)), log.requests.join("\n"));
  await cleanLog(page, log);
  // Last, so that the checks above run whatever the clustering does.
  assert.deepEqual(await eventClusters(page), EXPECTED_EVENTS);
  await context.close();
});

test("served: files dropped (with a folder-less DataTransfer), picked, pasted; removal", async () => {
  const { context, page, log } = await watchedPage(browser, server.origin);
  await page.goto(server.url);
  await page.waitForSelector("body[data-ready='1']");

  // Drop two supported files and one unsupported one.
  let n = await runCount(page);
  await page.evaluate(([a, b]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([a], "first-report.txt", { type: "text/plain" }));
    dt.items.add(new File([b], "second.html", { type: "text/html" }));
    dt.items.add(new File(["%PDF"], "scan.pdf", { type: "application/pdf" }));
    const zone = document.querySelector("#drop");
    zone.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [seedText("000"), `<html><head><title>Second</title></head><body><p>${seedText("001").replace(/\n\n/g, "</p><p>")}</p></body></html>`]);
  await waitForRun(page, n);
  assert.deepEqual(await page.$$eval("#article-list li", (l) => l.map((e) => e.dataset.id)), ["first-report", "second"]);
  assert.match(await page.textContent("#error"), /scan\.pdf/);
  // The articles view, once open, is drawn again with each new result.
  await openView(page, "articles");
  assert.equal(await page.locator(".card").count(), 2);
  const first = (await shownTexts(page)).find((c) => c.id === "first-report");
  assert.equal(first.text, seedText("000"));

  // The file picker, with two of the example files from disk.
  n = await runCount(page);
  await page.setInputFiles("#picker", ["002", "003"].map((id) => path.join(ROOT, "seeds", SEEDS.find((f) => f.startsWith(id)))));
  await waitForRun(page, n);
  assert.equal(await page.locator(".card").count(), 4);

  // Paste.
  n = await runCount(page);
  await page.fill("#paste-title", "A pasted note");
  await page.fill("#paste", "Police in Almaty said on Thursday that 13 people had been detained.");
  await page.click("#add-article");
  await waitForRun(page, n);
  assert.equal(await page.locator(".card").count(), 5);
  assert.ok(await page.locator(".card[data-id='pasted-1']").count());

  // Remove one.
  n = await runCount(page);
  await page.click("#article-list li[data-id='second'] button.remove");
  await waitForRun(page, n);
  assert.equal(await page.locator(".card").count(), 4);
  assert.equal(await page.locator(".card[data-id='second']").count(), 0);
  await cleanLog(page, log);
  await context.close();
});

test("served: removed boilerplate is shown greyed with its reason and can be restored", async () => {
  const { context, page, log } = await watchedPage(browser, server.origin);
  await page.goto(server.url);
  await page.waitForSelector("body[data-ready='1']");
  await loadExamples(page);
  await openView(page, "articles");
  const removed = page.locator(".card mark.hl-removed:not([data-piece])");
  const count = await removed.count();
  assert.ok(count > 0, "the examples contain boilerplate (\"Read also\" links) that is set aside");
  assert.ok((await removed.first().locator(".removed-reason").textContent()).length > 0);
  const id = await removed.first().evaluate((el) => el.closest(".card").dataset.id);
  const n = await runCount(page);
  await removed.first().locator("button.restore").click();
  await waitForRun(page, n);
  assert.equal(await page.locator(".card mark.hl-removed:not([data-piece])").count(), count - 1);
  assert.match(await page.textContent(`#article-list li[data-id='${id}']`), /1 restored/);
  await cleanLog(page, log);
  await context.close();
});

test("render: highlights nest, crossing spans are split, text is the input exactly (code points)", async () => {
  const { context, page, log } = await watchedPage(browser, server.origin);
  await page.goto(server.url);
  await page.waitForSelector("body[data-ready='1']");
  const got = await page.evaluate(async () => {
    const { articleCard, count } = await import("./www/render.js");
    const { codePointIndex } = await import("./www/offsets.js");
    const counts = [0, 7, 999, 1000, 12345, 1234567, -4321, 2.5, 1e21].filter((n) => count(n) !== n.toLocaleString("en"));
    // "😀" is two UTF-16 units but one code point: offsets after it must still line up.
    const text = "😀 Kassym-Jomart Tokayev said \"Almaty is calm\" on 5 January.\nRead also: more\n";
    const cp = (s) => [...text.slice(0, text.indexOf(s))].length;
    const span = (s) => ({ start: cp(s), end: cp(s) + [...s].length, text: s });
    const report = {
      id: "x", title: "T", date: "2022-01-05", place: "Almaty",
      entities: [{ ...span("Kassym-Jomart Tokayev"), label: "PERSON", entity: "Kassym-Jomart Tokayev" },
        { ...span("Almaty"), label: "PLACE", entity: "Almaty" }],
      quotes: [{ ...span("\"Almaty is calm\""), speaker: "Kassym-Jomart Tokayev", kind: "direct" }],
      dates: [{ ...span("5 January"), value: "2022-01-05", kind: "DATE" }],
      // contains the date and crosses into the removed part, which is split at its end
      quantities: [{ ...span("5 January.\nRead"), low: 5, high: 5, unit: null, hedge: "exact" }],
      removed: [{ ...span("Read also: more"), reason: "related-links" }],
    };
    let restored = null;
    const card = articleCard(report, { text, name: "x" }, { onRestore: (r) => (restored = r), onRemove() {}, clusterOf: () => null });
    document.body.append(card);
    const body = card.querySelector(".article-text").cloneNode(true);
    body.querySelectorAll(".removed-reason, .restore").forEach((e) => e.remove());
    card.querySelector(".restore").click();
    const marks = [...card.querySelectorAll("mark")].map((m) => [m.className, m.textContent.replace(/related-links|restore/g, ""), m.dataset.piece || ""]);
    const idx = codePointIndex(text);
    const place = card.querySelector(".place")?.textContent;
    return { same: body.textContent === text, marks, restored: restored && restored.reason, utf16: idx(1), counts, place };
  });
  assert.deepEqual(got.counts, [], "count() writes numbers as toLocaleString(\"en\") does");
  assert.equal(got.same, true);
  assert.equal(got.utf16, 2);
  assert.equal(got.place, "Almaty", "the card shows the place its dateline names");
  assert.equal(got.restored, "related-links");
  assert.deepEqual(got.marks, [
    ["hl-ent hl-PERSON", "Kassym-Jomart Tokayev", ""],
    ["hl-quote hl-quote-direct", "\"Almaty is calm\"", ""],
    ["hl-ent hl-PLACE", "Almaty", ""],
    ["hl-qty", "5 January.\nRead", ""],
    ["hl-date", "5 January", ""],
    ["hl-removed", "Read", ""],
    ["hl-removed", " also: more", "1"],
  ]);
  await cleanLog(page, log);
  await context.close();
});

test("served: the report the wasm build gives the page follows schema/report.schema.json", async () => {
  const { context, page, log } = await watchedPage(browser, server.origin);
  await page.goto(server.url);
  await page.waitForSelector("body[data-ready='1']");
  const inputs = Object.fromEntries(SEEDS.map((f) => [f.replace(/\.txt$/, ""), seedText(f.slice(0, 3))]));
  const report = await page.evaluate(async (articles) => {
    const wasm = await import("./pkg/storydiff.js");
    await wasm.default();
    return wasm.compare(Object.entries(articles).map(([id, text]) => ({ id, text })));
  }, inputs);
  assert.deepEqual(checkCompare(report, inputs, "page compare"), []);
  await cleanLog(page, log);
  await context.close();
});

test("module build opened from file:// fails cleanly and points to the single file", async () => {
  const { context, page, log } = await watchedPage(browser, "file");
  await page.goto(pathToFileURL(path.join(DIST, "index.html")).href);
  await page.waitForSelector("#boot.error");
  assert.match(await page.textContent("#boot"), /storydiff\.html/);
  assert.equal(await page.getAttribute("body", "data-ready"), null);
  assert.deepEqual(log.blocked, []);
  await context.close();
});

test("single file from file://: examples cluster, zero requests besides itself, strict CSP", async () => {
  const file = pathToFileURL(path.join(DIST, "storydiff.html")).href;
  const { context, page, log } = await watchedPage(browser, "file");
  await page.goto(file);
  await page.waitForSelector("body[data-ready='1']");
  assert.equal(await page.getAttribute("body", "data-build"), "single");
  assert.equal(await page.$("#boot"), null, "the boot message is gone");
  const csp = await page.getAttribute("meta[http-equiv='Content-Security-Policy']", "content");
  assert.match(csp, /connect-src 'none'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  await loadExamples(page);
  assert.equal(page.workers().length, 1, "the worker the file's first script started is the one used");
  await page.screenshot({ path: path.join(OUT, "single-file.png") });
  await openView(page, "articles");
  assert.equal((await shownTexts(page)).length, SEEDS.length);
  for (const { id, text } of await shownTexts(page)) assert.equal(text, seedText(id.slice(0, 3)), `text of ${id}`);
  assert.deepEqual(log.requests, [file]);
  await cleanLog(page, log);
  assert.deepEqual(await eventClusters(page), EXPECTED_EVENTS);
  await context.close();
});

test("served: page.html#examples opens with the examples loaded", async () => {
  const { context, page, log } = await watchedPage(browser, server.origin);
  await page.goto(server.url + "#examples");
  await page.waitForSelector("[data-cluster='event']", { state: "attached" });
  await waitForRun(page, 0);
  await openView(page, "articles");
  assert.equal(await page.locator(".card").count(), SEEDS.length);
  await cleanLog(page, log);
  await context.close();
});

test("bridge: lazy start, queue, cancelling a running call restarts the worker", async () => {
  const { context, page, log } = await watchedPage(browser, server.origin);
  await page.goto(server.url);
  await page.waitForSelector("body[data-ready='1']");
  const got = await page.evaluate(async () => {
    const { WorkerBridge } = await import("./www/bridge.js");
    const bridge = new WorkerBridge(new URL("./www/worker.js", location.href));
    const lazy = bridge.worker === null;
    const big = [{ id: "big", text: "Police said 13 people were killed in Almaty on Thursday. ".repeat(20000) }];
    const running = new AbortController();
    const outcome = (p) => p.then(() => "finished", (e) => e.name);
    const p1 = outcome(bridge.call("compare", [big], { signal: running.signal }));
    const p2 = bridge.call("schemaVersion", []);
    const queued = new AbortController();
    const p3 = outcome(bridge.call("schemaVersion", [], { signal: queued.signal }));
    queued.abort();
    setTimeout(() => running.abort(), 100);
    const [r1, r2, r3] = [await p1, await p2, await p3];
    const bad = await bridge.call("nope", []).then(() => "finished", (e) => e.message);
    bridge.stop();
    // A preload is not a call of the queue: the first call is posted at once, not after the load.
    const preloaded = new WorkerBridge(new URL("./www/worker.js", location.href));
    preloaded.preload();
    const first = preloaded.call("schemaVersion", []);
    const posted = preloaded.current?.method === "schemaVersion" && preloaded.queue.length === 0;
    const version = await first;
    preloaded.stop();
    return { lazy, r1, r2, r3, bad, posted, version };
  });
  assert.deepEqual(got, { lazy: true, r1: "AbortError", r2: SCHEMA_VERSION, r3: "AbortError", bad: "unknown method nope", posted: true, version: SCHEMA_VERSION });
  await cleanLog(page, log);
  await context.close();
});

test("drop: folders are walked (readEntries in batches, nested), unsupported files left out", async () => {
  const { context, page, log } = await watchedPage(browser, server.origin);
  await page.goto(server.url);
  await page.waitForSelector("body[data-ready='1']");
  const got = await page.evaluate(async () => {
    const { droppedFiles } = await import("./www/app.js");
    // A stand-in for the FileSystemEntry API that Chromium gives for a dropped folder.
    const file = (dir, name) => ({ isFile: true, isDirectory: false, name, fullPath: `${dir}/${name}`,
      file: (ok) => ok(new File([`text of ${name}`], name)) });
    const dir = (path, children, batch = 2) => ({
      isFile: false, isDirectory: true, name: path.split("/").pop(), fullPath: path,
      createReader() {
        let i = 0;
        return { readEntries: (ok) => { const b = children.slice(i, i + batch); i += batch; setTimeout(() => ok(b)); } };
      },
    });
    const tree = dir("/news", [
      file("/news", "a.txt"), file("/news", "b.html"), file("/news", "photo.jpg"),
      dir("/news/more", [file("/news/more", "c.md"), file("/news/more", "d.htm"), file("/news/more", "notes.pdf")]),
    ]);
    const loose = new File(["loose"], "loose.txt");
    const dt = { items: [
      { kind: "file", webkitGetAsEntry: () => tree, getAsFile: () => null },
      { kind: "file", webkitGetAsEntry: () => null, getAsFile: () => loose },
      { kind: "string", webkitGetAsEntry: () => null, getAsFile: () => null },
    ] };
    const out = await droppedFiles(dt);
    return Promise.all(out.map(async ({ file, path }) => `${path}=${await file.text()}`));
  });
  assert.deepEqual(got, [
    "news/a.txt=text of a.txt", "news/b.html=text of b.html",
    "news/more/c.md=text of c.md", "news/more/d.htm=text of d.htm", "loose.txt=loose",
  ]);
  await cleanLog(page, log);
  await context.close();
});
