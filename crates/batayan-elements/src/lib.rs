//! The APA forms' modules: `<batayan-apa-table mode="report">` (`batayan_report`, cargo feature
//! `report`) and `mode="edit"` (`batayan_edit`, feature `edit`), written straight to the DOM with
//! `web-sys` like every other Batayan element, and the importer the editor loads when a table is
//! pasted (`batayan_import`, feature `import`). The loader, `batayan-web/js/batayan.js`, fetches the
//! module of the form an element asks for; a citizen's page (the read-only table, `batayan-view`)
//! never downloads any of them.
//!
//! The adapter stays thin: attributes are read into what a form needs, the rules (reading, checking,
//! scoring, importing, merging) are `batayan_core::apa`'s, drafts and submissions are
//! `batayan_web`'s, the one path every Batayan form shares.
//!
//! **Invariant:** nothing here panics on what a page, a person or a host gives us; a bad attribute or
//! answer is shown inside the element in the reader's language, and a failure to mount is a JS
//! exception with a message, never a trap that would take every widget on the page down with it.

// A build of one form leaves the pieces only the other uses unused; the build of both (tests, clippy)
// still reports real dead code.
#![cfg_attr(not(all(feature = "report", feature = "edit", feature = "import")), allow(dead_code, unused_imports, unused_variables))]

#[cfg(any(feature = "report", feature = "edit"))]
mod apa;
#[cfg(feature = "import")]
mod import;

#[cfg(feature = "import")]
pub use import::Section3Reading;

#[cfg(any(feature = "report", feature = "edit"))]
pub use forms::{MountedElement, mount_element};

/// The forms' entry point, absent from the importer's build.
#[cfg(any(feature = "report", feature = "edit"))]
mod forms {
    use batayan_web::widget::Widget;
    use wasm_bindgen::prelude::*;
    use web_sys::HtmlElement;

    use crate::apa;

    /// A mounted form, owned by its custom element in JS.
    #[wasm_bindgen]
    pub struct MountedElement {
        widget: Option<Box<dyn Widget>>,
    }

    impl std::fmt::Debug for MountedElement {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.debug_struct("MountedElement").field("mounted", &self.widget.is_some()).finish()
        }
    }

    #[wasm_bindgen]
    impl MountedElement {
        /// Re-reads the attributes: fetches again if an address changed, else mounts the form again.
        #[wasm_bindgen(js_name = attributeChanged)]
        pub fn attribute_changed(&mut self) {
            if let Some(widget) = self.widget.as_ref() {
                widget.attribute_changed();
            }
        }

        /// Writes the draft, gives up pending reads, empties the shadow root. Twice does nothing.
        pub fn destroy(&mut self) {
            if let Some(widget) = self.widget.take() {
                widget.destroy();
            }
        }
    }

    /// Mounts the form for `host`'s tag into its shadow root.
    #[wasm_bindgen(js_name = mountElement)]
    pub fn mount_element(host: HtmlElement) -> Result<MountedElement, JsError> {
        let tag = host.local_name();
        let widget = match tag.as_str() {
            "batayan-apa-table" => apa::ApaForms::mount(host),
            _ => return Err(JsError::new(&format!("batayan: <{tag}> is not one of our elements"))),
        };
        let widget = widget.map_err(|e| JsError::new(&format!("batayan: could not mount <{tag}>: {e:?}")))?;
        Ok(MountedElement { widget: Some(Box::new(widget)) })
    }
}
