//! CSV files as spreadsheets open them: UTF-8 with a byte-order mark (so that Excel reads
//! the accents right), lines ended by CRLF, every text cell quoted and never read as a
//! formula. Imports no domain.

use crate::{error::AppError, i18n::Locale};

/// A text cell: quoted, with quotes doubled, and never starting as a spreadsheet formula
/// (`= + - @`, a tab or a carriage return get a leading apostrophe).
pub fn cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// The separator asked for (`semicolon` or `comma`), else the one Excel expects in the
/// person's language: `;` in French and Dutch, `,` in English.
pub fn separator(asked: Option<&str>, locale: Locale) -> Result<&'static str, AppError> {
    match asked {
        Some("semicolon") => Ok(";"),
        Some("comma") => Ok(","),
        None | Some("") if locale == Locale::En => Ok(","),
        None | Some("") => Ok(";"),
        Some(_) => Err(AppError::Invalid("malformed".into())),
    }
}

/// The file: a byte-order mark, then each line's cells (already made with [`cell`] or
/// numbers) joined by `sep`.
pub fn document(lines: &[Vec<String>], sep: &str) -> Vec<u8> {
    let mut body = String::from("\u{feff}");
    for line in lines {
        body.push_str(&line.join(sep));
        body.push_str("\r\n");
    }
    body.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_and_never_formulas() {
        assert_eq!(cell("Doudous \"câlins\""), "\"Doudous \"\"câlins\"\"\"");
        assert_eq!(cell("=HYPERLINK(1)"), "\"'=HYPERLINK(1)\"");
        assert_eq!(cell("-3"), "\"'-3\"");
        assert_eq!(cell("@x"), "\"'@x\"");
    }

    #[test]
    fn the_file_starts_with_a_byte_order_mark() {
        let file = document(&[vec![cell("é"), "2".into()]], ";");
        assert_eq!(String::from_utf8(file).unwrap(), "\u{feff}\"é\";2\r\n");
    }
}
