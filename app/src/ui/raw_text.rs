//! Text inside the elements whose children Leptos writes as they are, unescaped: tachys 0.2
//! treats `<textarea>` as raw text, and leptos_meta writes `<title>` the same way. Typed or
//! stored text such as `</textarea><form>` would close the element and become markup, so the
//! text of every textarea and title goes through [`raw_text`] (titles through
//! [`super::PageTitle`]).

/// `text` escaped for the inside of a `<textarea>` or `<title>`, where the browser decodes it
/// back.
pub fn raw_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::raw_text;

    #[test]
    fn markup_stays_text() {
        assert_eq!(
            raw_text("</textarea><h1>x</h1> & co"),
            "&lt;/textarea&gt;&lt;h1&gt;x&lt;/h1&gt; &amp; co"
        );
    }
}
