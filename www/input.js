// The ways articles come in: pasted text, files from the picker, and files or whole folders
// dropped on the page. Files are read as bytes and decoded by the engine (which detects
// their encoding); every article goes into the store, which schedules the analysis.
import { addArticles, addPasted } from "./store.js";

const ACCEPT = /\.(txt|text|html?|xhtml|md|markdown)$/i;
/** The size limit of one article, as the engine's (storydiff::DEFAULT_MAX_BYTES): 1 MB. */
export const MAX_BYTES = 1024 * 1024;

/** Wires the paste box, the file picker and the drop zone to `store`. */
export function wireInput(ui, store, decode) {
  const addFiles = (entries) => addFileEntries(store, decode, entries);
  ui.add.addEventListener("click", () => {
    const text = ui.paste.value;
    const title = ui.pasteTitle.value;
    store.update((s) => addPasted(s, text, title));
    if (!text.trim()) return;
    ui.paste.value = "";
    ui.pasteTitle.value = "";
  });
  ui.picker.addEventListener("change", async () => {
    const files = [...ui.picker.files];
    ui.picker.value = "";
    await addFiles(files.map((file) => ({ file, path: file.name })));
  });
  wireDrop(ui.drop, ui.picker, addFiles);
}

/** The drop zone: files and folders dropped on it; Enter or Space opens the picker. */
function wireDrop(zone, picker, addFiles) {
  for (const ev of ["dragenter", "dragover"]) {
    zone.addEventListener(ev, (e) => {
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = "copy";
      zone.classList.add("over");
    });
  }
  zone.addEventListener("keydown", (e) => {
    if (e.target === zone && (e.key === "Enter" || e.key === " ")) {
      e.preventDefault();
      picker.click();
    }
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", async (e) => {
    e.preventDefault();
    zone.classList.remove("over");
    await addFiles(await droppedFiles(e.dataTransfer));
  });
  // Dropping outside the zone must not navigate away from the page.
  window.addEventListener("dragover", (e) => e.preventDefault());
  window.addEventListener("drop", (e) => e.preventDefault());
}

/** Reads and adds files ({file, path}); the ones that cannot be read are skipped, and said so. */
async function addFileEntries(store, decode, entries) {
  store.update(() => ({ error: null }));
  if (entries.length === 0) {
    return store.update(() => ({ error: { text: "Nothing to add: no .txt, .html, .htm or .md files were found in what was dropped." } }));
  }
  const { loaded, skipped } = await readFiles(entries, decode);
  const error = skipped.length ? { error: { text: `Skipped ${skipped.length} file(s): ${skipped.join("; ")}` } } : {};
  store.update((s) => ({ ...(loaded.length ? addArticles(s, loaded) : {}), ...error }));
}

/** Decodes the supported files, sorted by path; says why each other one is skipped. */
async function readFiles(entries, decode) {
  const skipped = [];
  const loaded = [];
  for (const { file, path } of entries) {
    if (!ACCEPT.test(file.name)) {
      skipped.push(`${path} (only .txt, .html, .htm and .md files)`);
      continue;
    }
    if (file.size > MAX_BYTES) {
      skipped.push(`${path}: ${megabytes(file.size)} is over the size limit of ${megabytes(MAX_BYTES)}; split it`);
      continue;
    }
    try {
      // The engine refuses other formats ("looks like a PNG image, not text") by name.
      const { text, encoding, warnings } = await decode(await file.arrayBuffer(), path);
      loaded.push({ id: file.name.replace(/\.[^.]*$/, ""), name: path, text, encoding, warnings });
    } catch (e) {
      skipped.push(e.message.startsWith(path) ? e.message : `${path}: ${e.message}`);
    }
  }
  loaded.sort((a, b) => a.name.localeCompare(b.name));
  return { loaded, skipped };
}

/** `2.5 MB`: a size as people read it. */
export function megabytes(bytes) {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;
}

/** The files of a drop: plain files and the supported files inside dropped folders. */
export async function droppedFiles(dt) {
  if (!dt) return [];
  const items = [...(dt.items || [])].filter((i) => i.kind === "file");
  // Entries must be taken synchronously, before the first await.
  const entries = items.map((i) => (i.webkitGetAsEntry ? i.webkitGetAsEntry() : null));
  const plain = items.map((i) => i.getAsFile());
  const out = [];
  for (let k = 0; k < items.length; k++) {
    const entry = entries[k];
    if (entry && entry.isDirectory) await walk(entry, out);
    else if (plain[k]) out.push({ file: plain[k], path: plain[k].name });
  }
  if (items.length === 0) for (const file of dt.files || []) out.push({ file, path: file.name });
  return out;
}

/** Appends the supported files under folder entry `dir` to `out`, depth first. */
async function walk(dir, out) {
  const reader = dir.createReader();
  for (;;) {
    const batch = await new Promise((res, rej) => reader.readEntries(res, rej));
    if (batch.length === 0) break;
    for (const entry of batch) {
      if (entry.isDirectory) await walk(entry, out);
      else if (ACCEPT.test(entry.name)) {
        const file = await new Promise((res, rej) => entry.file(res, rej));
        out.push({ file, path: entry.fullPath.replace(/^\//, "") });
      }
    }
  }
}
