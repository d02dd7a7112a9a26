// Second half of scripts/build: copies the seeds with a manifest into dist/seeds/, and writes
// dist/storydiff.html, one self-contained page: the no-modules wasm-bindgen glue, the wasm
// and the language pack (--pack) deflated and in base64 (the worker inflates them with
// DecompressionStream, the pack only when an article needs it), the page modules
// (imports and exports stripped, wrapped in one function scope), the seeds, and the CSS, all
// inline, allowed by sha256 hashes in a CSP with connect-src 'none'.
// The analysis runs in a worker from a Blob URL (worker-src blob:), which inherits that CSP.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync, readdirSync, copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { deflateRawSync, constants as zlibConstants } from "node:zlib";
import { parseArgs } from "node:util";

const { values: opt } = parseArgs({
  options: {
    seeds: { type: "string", default: "seeds" },
    out: { type: "string", default: "dist" },
    glue: { type: "string" },
    wasm: { type: "string" },
    pack: { type: "string" },
    root: { type: "string", default: "." },
  },
});
const root = path.resolve(opt.root);
const read = (p) => readFileSync(path.resolve(root, p), "utf8");
const fail = (msg) => { console.error(`build-single: ${msg}`); process.exit(1); };

// ---- seeds ---------------------------------------------------------------------------
const SEED = /\.(txt|html?|md)$/i;
const seedFiles = readdirSync(path.resolve(root, opt.seeds)).filter((f) => SEED.test(f) && !/^readme/i.test(f)).sort();
if (seedFiles.length === 0) fail(`no example articles in ${opt.seeds}/`);
const seedsOut = path.resolve(root, opt.out, "seeds");
mkdirSync(seedsOut, { recursive: true });
const seeds = seedFiles.map((file) => {
  copyFileSync(path.resolve(root, opt.seeds, file), path.join(seedsOut, file));
  return { id: file.replace(/\.[^.]*$/, ""), name: file, text: read(path.join(opt.seeds, file)) };
});
// The manifest carries the texts too: "Load examples" is one request (each file is there as well).
writeFileSync(path.join(seedsOut, "manifest.json"),
  JSON.stringify({ articles: seeds.map(({ id, name, text }) => ({ id, file: name, text })) }, null, 2) + "\n");

// ---- the single file -------------------------------------------------------------------
if (!opt.glue || !opt.wasm) fail("--glue and --wasm are required");
// The modules share one scope there, in this order (each after the ones it imports): their
// top-level names must differ.
const MODULES = ["offsets", "render", "bridge", "pool", "store", "runner", "tabs", "overview", "side", "facts", "view", "drop-progress", "input", "examples", "persist", "export-panel", "app"]
  .map((m) => `www/${m}.js`);
let declared = new Map();
const moduleBody = (file) => {
  const src = read(file);
  const multi = src.match(/^(import|export \{)[^;]*$/m);
  if (multi) fail(`${file}: imports and re-exports must fit on one line (${multi[0]})`);
  for (const [, name] of src.matchAll(/^(?:export )?(?:async )?(?:function\*?|const|let|var|class) ([\w$]+)/gm)) {
    if (declared.has(name)) fail(`${file}: ${name} is also declared in ${declared.get(name)}; the single file needs distinct top-level names`);
    declared.set(name, file);
  }
  const body = src.replace(/^(import [^;]*|export \{[^;]*\} from [^;]*);[ \t]*(\/\/.*)?$/gm, "").replace(/^export (default )?/gm, "");
  if (/^(import|export) /m.test(body)) fail(`${file}: an import or export is left: ${body.match(/^(import|export) .*$/m)[0]}`);
  return `// ---- ${file}\n` + body;
};
// The worker of the single file, started from a Blob URL: the no-modules glue, the exports
// (export.js and the offsets it imports), the worker core, and a tail that loads the wasm the
// page posts first, then shuts the network off.
const workerSrc = [
  read(opt.glue),
  "(() => {",
  '"use strict";',
  read("www/offsets.js").replace(/^export /gm, ""),
  read("www/export.js").replace(/^import [^;]*;$/gm, "").replace(/^export /gm, ""),
  read("www/worker-core.js").replace(/^export /gm, ""),
  "const inflate = (bytes) => new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream(\"deflate-raw\"))).arrayBuffer();",
  "let packDeflated = null;",
  "const load = new Promise((resolve, reject) => {",
  "  self.addEventListener(\"message\", function first({ data }) {",
  "    if (!data || !data.wasm) return;",
  "    self.removeEventListener(\"message\", first);",
  "    packDeflated = data.pack || null; // inflated and loaded when an article needs it",
  "    // The page posts the wasm deflated (raw DEFLATE): inflate it as a stream, compile it off",
  "    // the page's thread, then shut the network off before any article is read.",
  "    timed(\"storydiff:compile\", () => inflate(data.wasm).then((bytes) => WebAssembly.compile(bytes)))",
  "      .then((module) => { timed(\"storydiff:instantiate\", () => wasm_bindgen.initSync({ module })); lockNetwork(self); resolve(); })",
  "      .catch(reject);",
  "  });",
  "});",
  "const fetchPack = () => packDeflated ? inflate(packDeflated) : Promise.reject(new Error(\"this build carries no language pack\"));",
  "serveEngine(self, wasm_bindgen, () => load, exportReport, fetchPack);",
  "})();",
].join("\n");
// The wasm, deflated: base64 of compressed bytes costs about as much in a gzipped page as the
// compressed bytes themselves, while base64 of the raw module gzips poorly.
const wasmRaw = readFileSync(path.resolve(root, opt.wasm));
const wasmDeflated = deflateRawSync(wasmRaw, { level: 9, memLevel: 9, strategy: zlibConstants.Z_DEFAULT_STRATEGY });
console.log(`build-single: wasm ${wasmRaw.length} bytes, ${wasmDeflated.length} deflated`);
// The language pack (the word lists English text never needs), deflated the same way.
const deflate = (bytes) => deflateRawSync(bytes, { level: 9, memLevel: 9, strategy: zlibConstants.Z_DEFAULT_STRATEGY });
const packDeflated = opt.pack ? deflate(readFileSync(path.resolve(root, opt.pack))) : null;
if (packDeflated) console.log(`build-single: language pack ${readFileSync(path.resolve(root, opt.pack)).length} bytes, ${packDeflated.length} deflated`);
// JSON that is safe inside <script>: no "</script", no U+2028/9 surprises.
const json = (x) => JSON.stringify(x).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
// The first script, in <head>: starts the worker before the rest of the file is read; the
// second, right after it, posts it the wasm (www/single-start.js).
const startJs = [
  "const STORYDIFF_START = (() => {",
  '"use strict";',
  read("www/single-start.js"),
  `return startEarly(${json(workerSrc)});`,
  "})();",
].join("\n");
if (/<\/script/i.test(startJs)) fail("the first inline script contains '</script'");
const wasmJs = `STORYDIFF_START.send("${wasmDeflated.toString("base64")}", ${packDeflated ? `"${packDeflated.toString("base64")}"` : "null"});`;
const js = [
  "(() => {",
  '"use strict";',
  `const STORYDIFF_SEEDS = ${json(seeds)};`,
  ...MODULES.map(moduleBody),
  "try {",
  read("www/single.js"),
  "} catch (e) {",
  '  const boot = document.getElementById("boot");',
  '  if (boot) { boot.className = "boot error"; boot.textContent = "storydiff could not start: " + (e && e.message ? e.message : e); }',
  "  throw e;",
  "}",
  "})();",
].join("\n");
if (/<\/script/i.test(js)) fail("the inline script contains '</script'");
const css = read("www/style.css");
if (/<\/style/i.test(css)) fail("the CSS contains '</style'");
const sha = (s) => `'sha256-${createHash("sha256").update(s, "utf8").digest("base64")}'`;
const csp = [
  "default-src 'none'",
  `script-src ${sha(startJs)} ${sha(wasmJs)} ${sha(js)} 'wasm-unsafe-eval'`,
  `style-src ${sha(css)}`,
  "img-src data:",
  "connect-src 'none'",
  "worker-src blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types storydiff-start storydiff-worker",
].join("; ");

let html = read("index.html");
const replaceOnce = (re, by, what) => {
  if (!re.test(html)) fail(`index.html: ${what} not found`);
  html = html.replace(re, by);
};
replaceOnce(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`, "CSP meta");
replaceOnce(/<link rel="stylesheet" href="www\/style.css">/, () => `<style>${css}</style>`, "stylesheet link");
replaceOnce(/^<script src="www\/boot.js"[^>]*><\/script>\n/m, "", "boot script");
replaceOnce(/^<script src="www\/start.js"><\/script>\n/m, () => `<script>${startJs}</script>\n<script>${wasmJs}</script>\n`, "worker start script");
replaceOnce(/^<script type="module" async src="www\/engine.js"><\/script>\n/m, "", "engine module script");
replaceOnce(/^<script type="module" src="www\/main.js"><\/script>\n/m, "", "module script");
replaceOnce(/^<!-- Every module[^\n]*\n(<link rel="modulepreload"[^>]*>\n)+/m, "", "module preloads");
replaceOnce(/<p id="boot" class="boot">[\s\S]*?<\/p>/, '<p id="boot" class="boot">Loading storydiff…</p>', "boot message");
replaceOnce(/<\/body>/, () => `<script>${js}</script>\n</body>`, "</body>");
if (/<script[^>]+src=|<link[^>]+(stylesheet|modulepreload)/i.test(html)) fail("an external script or stylesheet is left");
const out = path.resolve(root, opt.out, "storydiff.html");
writeFileSync(out, html);
console.log(`build-single: ${out} (${html.length} bytes, ${seeds.length} seeds)`);

// ---- the served page's modules in one script ----------------------------------------------
// dist/index.html loads the page's modules as one module script, dist/www/page.js (the same
// modules in the same order as above, then engine.js and main.js), instead of eighteen files:
// over HTTP/1.1 a browser opens six connections to a host, and the worker's own fetches (the
// script www/start.js starts it with, its code, the wasm) would wait behind the page's.
// The modules stay in dist/www/ as they are (the source index.html loads them one by one).
declared = new Map();
const bundle = [
  "// storydiff's page: www/*.js in one module (scripts/build-single.mjs); the sources are beside it.",
  '"use strict";',
  ...[...MODULES, "www/engine.js", "www/main.js"].map(moduleBody),
].join("\n");
writeFileSync(path.resolve(root, opt.out, "www/page.js"), bundle);
const servedHtml = path.resolve(root, opt.out, "index.html");
html = read("index.html"); // the source's, as scripts/build copied it
replaceOnce(/^<script type="module" async src="www\/engine.js"><\/script>\n/m, "", "engine module script");
replaceOnce(/^<script type="module" src="www\/main.js"><\/script>\n/m, '<script type="module" src="www/page.js"></script>\n', "module script");
replaceOnce(/^<!-- Every module[^\n]*\n(<link rel="modulepreload"[^>]*>\n)+/m, "", "module preloads");
writeFileSync(servedHtml, html);
console.log(`build-single: ${path.join(opt.out, "www/page.js")} (${bundle.length} bytes), loaded by ${path.join(opt.out, "index.html")}`);
