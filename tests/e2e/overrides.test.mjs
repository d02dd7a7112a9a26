// End-to-end tests of the entity overrides in the page: every merge shows its reason and
// confidence; the user splits a name off, merges two entities, and undoes either; the
// comparison runs again (compareWithOverrides) and the highlights follow. Both builds.
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { DIST, watchedPage, waitForRun, runCount, openView, startBrowserAndServer } from "./helpers.mjs";

let browser;
let server;
startBrowserAndServer((b, s) => {
  browser = b;
  server = s;
});

/** Clicks `selector` (or runs `act`) and waits for the comparison to run again. */
async function rerun(page, act) {
  const n = await runCount(page);
  await (typeof act === "string" ? page.click(act) : act());
  await waitForRun(page, n);
}

/** The joined entities shown: [{name, label, variants, merges: [{a, b, reason, confidence}]}]. */
function joined(page) {
  return page.$$eval(".merged-entity", (els) => els.map((el) => ({
    name: el.dataset.name,
    label: el.dataset.label,
    variants: [...el.querySelectorAll(".variant")].map((v) => v.dataset.variant),
    merges: [...el.querySelectorAll(".merge-reason")].map((m) => ({
      a: m.dataset.a, b: m.dataset.b,
      reason: m.querySelector(".reason").textContent,
      confidence: Number(m.querySelector(".confidence").dataset.confidence),
      shown: m.textContent,
    })),
  })));
}

/**
 * What `read()` finds in view `key`, which is opened for it (a view is drawn when shown); then
 * the entities view, where the scenario acts, is shown again as it was left.
 */
async function inView(page, key, read) {
  await openView(page, key);
  try {
    return await read();
  } finally {
    await openView(page, "entities");
  }
}

/** The highlights of one label in the cards: their text and title ("PERSON: entity name (role)"). */
function highlightNames(page, label) {
  return inView(page, "articles", () =>
    page.$$eval(`.card mark.hl-${label}`, (els) => els.map((m) => ({ text: m.textContent, title: m.title }))));
}
const entityOf = (title) => title.replace(/^[A-Z]+: /, "").replace(/ \(.*\)$/, "");

/** Pair findings that set the two spellings side by side (a name variant or a fact). */
function factsJoining(page, x, y) {
  return inView(page, "overview", () => page.$$eval(".pair .facts-names li, .pair .facts-agreements li, .pair .facts-conflicts li",
    (els, [x, y]) => els.map((e) => e.textContent).filter((t) => t.includes(x) && t.includes(y)), [x, y]));
}

async function rowNames(page, label) {
  return page.$$eval(`.entity-row[data-label='${label}']`, (els) => els.map((e) => e.dataset.name));
}

async function scenario(page) {
  await rerun(page, "#load-examples");
  await openView(page, "entities"); // where the user splits, merges and undoes
  await page.waitForSelector(".merged-entity");
  assert.equal(await page.locator("#overrides").count(), 0, "no overrides yet");

  // ---- the Iliachev/Ilyashev merge is shown with its reason and confidence
  const all = await joined(page);
  const ily = all.find((e) => e.variants.includes("Alnour Iliachev") && e.variants.includes("Alnur Ilyashev"));
  assert.ok(ily, `a joined entity with both spellings: ${JSON.stringify(all.map((e) => e.variants))}`);
  assert.equal(ily.label, "PERSON");
  assert.ok(ily.merges.length >= 1, "its merges are listed");
  for (const m of ily.merges) {
    assert.ok(m.reason.trim().length > 3, `a reason: ${m.shown}`);
    assert.ok(m.confidence > 0 && m.confidence <= 1, `a confidence in (0, 1]: ${m.shown}`);
    assert.match(m.shown, new RegExp(`confidence ${m.confidence.toFixed(2)}`), "the confidence is visible text");
  }
  const other = ily.name === "Alnour Iliachev" ? "Alnur Ilyashev" : "Alnour Iliachev";
  const titled = async (name) => (await highlightNames(page, "PERSON")).filter((m) => entityOf(m.title) === name).length;
  assert.equal(await titled(other), 0, `no highlight is named ${other} while it is merged`);
  assert.ok(!(await rowNames(page, "PERSON")).includes(other));
  assert.ok((await factsJoining(page, other, ily.name)).length > 0, "a pair sets the two spellings side by side");

  // ---- split the non-canonical spelling off: two entities, the highlights follow
  await rerun(page, () => page.click(`.merged-entity[data-name='${ily.name}'] .variant[data-variant='${other}'] button.split`));
  let persons = await rowNames(page, "PERSON");
  assert.ok(persons.includes(other), `${other} is an entity of its own: ${persons.join(", ")}`);
  assert.ok(persons.includes(ily.name), `${ily.name} is still an entity`);
  assert.ok((await titled(other)) > 0, `mentions of ${other} are highlighted under their own name`);
  assert.ok(!(await joined(page)).some((e) => e.variants.includes(other) && e.variants.includes(ily.name)), "no longer joined");
  assert.deepEqual(await factsJoining(page, other, ily.name), [], "the pair facts no longer match the two spellings");
  assert.deepEqual(await page.$$eval("#overrides li", (els) => els.map((e) => [e.dataset.kind, e.firstChild.textContent.trim()])),
    [["split", `split off “${other}”`]]);

  // ---- undo: joined again, no overrides left
  await rerun(page, "#overrides li button.undo");
  assert.ok((await joined(page)).some((e) => e.variants.includes(other) && e.variants.includes(ily.name)), "joined again");
  assert.ok(!(await rowNames(page, "PERSON")).includes(other));
  assert.equal(await titled(other), 0);
  assert.ok((await factsJoining(page, other, ily.name)).length > 0, "the pair facts match them again");
  assert.equal(await page.locator("#overrides").count(), 0);

  // ---- merge two different people into one
  persons = await rowNames(page, "PERSON");
  const joinedNames = new Set((await joined(page)).map((e) => e.name));
  const [a, b] = persons.filter((n) => !joinedNames.has(n)); // two people of one name each
  assert.ok(a && b, "two other people");
  const idOf = (name) => page.getAttribute(`.entity-row[data-label='PERSON'][data-name='${name}']`, "data-id");
  assert.equal(await page.isDisabled("#merge-apply"), true, "nothing to merge yet");
  await page.selectOption("#merge-a", await idOf(a));
  // The second select only offers entities with the first's label.
  const offered = await page.$$eval("#merge-b option", (os) => os.map((o) => o.textContent).filter((t) => t !== "choose…"));
  assert.deepEqual([...offered].sort(), persons.filter((n) => n !== a).sort());
  await page.selectOption("#merge-b", await idOf(b));
  const namesBefore = new Set((await highlightNames(page, "PERSON")).map((m) => entityOf(m.title)));
  assert.ok(namesBefore.has(a) && namesBefore.has(b), "both are highlighted under their own names");
  await rerun(page, "#merge-apply");
  const after = await rowNames(page, "PERSON");
  assert.equal(after.length, persons.length - 1, "one person fewer");
  const one = (await joined(page)).find((e) => e.variants.includes(a) && e.variants.includes(b));
  assert.ok(one, `${a} and ${b} are one entity`);
  assert.ok(one.merges.some((m) => m.reason === "merged by the user" && m.confidence === 1), JSON.stringify(one.merges));
  const loser = one.name === a ? b : a;
  assert.ok(!after.includes(loser));
  const namesAfter = new Set((await highlightNames(page, "PERSON")).map((m) => entityOf(m.title)));
  assert.ok(namesAfter.has(one.name) && !namesAfter.has(loser), `mentions of ${loser} are highlighted as ${one.name}`);
  assert.deepEqual(await page.$$eval("#overrides li", (els) => els.map((e) => e.dataset.kind)), ["merge"]);

  // ---- undo the merge
  await rerun(page, "#overrides li button.undo");
  assert.deepEqual((await rowNames(page, "PERSON")).sort(), [...persons].sort());
  assert.equal(await page.locator("#overrides").count(), 0);

  // ---- merge again, then split a name off the user's merge: the merge goes, the split stays
  await page.selectOption("#merge-a", await idOf(a));
  await page.selectOption("#merge-b", await idOf(b));
  await rerun(page, "#merge-apply");
  const merged = (await joined(page)).find((e) => e.variants.includes(a) && e.variants.includes(b));
  const off = merged.name === a ? b : a;
  await rerun(page, () => page.click(`.merged-entity[data-name='${merged.name}'] .variant[data-variant='${off}'] button.split`));
  assert.deepEqual((await rowNames(page, "PERSON")).sort(), [...persons].sort(), "two people again");
  assert.deepEqual(await page.$$eval("#overrides li", (els) => els.map((e) => e.firstChild.textContent.trim())),
    [`split off “${off}”`]);
  await rerun(page, "#overrides li button.undo");
  assert.deepEqual((await rowNames(page, "PERSON")).sort(), [...persons].sort());
  assert.equal(await page.locator("#overrides").count(), 0);
}

async function clean(page, log) {
  assert.deepEqual(log.blocked, [], "requests to other origins");
  assert.deepEqual(await page.evaluate(() => window.__csp), [], "CSP violations");
  assert.deepEqual(log.errors, [], "page errors");
  assert.deepEqual(log.console.filter((l) => /^error|Content.Security.Policy|Refused/i.test(l)), [], "console errors");
}

test("served: merges show reason and confidence; split, merge and undo run the comparison again", async () => {
  const { context, page, log } = await watchedPage(browser, server.origin);
  await page.goto(server.url);
  await page.waitForSelector("body[data-ready='1']");
  await scenario(page);
  await clean(page, log);
  await context.close();
});

test("single file from file://: split, merge and undo work under the strict CSP", async () => {
  const file = pathToFileURL(path.join(DIST, "storydiff.html")).href;
  const { context, page, log } = await watchedPage(browser, "file");
  await page.goto(file);
  await page.waitForSelector("body[data-ready='1']");
  assert.equal(await page.getAttribute("body", "data-build"), "single");
  await scenario(page);
  assert.deepEqual(log.requests, [file]);
  await clean(page, log);
  await context.close();
});
