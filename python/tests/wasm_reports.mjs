// What the wasm build (dist/pkg, as the page loads it) returns, as JSON text, for the tests
// that check Python, CLI and wasm give the same reports.
//   node wasm_reports.mjs analyze|compare PKG_DIR < articles.jsonl   one JSON text per line
//   node wasm_reports.mjs canon < reports.jsonl                     each line re-serialized
// JSON.stringify is the common form: the page's objects and the CLI's text differ only
// in how numbers are spelled (3.0 / 3), which the re-serialization settles.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [command, arg] = process.argv.slice(2);
const lines = readFileSync(0, "utf8").split("\n").filter((l) => l.trim());
if (command === "canon") {
  for (const l of lines) console.log(JSON.stringify(JSON.parse(l)));
} else {
  const pkg = path.resolve(arg);
  const glue = await import(pathToFileURL(path.join(pkg, "storydiff.js")).href);
  glue.initSync({ module: readFileSync(path.join(pkg, "storydiff_bg.wasm")) });
  // The page's wasm has the word lists of other languages apart (the language pack), which its
  // worker loads when an article needs them: here they are loaded up front.
  const pack = path.join(pkg, "storydiff-languages.pack");
  if (glue.loadLanguagePack && existsSync(pack)) glue.loadLanguagePack(readFileSync(pack));
  const articles = lines.map((l) => JSON.parse(l));
  if (command === "analyze") for (const r of glue.analyze(articles)) console.log(JSON.stringify(r));
  else if (command === "compare") console.log(JSON.stringify(glue.compare(articles)));
  else throw new Error(`unknown command ${command}`);
}
