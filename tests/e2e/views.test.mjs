// End-to-end tests of the results' views (overview, side by side, facts, entities, timeline,
// articles) in both builds, with the example articles: what each view shows, that it answers
// the keyboard, and that axe-core finds no serious or critical accessibility violation on any
// view, in light and dark mode. axe is injected through the test's own channel
// (page.evaluate), so the page's CSP stays as users get it. With STORYDIFF_SCREENSHOTS=1 the
// served test writes the README's walkthrough screenshots to docs/.
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { readFileSync, readdirSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { ROOT, DIST, watchedPage, waitForRun, runCount, startBrowserAndServer, STORY } from "./helpers.mjs";

const AXE = readFileSync(path.join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");
const SHOTS = process.env.STORYDIFF_SCREENSHOTS === "1";
const VIEWS = ["overview", "side", "facts", "entities", "timeline", "articles"];
/** Every view is drawn when shown: its panel says when it is drawn (data-ready). */
const DRAWN = new Set(VIEWS);

let browser;
let server;
startBrowserAndServer((b, s) => {
  browser = b;
  server = s;
});

async function loadExamples(page) {
  await page.waitForSelector("body[data-ready='1']");
  const n = await runCount(page);
  await page.click("#load-examples");
  await waitForRun(page, n);
}

/** Shows view `key` with its tab and waits until it is drawn. */
async function show(page, key) {
  await page.click(`#tab-${key}`);
  await waitShown(page, key);
}

async function waitShown(page, key) {
  await page.waitForSelector(`#panel-${key}:not([hidden])`);
  if (DRAWN.has(key)) await page.waitForSelector(`#panel-${key}[data-ready]:not([data-ready=''])`);
}

/** The serious and critical violations axe finds on the page as it is shown now. */
async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
  });
  return found.filter((v) => v.impact === "serious" || v.impact === "critical");
}

async function shot(page, name, selector = "#results", height = 760) {
  if (!SHOTS) return;
  const el = await page.$(selector);
  await el.evaluate((e) => e.scrollIntoView({ block: "start" }));
  const box = await el.boundingBox();
  await page.screenshot({ path: path.join(ROOT, "docs", `${name}.png`), clip: { x: box.x - 8, y: box.y - 8, width: Math.min(box.width + 16, 1280), height: Math.min(box.height + 16, height) } });
}

async function checkOverview(page) {
  await show(page, "overview");
  assert.equal(await page.locator("#overview-cards .ov-card").count(), 5);
  // A card names the language and what cleaning set aside.
  const card = await page.textContent("#overview-cards .ov-card");
  assert.match(card, /language\s*en/);
  assert.match(card, /Cleaning set (aside \d+ parts?|nothing aside)/);
  // The heat map: one row and one column per article, the diagonal empty, the scores symmetric.
  const cells = await page.$$eval(".heat-map tbody tr", (rows) => rows.map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent)));
  assert.equal(cells.length, 5);
  for (let i = 0; i < 5; i++) {
    assert.equal(cells[i].length, 5);
    for (let j = 0; j < 5; j++) if (i !== j) assert.equal(cells[i][j], cells[j][i], `score ${i},${j} is symmetric`);
  }
  assert.ok(await page.locator(".heat-map .heat-pair").count() >= 2, "related pairs are buttons");
  // A pair's cell puts those two side by side.
  const pair = page.locator(".heat-map tbody tr:nth-child(1) .heat-pair").last();
  const label = await pair.getAttribute("aria-label");
  await pair.click();
  await waitShown(page, "side");
  const cols = await page.$$eval("table.sbs thead th .sbs-title", (ths) => ths.map((th) => th.textContent));
  assert.equal(cols.length, 2);
  for (const t of cols) assert.ok(label.includes(t), `${t} is one of ${label}`);
  // An article's card leads to its text.
  await show(page, "overview");
  const id = await page.getAttribute("#overview-cards .ov-card:nth-child(3)", "data-id");
  await page.click("#overview-cards .ov-card:nth-child(3) .ov-title");
  await waitShown(page, "articles");
  assert.ok(await page.locator(`.card[data-id='${id}']`).isVisible());
  await show(page, "overview");
  await page.waitForSelector(".cluster [data-open='side']");
}

async function checkSide(page) {
  // From the overview, the first event's "side by side" button.
  await page.click("[data-cluster='event'] [data-open='side'] >> nth=0");
  await waitShown(page, "side");
  const cols = await page.$$eval("table.sbs thead th", (ths) => ths.map((th) => th.dataset.id));
  assert.ok(cols.length >= 2);
  // Every sentence of every column shown once, in the order of its text.
  for (const id of cols) {
    const starts = await page.$$eval(`table.sbs td[data-id='${id}'] .sent`, (els) => els.map((e) => Number(e.dataset.start)));
    assert.ok(starts.length > 3, `${id} has sentences`);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b), `${id}: in order`);
    assert.equal(new Set(starts).size, starts.length, `${id}: each once`);
  }
  assert.ok(await page.locator("table.sbs tr.sbs-aligned").count() >= 3, "sentences aligned across the reports");
  assert.ok(await page.locator("table.sbs mark.hl-ent").count() > 5, "entities highlighted");
  // The differences are marked in place; the reworded quote explains itself on focus.
  const quote = page.locator("table.sbs mark.diff-quote").first();
  await quote.focus();
  const tip = quote.locator(".tip");
  assert.ok(await tip.isVisible(), "the note shows on focus");
  assert.match(await tip.textContent(), /different words|quote/i);
  assert.ok(await page.locator("table.sbs mark.diff-compatible").count() >= 2, "the rally sizes marked in both columns");
  assert.ok(await page.locator("table.sbs mark.diff-name").count() >= 1, "a name spelled otherwise is marked");
}

async function checkFacts(page) {
  await show(page, "facts");
  const keys = () => page.$$eval(".facts-matrix tbody tr", (rows) => rows.map((r) => `${r.dataset.key}:${r.dataset.class}`));
  const all = await keys();
  assert.ok(all.includes("people:compatible"), `the rally sizes are compatible: ${all}`);
  // Sort by fact, both ways.
  await page.click(".facts-matrix thead th:first-child button");
  assert.equal(await page.getAttribute(".facts-matrix thead th:first-child", "aria-sort"), "ascending");
  const up = (await keys()).map((k) => k.split(":")[0]);
  assert.deepEqual(up, [...up].sort((a, b) => a.localeCompare(b)));
  await page.click(".facts-matrix thead th:first-child button");
  assert.equal(await page.getAttribute(".facts-matrix thead th:first-child", "aria-sort"), "descending");
  // Filter by class, then by words.
  await page.uncheck("#fact-show-compatible");
  assert.ok(!(await keys()).some((k) => k.endsWith(":compatible")));
  await page.check("#fact-show-compatible");
  await page.fill("#fact-words", "2,000");
  assert.deepEqual(await keys(), ["people:compatible"]);
  // A cell shows its span in its report, in the side-by-side view.
  const cell = page.locator(".facts-matrix tr[data-key='people'] .cell-link").first();
  await cell.click();
  await waitShown(page, "side");
  const selected = await page.evaluate(() => String(window.getSelection()));
  assert.match(selected, /2,000 people/);
  assert.ok(await page.evaluate(() => document.activeElement.matches(".sent.focused")), "focus follows the jump");
  await page.fill("#fact-words", "").catch(() => {});
}

async function checkEntities(page) {
  await show(page, "entities");
  const variants = await page.$$eval(".merged-entity .variant", (els) => els.map((e) => e.dataset.variant));
  assert.ok(variants.includes("Alnour Iliachev") && variants.includes("Alnur Ilyashev"), `the name variants: ${variants}`);
  assert.ok(await page.locator(".merged-entity .split").first().isVisible());
  // People, organisations and places apart, each chip with its other spellings.
  const groups = await page.$$eval(".entity-group h4", (els) => els.map((e) => e.textContent));
  assert.deepEqual(groups.map((g) => g.replace(/ \(\d+\)$/, "")), ["People", "Organisations", "Places"]);
  for (const label of ["PERSON", "ORG", "PLACE"]) {
    const wrong = await page.$$eval(`.entity-group[data-label='${label}'] .entity-row`, (els, l) => els.filter((e) => e.dataset.label !== l).length, label);
    assert.equal(wrong, 0, `only ${label} in its group`);
  }
  const ily = page.locator(".entity-group[data-label='PERSON'] .entity-row", { hasText: "Ilyashev" });
  assert.match(await ily.textContent(), /also (Alnour Iliachev|Alnur Ilyashev)/);
}

async function checkTimeline(page) {
  await show(page, "timeline");
  const days = await page.$$eval(".tl-day", (els) => els.map((e) => e.dataset.day));
  assert.ok(days.length >= 1);
  assert.deepEqual(days, [...days].sort());
  const source = page.locator(".tl-event .cell-link").first();
  const text = (await source.textContent()).match(/“(.*)”/)[1];
  await source.click();
  await waitShown(page, "side");
  assert.equal(await page.evaluate(() => String(window.getSelection())), text);
}

async function checkKeyboard(page) {
  await page.focus("#tab-overview");
  await page.keyboard.press("ArrowRight");
  await waitShown(page, "side");
  assert.equal(await page.evaluate(() => document.activeElement.id), "tab-side");
  await page.keyboard.press("End");
  await waitShown(page, "articles");
  await page.keyboard.press("Home");
  await waitShown(page, "overview");
  assert.equal(await page.getAttribute("#tab-overview", "aria-selected"), "true");
}

/** Every view passes axe (serious and critical) in the current colour scheme. */
async function checkAxe(page, scheme) {
  const failures = [];
  for (const key of VIEWS) {
    await show(page, key);
    for (const v of await axeViolations(page)) failures.push(`${scheme} ${key}: ${v.id} (${v.impact}) ${v.nodes.join(", ")}`);
  }
  assert.deepEqual(failures, []);
}

async function clean(page, log) {
  assert.deepEqual(log.blocked, [], "requests to other origins");
  assert.deepEqual(await page.evaluate(() => window.__csp), [], "CSP violations");
  assert.deepEqual(log.errors, [], "page errors");
}

async function walkthrough(page) {
  await checkOverview(page);
  await checkSide(page);
  await checkFacts(page);
  await checkEntities(page);
  await checkTimeline(page);
  await checkKeyboard(page);
  await checkAxe(page, "light");
  await page.emulateMedia({ colorScheme: "dark" });
  await checkAxe(page, "dark");
  await page.emulateMedia({ colorScheme: "light" });
}

test("served: every view shows the examples, answers the keyboard and passes axe", async () => {
  const { context, page, log } = await watchedPage(browser, server.origin);
  await page.goto(server.url);
  await loadExamples(page);
  await walkthrough(page);
  if (SHOTS) await screenshots(page);
  await clean(page, log);
  await context.close();
});

test("single file from file://: the same views, keyboard and axe", async () => {
  const file = pathToFileURL(path.join(DIST, "storydiff.html")).href;
  const { context, page, log } = await watchedPage(browser, "file");
  await page.goto(file);
  await loadExamples(page);
  assert.equal(await page.getAttribute("body", "data-build"), "single");
  await walkthrough(page);
  assert.deepEqual(log.requests, [file]);
  await clean(page, log);
  await context.close();
});

test("tablet width: the views fit without a page-wide horizontal scroll", async () => {
  const { context, page } = await watchedPage(browser, server.origin);
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.goto(server.url);
  await loadExamples(page);
  for (const key of VIEWS) {
    await show(page, key);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(wide <= 1, `${key}: the page scrolls sideways by ${wide}px`);
  }
  await context.close();
});

test("a hidden view is drawn when it is opened after new results arrived, and not before", async () => {
  const { context, page, log } = await watchedPage(browser, server.origin);
  await page.goto(server.url);
  await loadExamples(page);
  const first = await runCount(page);
  for (const key of ["articles", "entities"]) assert.equal(await page.getAttribute(`#panel-${key}`, "data-ready"), null, `${key}: not drawn before it is shown`);
  await show(page, "articles");
  assert.equal(await page.locator(".card").count(), 5);
  await show(page, "entities");
  const rowNames = () => page.$$eval(".entity-row", (els) => els.map((e) => e.dataset.name));
  const before = await rowNames();
  await show(page, "overview");
  // A new article while those views are hidden: the overview is drawn again, they are not yet.
  await page.fill("#paste", STORY(7));
  await page.click("#add-article");
  await waitForRun(page, first);
  const run = await runCount(page);
  await page.waitForSelector(`#panel-overview[data-ready='${run}']`); // the heat map comes last
  assert.equal(await page.locator("#overview-cards .ov-card").count(), 6);
  for (const key of ["articles", "entities"]) assert.equal(await page.getAttribute(`#panel-${key}`, "data-ready"), String(first), `${key}: still the result before`);
  assert.equal(await page.locator(".card").count(), 5);
  // Opened, each shows the new result: the new article's card with its highlights, its names.
  await show(page, "articles");
  assert.equal(await page.getAttribute("#panel-articles", "data-ready"), String(run));
  assert.equal(await page.locator(".card").count(), 6);
  assert.ok(await page.locator(".card[data-id='pasted-1'] mark").count() > 0, "the new card has its highlights");
  const shown = await page.$eval(".card[data-id='pasted-1'] .article-text", (el) => el.textContent);
  assert.ok(shown.startsWith(STORY(7).slice(0, 40)), shown);
  const named = await page.$$eval(".card[data-id='pasted-1'] mark.hl-ent", (els) => els.map((m) => m.title.replace(/^[A-Z]+: /, "").replace(/ \(.*\)$/, "")));
  const fresh = named.filter((n) => !before.includes(n));
  assert.ok(fresh.length > 0, `a name only the new article gives: ${named}`);
  await show(page, "entities");
  assert.equal(await page.getAttribute("#panel-entities", "data-ready"), String(run));
  const after = await rowNames();
  assert.ok(fresh.some((n) => after.includes(n)), `the new article's names (${fresh}) are in the entities view`);
  await clean(page, log);
  await context.close();
});

test("side by side after an article it showed is removed: the view falls back to an event", async () => {
  const { context, page, log } = await watchedPage(browser, server.origin);
  await page.goto(server.url);
  await loadExamples(page);
  await show(page, "overview");
  await page.locator(".heat-map tbody tr:nth-child(1) .heat-pair").first().click();
  await waitShown(page, "side");
  const [, gone] = await page.$$eval("table.sbs thead th", (ths) => ths.map((th) => th.dataset.id));
  const n = await runCount(page);
  await page.click(`#article-list li[data-id='${gone}'] button.remove`);
  await waitForRun(page, n);
  await waitShown(page, "side");
  const cols = await page.$$eval("table.sbs thead th", (ths) => ths.map((th) => th.dataset.id));
  assert.ok(!cols.includes(gone), `${gone} is no longer shown: ${cols}`);
  assert.deepEqual(log.errors, [], "page errors");
  await context.close();
});

/** The README's walkthrough: the examples loaded, the rally sizes, the name variants, the reworded quote. */
async function screenshots(page) {
  await page.setViewportSize({ width: 1280, height: 1100 });
  await show(page, "overview");
  await shot(page, "view-overview", "#results", 1060);
  await show(page, "facts");
  await page.fill("#fact-words", "");
  await shot(page, "view-facts");
  await show(page, "entities");
  await shot(page, "view-entities");
  await show(page, "timeline");
  await shot(page, "view-timeline");
  await show(page, "side");
  // The reworded quote: both columns' marks in one picture, the first one's note shown.
  const [qa, qb] = await page.$$eval("table.sbs thead th", (ths) => ths.slice(0, 2).map((th) => th.dataset.id));
  const quoteA = page.locator(`table.sbs td[data-id='${qa}'] mark.diff-quote`).first();
  const quoteB = page.locator(`table.sbs td[data-id='${qb}'] mark.diff-quote`).first();
  await quoteA.evaluate((e) => e.scrollIntoView({ block: "start" }));
  await page.mouse.wheel(0, -140);
  await quoteA.focus();
  const [a, b] = [await quoteA.boundingBox(), await quoteB.boundingBox()];
  const table = await (await page.$("table.sbs")).boundingBox();
  const y = Math.max(0, Math.min(a.y, b.y) - 120);
  const bottom = Math.min(1100, Math.max(a.y + 160, b.y + 60));
  await page.screenshot({ path: path.join(ROOT, "docs", "view-side.png"), clip: { x: table.x - 8, y, width: Math.min(table.width + 16, 1280), height: bottom - y } });
  await page.emulateMedia({ colorScheme: "dark" });
  await show(page, "overview");
  await shot(page, "view-dark", "#results", 1060);
  await page.emulateMedia({ colorScheme: "light" });
}

test("side by side with three reports: columns chosen by the reader, every sentence once", async () => {
  // Two reports of one event and a syndicated copy of the first (the same text under another name).
  const seeds = readdirSync(path.join(ROOT, "seeds")).filter((f) => f.endsWith(".txt")).sort();
  const [a, b] = seeds.slice(0, 2).map((f) => path.join(ROOT, "seeds", f));
  const { context, page, log } = await watchedPage(browser, server.origin);
  await page.goto(server.url);
  await page.waitForSelector("body[data-ready='1']");
  const n = await runCount(page);
  const file = (name, from) => ({ name, mimeType: "text/plain", buffer: readFileSync(from) });
  await page.setInputFiles("#picker", [file(path.basename(a), a), file(path.basename(b), b), file("copy.txt", a)]);
  await waitForRun(page, n);
  await page.click("[data-cluster='event'] [data-open='side'] >> nth=0");
  await waitShown(page, "side");
  const columns = () => page.$$eval("table.sbs thead th", (ths) => ths.map((th) => th.dataset.id));
  const cols = await columns();
  assert.equal(cols.length, 3, `three reports in columns: ${cols}`);
  for (const id of cols) {
    const starts = await page.$$eval(`table.sbs td[data-id='${id}'] .sent`, (els) => els.map((e) => Number(e.dataset.start)));
    assert.deepEqual(starts, [...starts].sort((x, y) => x - y), `${id}: in order`);
    assert.equal(new Set(starts).size, starts.length, `${id}: each sentence once`);
  }
  // Leave one out; the last two cannot both go.
  await page.uncheck("#col-2");
  await waitShown(page, "side");
  assert.equal((await columns()).length, 2);
  assert.equal(await page.isDisabled("#col-1"), true, "two columns at least");
  assert.equal(await page.isDisabled("#col-2"), false, "the one left out can come back");
  await page.check("#col-2");
  await waitShown(page, "side");
  assert.equal((await columns()).length, 3);
  assert.deepEqual(await axeViolations(page), [], "axe: three columns and their picker");
  assert.deepEqual(log.errors, [], "page errors");
  await context.close();
});
