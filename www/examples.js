// The "Load examples" button: adds the bundled example articles that are not on the page yet.
// Where they come from is the caller's: fetched from seeds/ (served build) or inlined (single file).
import { addExamples } from "./store.js";

/**
 * Wires `button` to add the articles `loadExamples()` resolves to ([{id, name, text}]); an
 * address ending in #examples loads them at once. Returns {loading()}: whether examples are
 * being loaded (their analysis is then on its way).
 */
export function wireExamples(button, store, loadExamples) {
  let loading = 0;
  button.addEventListener("click", async () => {
    button.disabled = true;
    loading += 1;
    try {
      store.update(() => ({ status: { text: "Loading the example articles…", cancellable: false } }));
      const list = await loadExamples();
      store.update((s) => addExamples(s, list));
    } catch (e) {
      store.update(() => ({ status: null, error: { text: `Could not load the examples: ${e.message}` } }));
    } finally {
      loading -= 1;
      button.disabled = false;
    }
  });
  // A link to page.html#examples opens the page with the examples loaded.
  if (location.hash === "#examples") button.click();
  return { loading: () => loading > 0 };
}
