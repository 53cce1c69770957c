//! Reading a host element's attributes: the language of the page, optional values.

use batayan_core::locale::Lang;
use web_sys::HtmlElement;

/// The widget's language: the element's own `lang`, else the page's choice for every widget
/// (`<meta name="batayan-lang" content="en">`), else Bangla. The page's `<html lang>` is not read:
/// government portals declare `lang="en"` whatever the language of their pages, and a Bangla page's
/// widgets must not come out in English. A tag we do not speak (`lang="fr"`) is Bangla too.
pub fn language(host: &HtmlElement) -> Lang {
    let own = host.get_attribute("lang");
    let page = || {
        let meta = host.owner_document()?.query_selector(&format!("meta[name='{PAGE_LANGUAGE}']")).ok()??;
        meta.get_attribute("content")
    };
    own.or_else(page).as_deref().and_then(Lang::from_tag).unwrap_or_default()
}

/// The `<meta name>` with which a page sets every widget's language.
pub const PAGE_LANGUAGE: &str = "batayan-lang";

/// A non-blank attribute, trimmed.
pub fn text(host: &HtmlElement, name: &str) -> Option<String> {
    host.get_attribute(name).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}
