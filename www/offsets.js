// Offsets: the engine gives every span in code points of the text the user gave; a JS string
// is indexed in UTF-16 code units. No DOM and no imports: the page, the exports in the worker
// and `node --test` all use it, and the single file pastes it as it is (scripts/build-single.mjs).

/** Maps code point offsets of `text` to UTF-16 offsets (JS string indexes). */
export function codePointIndex(text) {
  const map = [0];
  let u = 0;
  for (const ch of text) {
    u += ch.length;
    map.push(u);
  }
  return (cp) => map[Math.max(0, Math.min(cp, map.length - 1))];
}
