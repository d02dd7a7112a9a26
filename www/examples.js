// The "Load examples" button: adds the bundled example articles that are not on the page yet.
// Where they come from is the caller's: fetched from seeds/ (served build) or inlined (single file).
import { addExamples } from "./store.js";

/**
 * Wires `button` to add the articles `loadExamples()` resolves to ([{id, name, text}]); an
 * address ending in #examples loads them at once.
 */
export function wireExamples(button, store, loadExamples) {
  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      store.update(() => ({ status: { text: "Loading the example articles…", cancellable: false } }));
      const list = await loadExamples();
      store.update((s) => addExamples(s, list));
    } catch (e) {
      store.update(() => ({ status: null, error: { text: `Could not load the examples: ${e.message}` } }));
    } finally {
      button.disabled = false;
    }
  });
  // A link to page.html#examples opens the page with the examples loaded.
  if (location.hash === "#examples") button.click();
}
