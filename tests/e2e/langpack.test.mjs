// The language pack: the page's wasm leaves out the word lists English text never needs
// (other languages' word frequencies, names in other scripts), and its worker loads them only
// when an article needs them: the served build fetches pkg/storydiff-languages.pack from its
// own origin, once; the single file carries it inline and makes no request. Either way the
// result is the one the full lists give ("Финляндия" is a place only in the pack's gazetteer).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { DIST, ROOT, startBrowserAndServer, watchedPage, waitForRun, runCount, openView } from "./helpers.mjs";

let browser;
let server;
startBrowserAndServer((b, s) => { browser = b; server = s; });

// A real report (Wikipedia "In the news", CC BY-SA 3.0; tests/eval/clusters/languages.json).
const RUSSIAN = JSON.parse(readFileSync(path.join(ROOT, "tests/eval/clusters/languages.json"), "utf8"))
  .articles.find((a) => a.id === "Q110653216-ru-2").text;
const ENGLISH = "Police in Almaty said on Thursday that 13 people had been detained.";
const PACK = "pkg/storydiff-languages.pack";

async function paste(page, text) {
  const n = await runCount(page);
  await page.fill("#paste", text);
  await page.click("#add-article");
  await waitForRun(page, n);
}

const places = (page) => page.$$eval(".card mark.hl-PLACE", (marks) => marks.map((m) => m.textContent));

test("served: the pack is fetched only when an article needs it, once, from the same origin", async () => {
  const { context, page, log } = await watchedPage(browser, server.origin);
  await page.goto(server.url);
  await page.waitForSelector("body[data-ready='1']");
  await paste(page, ENGLISH);
  await openView(page, "articles"); // drawn again with each new result while it is shown
  const packs = () => log.requests.filter((u) => u === server.url + PACK).length;
  assert.equal(packs(), 0, "English alone does not need the pack");
  assert.ok((await places(page)).includes("Almaty"));
  await paste(page, RUSSIAN);
  assert.equal(packs(), 1, "the Russian article loads the pack");
  assert.ok((await places(page)).includes("Финляндия"), `places: ${await places(page)}`);
  await paste(page, RUSSIAN.replace("НАТО", "НАТО (Североатлантический альянс)"));
  assert.equal(packs(), 1, "the pack is fetched once");
  assert.equal(await page.locator(".card").count(), 3);
  assert.deepEqual(log.blocked, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("single file: the inline pack serves the Russian article, and nothing is requested", async () => {
  const file = pathToFileURL(path.join(DIST, "storydiff.html")).href;
  const { context, page, log } = await watchedPage(browser, "file");
  await page.goto(file);
  await page.waitForSelector("body[data-ready='1']");
  await paste(page, ENGLISH);
  await paste(page, RUSSIAN);
  await openView(page, "articles");
  assert.ok((await places(page)).includes("Финляндия"), `places: ${await places(page)}`);
  assert.deepEqual(log.requests, [file]);
  assert.deepEqual(log.errors, []);
  await context.close();
});
