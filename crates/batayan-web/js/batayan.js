// batayan.js — the one file a portal includes:
//
//   <script type="module" src="/batayan/batayan.js"></script>
//   <batayan-fiscal-year date="২৭ ডিসেম্বর ২০২৩"></batayan-fiscal-year>
//
// It defines every element at once, from the list below, without waiting for any Wasm: a page can style
// `batayan-apa-table:not(:defined)`, and content written inside an element stays visible until the
// widget has rendered (a "loading…" line, or a plain-text fallback for when scripts fail). An element's
// code is fetched the first time such an element connects; elements that share a module share one
// download and one instance. Everything else (attributes → props, shadow root, styles, rendering)
// happens in Rust; this file only forwards the custom-element lifecycle.
//
// One module per kind of page, each hand-written DOM: dates (`batayan_dates`), the read-only APA table
// (`batayan_view`), one per APA form (`batayan_report`, `batayan_edit`), one per innovation element
// (`batayan_innovation_entry`, `_judging`, `_showcase`), and the minutes viewer, its editor and the
// decision register (`batayan_minutes`, `batayan_minutes_edit`, `batayan_decisions`).
// Which one an element needs can depend on its attributes: a citizen's `<batayan-apa-table>` (no
// `mode`) loads only the view, `mode="report"` only the report form. If the attribute changes later,
// the element is mounted again from the other module.

const PREFIX = 'batayan';
// The npm package (`cargo xtask dist`) rewrites these names to content-hashed ones, and fills
// INTEGRITY with each module's Wasm hash (what `fetch` then checks), so that a portal can cache the
// modules for good and be sure of what it runs.
const DATES = './batayan_dates.js';
const VIEW = './batayan_view.js';
const FORMS = { report: './batayan_report.js', edit: './batayan_edit.js' };
const INNOVATION_ENTRY = './batayan_innovation_entry.js';
const INNOVATION_JUDGING = './batayan_innovation_judging.js';
const INNOVATION_SHOWCASE = './batayan_innovation_showcase.js';
const MINUTES = { view: './batayan_minutes.js', edit: './batayan_minutes_edit.js' };
const DECISIONS = './batayan_decisions.js';
// Not an element's: the APA editor asks for it (`batayanModule('import')`) when a table is pasted.
const HELPERS = { import: './batayan_import.js' };
const INTEGRITY = {};

/** A form's module for the APA table's `mode`; any other value (none, `public`, a typo) is the view's to show. */
function apaModule(element) {
  const mode = (element.getAttribute('mode') ?? '').trim().toLowerCase();
  return Object.hasOwn(FORMS, mode) ? FORMS[mode] : VIEW;
}

/** The minutes' editor for `mode="edit"`; anything else is the viewer's to show. */
function minutesModule(element) {
  return (element.getAttribute('mode') ?? '').trim().toLowerCase() === 'edit' ? MINUTES.edit : MINUTES.view;
}

// Every element, the attributes it observes, and which module holds its code. Kept equal to the
// Rust registry (`batayan-web/src/registry.rs`) by a native test.
const ELEMENTS = [
  { name: 'batayan-fiscal-year', attributes: ['date', 'lang'], module: () => DATES },
  { name: 'batayan-apa-table', attributes: ['src', 'report-src', 'submit-url', 'mode', 'period', 'timeout', 'lang'], module: apaModule, reads: apaReads },
  { name: 'batayan-innovation-entry', attributes: ['submit-url', 'timeout', 'lang'], module: () => INNOVATION_ENTRY },
  { name: 'batayan-innovation-judging', attributes: ['src', 'submit-url', 'timeout', 'lang'], module: () => INNOVATION_JUDGING, reads: ['src'] },
  { name: 'batayan-innovation-showcase', attributes: ['src', 'results-src', 'timeout', 'lang'], module: () => INNOVATION_SHOWCASE, reads: ['src', 'results-src'] },
  { name: 'batayan-minutes', attributes: ['src', 'mode', 'submit-url', 'timeout', 'lang'], module: minutesModule, reads: ['src'] },
  { name: 'batayan-decisions', attributes: ['src', 'submit-url', 'timeout', 'lang'], module: () => DECISIONS, reads: ['src'] },
];

/** The APA table reads its agreement and the last report, but the editor only the agreement. */
function apaReads(element) {
  return apaModule(element) === FORMS.edit ? ['src'] : ['src', 'report-src'];
}

// While an element's module is still being fetched and compiled, the documents it will ask for are
// fetched and parsed already, and handed to the widget's own first request for the same address (see
// `batayan-web/src/net.rs`, `take_prefetched`): startup is then the longer of the two, not their sum,
// and the JSON is parsed while the main thread would only wait for the Wasm. A `<link rel=preload>`
// did the fetching before, but the widget's `fetch` then waited a task (and a frame) for the preloaded
// answer and parsed it on the critical path. The widget's timeout and cancelling reach this request
// through `take(signal)`; one nobody takes within a minute is given up.
const loaded = new Set();
const PREFETCHED = (globalThis[Symbol.for('batayan.prefetched')] ??= new Map());
const UNTAKEN_MS = 60_000;
function prefetch(element, reads) {
  const names = typeof reads === 'function' ? reads(element) : (reads ?? []);
  for (const name of names) {
    const address = element.getAttribute(name)?.trim();
    if (!address) continue;
    let url;
    try {
      url = new URL(address, document.baseURI).href;
    } catch {
      continue; // the widget explains a bad address itself
    }
    if (PREFETCHED.has(url)) continue;
    const controller = new AbortController();
    const answer = fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' }, signal: controller.signal })
      .then((response) => response.json().then(
        (body) => ({ status: response.status, body }),
        // A body that is not JSON is an answer without a body; one cut off by an abort is no answer.
        (error) => { if (controller.signal.aborted) throw error; return { status: response.status, body: null }; },
      ));
    answer.catch(() => {}); // the widget that takes it sees the failure
    const entry = {
      take(signal) {
        if (signal.aborted) controller.abort(signal.reason);
        signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
        return answer;
      },
    };
    PREFETCHED.set(url, entry);
    setTimeout(() => {
      if (PREFETCHED.get(url) !== entry) return;
      PREFETCHED.delete(url);
      controller.abort();
    }, UNTAKEN_MS);
  }
}

// One promise per module: fetched and instantiated once, on first use. The Wasm is requested at the
// same time as its JS glue, not after the glue has arrived and run: on a phone's link that is one
// round trip less before the table appears.
const modules = new Map();
function load(module) {
  if (!modules.has(module)) {
    const wasm = fetch(new URL(module.replace(/\.js$/, '_bg.wasm'), import.meta.url), { integrity: INTEGRITY[module] ?? '' });
    wasm.catch(() => {}); // reported through the glue's init below, not as an unhandled rejection
    modules.set(module, import(new URL(module, import.meta.url).href).then(async (glue) => {
      await glue.default({ module_or_path: wasm });
      loaded.add(module);
      return glue;
    }).catch((error) => {
      // Not kept: on a flaky link the next element that connects (or this one, put back) tries again.
      modules.delete(module);
      throw error;
    }));
  }
  return modules.get(module);
}

function defineElement({ name, attributes, module, reads }) {
  if (customElements.get(name)) {
    // Another copy of the package on the page got there first; a second define() would throw.
    console.warn(`${PREFIX}: <${name}> is already defined; keeping the first definition.`);
    return;
  }
  customElements.define(name, class extends HTMLElement {
    static observedAttributes = attributes;
    #mounted = null;
    #module = null;
    #pending = false;
    #connected = false;

    connectedCallback() {
      this.#connected = true;
      if (!this.#mounted) this.#mount();
    }

    #mount() {
      const wanted = module(this);
      if (!loaded.has(wanted)) prefetch(this, reads);
      load(wanted).then((glue) => {
        // It may have left the page, or been mounted by an earlier connect, while the code loaded.
        if (!this.#connected || this.#mounted) return;
        // An attribute changed what it needs while this module loaded: load that one instead.
        if (module(this) !== wanted) return this.#mount();
        this.#mounted = glue.mountElement(this);
        this.#module = wanted;
      }).catch((error) => {
        console.error(`${PREFIX}: <${name}> could not start:`, error);
        this.dispatchEvent(new CustomEvent(`${PREFIX}:error`, {
          bubbles: true, composed: true, detail: { message: String(error?.message ?? error) },
        }));
      });
    }

    #unmount() {
      this.#mounted?.destroy();
      this.#mounted?.free();
      this.#mounted = null;
      this.#module = null;
    }

    /** A helper module an element's code asks for when it needs it (the APA editor's importer). */
    batayanModule(role) {
      return Object.hasOwn(HELPERS, role) ? load(HELPERS[role]) : Promise.reject(new Error(`${PREFIX}: no module "${role}"`));
    }

    disconnectedCallback() {
      this.#connected = false;
      this.#unmount();
    }

    attributeChangedCallback() {
      // Several attributes set one after another become one update, in a microtask.
      if (!this.#mounted || this.#pending) return;
      this.#pending = true;
      queueMicrotask(() => {
        this.#pending = false;
        if (!this.#mounted) return;
        if (module(this) !== this.#module) {
          this.#unmount();
          this.#mount();
        } else {
          this.#mounted.attributeChanged();
        }
      });
    }
  });
}

for (const spec of ELEMENTS) defineElement(spec);

/** Resolves when every element is defined (at once: no code is loaded until an element needs it). */
export const ready = Promise.resolve();

/** The bytes of Wasm memory of the modules loaded so far: for `cargo xtask bench`. */
export async function wasmMemoryBytes() {
  const glues = await Promise.all(modules.values());
  const sizes = await Promise.all(glues.map(async (glue) => (await glue.default()).memory.buffer.byteLength));
  return sizes.reduce((a, b) => a + b, 0);
}
