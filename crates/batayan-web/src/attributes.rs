//! Reading a host element's attributes: the language of the page, optional values.

use batayan_core::locale::Lang;
use web_sys::HtmlElement;

/// The element's `lang`, else the closest ancestor's `lang` (as `:lang()` in CSS would), else
/// Bangla. A tag we do not speak (`lang="fr"`) falls back to Bangla too.
pub fn language(host: &HtmlElement) -> Lang {
    let tag = match host.closest("[lang]") {
        Ok(Some(el)) => el.get_attribute("lang"),
        _ => None,
    };
    tag.as_deref().and_then(Lang::from_tag).unwrap_or_default()
}

/// A non-blank attribute, trimmed.
pub fn text(host: &HtmlElement, name: &str) -> Option<String> {
    host.get_attribute(name).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}
