// index.html names every module of the page in a <link rel="modulepreload">, so that the browser
// fetches them all at once instead of one level of imports after another: the list must be
// the modules main.js and engine.js import, directly or not, no more and no fewer.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./helpers.mjs";

const WWW = path.join(ROOT, "www");

/** The www/ modules `file` imports, directly or not (`file` itself apart). */
function importsOf(file, seen = new Set()) {
  const src = readFileSync(path.join(WWW, file), "utf8");
  for (const [, spec] of src.matchAll(/^import [^;]* from "\.\/([\w-]+\.js)";$/gm)) {
    if (!seen.has(spec)) {
      seen.add(spec);
      importsOf(spec, seen);
    }
  }
  return seen;
}

test("index.html preloads exactly the modules the page imports", () => {
  const html = readFileSync(path.join(ROOT, "index.html"), "utf8");
  const preloaded = [...html.matchAll(/<link rel="modulepreload" href="www\/([\w-]+\.js)">/g)].map((m) => m[1]);
  assert.equal(new Set(preloaded).size, preloaded.length, "a module is preloaded twice");
  const imported = new Set([...importsOf("main.js"), ...importsOf("engine.js")]);
  for (const entry of ["main.js", "engine.js"]) imported.delete(entry);
  assert.deepEqual(new Set(preloaded), imported);
});

test("the analysis worker asks for every module of its code at once", () => {
  // worker.js starts compiling the wasm first, then imports its code dynamically: the modules
  // those import must be in the same list, or they are fetched one level later.
  const src = readFileSync(path.join(WWW, "worker.js"), "utf8");
  const asked = [...src.matchAll(/import\("\.\/([\w-]+\.js)"\)/g)].map((m) => m[1]);
  assert.ok(asked.includes("worker-core.js"), "worker.js imports its core");
  const needed = new Set(asked);
  for (const file of asked) for (const m of importsOf(file)) needed.add(m);
  assert.deepEqual(new Set(asked), needed);
});
