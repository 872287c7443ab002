//! CSV exports that open cleanly in spreadsheets: UTF-8 with a byte-order mark, RFC 4180
//! quoting, and cells that a spreadsheet would run as a formula (`= + - @`, tab, carriage
//! return) neutralised with a leading apostrophe. Pure.

/// Renders `header` and `rows` as CSV text (with BOM and CRLF line ends).
pub fn to_csv<R, C>(header: &[&str], rows: R) -> String
where
    R: IntoIterator<Item = C>,
    C: IntoIterator<Item = String>,
{
    let mut out = String::from('\u{feff}');
    push_row(&mut out, header.iter().map(|h| (*h).to_owned()));
    for row in rows {
        push_row(&mut out, row);
    }
    out
}

fn push_row(out: &mut String, cells: impl IntoIterator<Item = String>) {
    let mut first = true;
    for cell in cells {
        if !first {
            out.push(',');
        }
        first = false;
        out.push_str(&escape(&neutralise(cell)));
    }
    out.push_str("\r\n");
}

/// Prefixes a cell that a spreadsheet would evaluate.
pub fn neutralise(cell: String) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell,
    }
}

fn escape(cell: &str) -> String {
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exports_start_with_a_bom_and_quote_what_needs_quoting() {
        let csv = to_csv(
            &["name", "note"],
            vec![vec!["Kowalska, Anna".to_owned(), "said \"ok\"".to_owned()]],
        );
        assert!(csv.starts_with('\u{feff}'));
        assert_eq!(
            &csv[3..],
            "name,note\r\n\"Kowalska, Anna\",\"said \"\"ok\"\"\"\r\n"
        );
    }

    #[test]
    fn formula_cells_are_neutralised() {
        for bad in ["=1+1", "+33", "-2", "@SUM(A1)", "\tx"] {
            assert!(neutralise(bad.to_owned()).starts_with('\''), "{bad}");
        }
        assert_eq!(neutralise("Łódź".to_owned()), "Łódź");
        assert_eq!(neutralise("12".to_owned()), "12");
        let csv = to_csv(&["x"], vec![vec!["=HYPERLINK(\"http://evil\")".to_owned()]]);
        assert!(csv.contains("\"'=HYPERLINK(\"\"http://evil\"\")\""));
    }
}
