// batayan.js — the one file a portal includes:
//
//   <script type="module" src="/batayan/batayan.js"></script>
//   <batayan-fiscal-year date="২৭ ডিসেম্বর ২০২৩"></batayan-fiscal-year>
//
// It starts the Wasm module and defines one custom element class per entry of elementSpecs().
// Everything else (attributes → props, shadow root, styles, rendering) happens in Rust; this file only
// forwards the custom-element lifecycle. Content written inside an element stays visible until the
// element is defined, so a page can say "loading…" or give a plain-text fallback for when scripts fail.

import init, { elementSpecs, mountElement } from './batayan_elements.js';

const PREFIX = 'batayan';

function defineElement({ name, attributes }) {
  if (customElements.get(name)) {
    // Another copy of the package on the page got there first; a second define() would throw.
    console.warn(`${PREFIX}: <${name}> is already defined; keeping the first definition.`);
    return;
  }
  customElements.define(name, class extends HTMLElement {
    static observedAttributes = attributes;
    #mounted = null;
    #pending = false;

    connectedCallback() {
      if (this.#mounted) return;
      try {
        this.#mounted = mountElement(this);
      } catch (error) {
        console.error(`${PREFIX}: <${name}> could not start:`, error);
        this.dispatchEvent(new CustomEvent(`${PREFIX}:error`, {
          bubbles: true, composed: true, detail: { message: String(error?.message ?? error) },
        }));
      }
    }

    disconnectedCallback() {
      this.#mounted?.destroy();
      this.#mounted?.free();
      this.#mounted = null;
    }

    attributeChangedCallback() {
      // Several attributes set one after another become one update, in a microtask.
      if (!this.#mounted || this.#pending) return;
      this.#pending = true;
      queueMicrotask(() => {
        this.#pending = false;
        this.#mounted?.attributeChanged();
      });
    }
  });
}

/** Resolves when every element is defined; rejects (after logging) if the Wasm could not start. */
export const ready = init()
  .then(() => { for (const spec of elementSpecs()) defineElement(spec); })
  .catch((error) => {
    console.error(`${PREFIX}: the widgets could not start:`, error);
    throw error;
  });
