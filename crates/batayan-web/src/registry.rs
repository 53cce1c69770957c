//! Every custom element Batayan defines, with the attributes it observes: one list, which the loader
//! (`js/batayan.js`) and the manifest portal developers read (`pkg-config/custom-elements.json`) must
//! match — the tests below hold them to it. Which module holds an element's code is the loader's
//! business (it can depend on attributes, like the APA table's `mode`).

/// One custom element: its tag and the attributes whose changes it reacts to.
#[derive(Debug)]
pub struct ElementSpec {
    pub name: &'static str,
    pub attributes: &'static [&'static str],
}

pub const ELEMENTS: [ElementSpec; 7] = [
    ElementSpec { name: "batayan-fiscal-year", attributes: &["date", "lang"] },
    ElementSpec { name: "batayan-apa-table", attributes: &["src", "report-src", "submit-url", "mode", "period", "timeout", "lang"] },
    ElementSpec { name: "batayan-innovation-entry", attributes: &["submit-url", "timeout", "lang"] },
    ElementSpec { name: "batayan-innovation-judging", attributes: &["src", "submit-url", "timeout", "lang"] },
    ElementSpec { name: "batayan-innovation-showcase", attributes: &["src", "results-src", "timeout", "lang"] },
    ElementSpec { name: "batayan-minutes", attributes: &["src", "mode", "submit-url", "timeout", "lang"] },
    ElementSpec { name: "batayan-decisions", attributes: &["src", "submit-url", "timeout", "lang"] },
];

#[cfg(test)]
mod tests {
    /// `js/batayan.js` defines every element before any Wasm loads, from its own list: that list must
    /// name exactly the tags and observed attributes of this registry.
    #[test]
    fn the_loader_lists_every_element_with_its_attributes() {
        let loader = include_str!("../js/batayan.js");
        for spec in super::ELEMENTS {
            let attributes: Vec<String> = spec.attributes.iter().map(|a| format!("'{a}'")).collect();
            let entry = format!("{{ name: '{}', attributes: [{}],", spec.name, attributes.join(", "));
            assert!(loader.contains(&entry), "js/batayan.js lacks {entry}");
        }
        assert_eq!(loader.matches("{ name: 'batayan-").count(), super::ELEMENTS.len(), "no element the registry does not know");
    }

    /// The manifest portal developers read (`pkg-config/custom-elements.json`) lists exactly the
    /// attributes each element observes.
    #[test]
    fn the_manifest_lists_every_observed_attribute() {
        let manifest: serde_json::Value = serde_json::from_str(include_str!("../../../pkg-config/custom-elements.json")).expect("valid JSON");
        let declarations = manifest["modules"][0]["declarations"].as_array().expect("declarations");
        for spec in super::ELEMENTS {
            let declared = declarations.iter().find(|d| d["tagName"] == spec.name).unwrap_or_else(|| panic!("{} is not in the manifest", spec.name));
            let names: Vec<&str> = declared["attributes"].as_array().expect("attributes").iter().filter_map(|a| a["name"].as_str()).collect();
            assert_eq!(names, spec.attributes, "<{}>", spec.name);
        }
    }
}
