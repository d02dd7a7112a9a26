// End-to-end tests of the workspace kept in IndexedDB (www/persist.js): a reload restores the
// articles, the parts put back and the user's entity changes; "Remove all articles" clears
// it; a full quota, a damaged store and a browser that refuses storage lose nothing the user
// can see, and the page says what happened. Each test has its own browser context (its own
// storage).
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { DIST, watchedPage, waitForRun, runCount, openView, startBrowserAndServer, STORY } from "./helpers.mjs";

let browser;
let server;
startBrowserAndServer((b, s) => {
  browser = b;
  server = s;
});


async function open(page, url = server.url) {
  await page.goto(url);
  await page.waitForSelector("body[data-ready='1']");
}

async function paste(page, text) {
  const n = await runCount(page);
  await page.fill("#paste", text);
  await page.click("#add-article");
  await waitForRun(page, n);
}

const listIds = (page) => page.$$eval("#article-list li[data-id]", (l) => l.map((e) => e.dataset.id));
const persistText = (page) => page.textContent("#persist-status");
/** Waits until the page says that its `n` articles are kept (the save after the last change is done). */
const saved = (page, n) => page.waitForFunction((k) => document.querySelector("#persist-status").textContent.startsWith(`Your workspace (${k} article`), n);

test("served: a reload restores the articles, the parts put back and the entity changes; clear-all clears", async () => {
  const { context, page, log } = await watchedPage(browser, server.origin);
  await open(page);
  let n = await runCount(page);
  await page.click("#load-examples");
  await waitForRun(page, n);
  n = await runCount(page);
  await openView(page, "articles"); // the set-aside parts are shown in the articles view
  const restoreButton = page.locator("button.restore").first();
  const restoredId = await restoreButton.evaluate((b) => b.closest(".card").dataset.id);
  await restoreButton.click();
  await waitForRun(page, n);
  n = await runCount(page);
  await openView(page, "entities"); // the joined names are in the entities view
  const variant = await page.locator(".merged-entity .variant").first().getAttribute("data-variant");
  await page.locator(".merged-entity button.split").first().click();
  await waitForRun(page, n);
  await paste(page, STORY(1));
  await saved(page, 6);
  const before = await listIds(page);
  assert.equal(before.length, 6);

  await page.reload();
  await page.waitForSelector("body[data-ready='1']");
  await waitForRun(page, 0);
  assert.deepEqual(await listIds(page), before, "the same articles in the same order");
  assert.match(await page.textContent(`#article-list li[data-id='${restoredId}']`), /1 restored/);
  await openView(page, "entities"); // the changes to the entities are listed there
  assert.deepEqual(await page.$$eval("#overrides li", (l) => l.map((e) => e.textContent)), [`split off “${variant}” undo`]);
  assert.match(await persistText(page), /Restored your workspace: 6 articles and 1 change to the entities\./);
  // Pasted ids go on from the restored counter.
  await paste(page, STORY(2));
  assert.deepEqual((await listIds(page)).slice(-2), ["pasted-1", "pasted-2"]);

  await page.click("#clear");
  assert.deepEqual(await listIds(page), []);
  await page.waitForTimeout(500);
  await page.reload();
  await page.waitForSelector("body[data-ready='1']");
  await page.waitForTimeout(300);
  assert.deepEqual(await listIds(page), [], "nothing comes back after clear-all");
  assert.equal(await page.locator("#persist-status").isHidden(), true);
  assert.deepEqual(log.blocked, []);
  await context.close();
});

test("served: a full quota loses nothing on the page, says so, and the next save catches up", async () => {
  const { context, page } = await watchedPage(browser, server.origin);
  await context.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      if (window.__quota) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      return put.apply(this, args);
    };
  });
  await open(page);
  await paste(page, STORY(1));
  await saved(page, 1);
  await page.evaluate(() => { window.__quota = true; });
  await paste(page, STORY(2));
  await page.waitForFunction(() => /^Not saved/.test(document.querySelector("#persist-status").textContent));
  assert.match(await persistText(page), /^Not saved: the browser's storage for this page is full\. Your 2 articles and changes are still on this page/);
  assert.equal(await page.getAttribute("#persist-status", "class"), "persist-status problem");
  assert.deepEqual(await listIds(page), ["pasted-1", "pasted-2"], "nothing the user sees is lost");
  await openView(page, "articles");
  assert.equal(await page.locator(".card").count(), 2);
  await page.evaluate(() => { window.__quota = false; });
  await paste(page, STORY(3));
  await saved(page, 3);
  await page.reload();
  await page.waitForSelector("body[data-ready='1']");
  await waitForRun(page, 0);
  assert.deepEqual(await listIds(page), ["pasted-1", "pasted-2", "pasted-3"], "the article not saved then is saved now");
  await context.close();
});

test("served: damaged records are set aside, not deleted; the rest is restored and the page says so", async () => {
  const { context, page } = await watchedPage(browser, server.origin);
  await open(page);
  await paste(page, STORY(1));
  await paste(page, STORY(2));
  await saved(page, 2);
  await page.evaluate(() => new Promise((resolve, reject) => {
    const req = indexedDB.open("storydiff");
    req.onsuccess = () => {
      const tx = req.result.transaction(["articles", "meta"], "readwrite");
      tx.objectStore("articles").put({ id: "pasted-1", text: 42 }, "pasted-1");
      tx.objectStore("articles").put("not an article", "zzz");
      tx.objectStore("meta").put("garbage", "workspace");
      tx.oncomplete = () => { req.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }));
  await page.reload();
  await page.waitForSelector("body[data-ready='1']");
  await waitForRun(page, 0);
  assert.deepEqual(await listIds(page), ["pasted-2"]);
  assert.match(await persistText(page), /Restored your workspace: 1 article\. 3 saved records were damaged and could not be read; they were set aside in the browser's storage, not deleted\./);
  const aside = await page.evaluate(() => new Promise((resolve) => {
    const req = indexedDB.open("storydiff");
    req.onsuccess = () => {
      const all = req.result.transaction("damaged").objectStore("damaged").getAll();
      all.onsuccess = () => resolve(all.result.map((d) => `${d.store}/${d.key}`).sort());
    };
  }));
  assert.deepEqual(aside, ["articles/pasted-1", "articles/zzz", "meta/workspace"]);
  // Pasting goes on without clashing with the restored ids.
  await paste(page, STORY(3));
  assert.equal(new Set(await listIds(page)).size, 2);
  await context.close();
});

test("served: a browser that refuses storage: the page works and says the workspace is not kept", async () => {
  const { context, page } = await watchedPage(browser, server.origin);
  await context.addInitScript(() => {
    IDBFactory.prototype.open = () => { throw new DOMException("The user denied permission to access the database.", "SecurityError"); };
  });
  await open(page);
  assert.match(await persistText(page), /^Your workspace is not kept in this browser: the browser refused the storage \(SecurityError\)\. What you add stays on this page/);
  await paste(page, STORY(1));
  await openView(page, "articles");
  assert.equal(await page.locator(".card").count(), 1);
  await context.close();
});

test("single file from file://: the workspace is kept, or the page says plainly that it is not", async () => {
  const { context, page } = await watchedPage(browser, "file");
  const url = pathToFileURL(path.join(DIST, "storydiff.html")).href;
  await open(page, url);
  await paste(page, STORY(1));
  await page.waitForFunction(() => !document.querySelector("#persist-status").hidden);
  const said = await persistText(page);
  await page.reload();
  await page.waitForSelector("body[data-ready='1']");
  await page.waitForTimeout(500);
  const ids = await listIds(page);
  console.log(`single file from file://: ${ids.length ? "kept" : "not kept"} — ${said}`);
  if (ids.length) assert.deepEqual(ids, ["pasted-1"]);
  else assert.match(said, /^Your workspace is not kept in this browser/);
  await context.close();
});
