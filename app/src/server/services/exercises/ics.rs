//! RFC 5545 output: one VCALENDAR of VEVENTs with a stable UID per exercise, SEQUENCE, DTSTAMP
//! and UTC times; text escaped and lines folded at 75 octets.

use chrono::{DateTime, Utc};
use uuid::Uuid;

/// One calendar entry.
pub struct Event<'a> {
    pub id: Uuid,
    pub sequence: i32,
    pub stamp: DateTime<Utc>,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub summary: &'a str,
    pub location: &'a str,
    pub status: &'a str,
}

fn utc(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// Escapes TEXT values (RFC 5545 §3.3.11).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` folded at 75 octets (never inside a UTF-8 sequence), with CRLF.
fn push_folded(out: &mut String, line: &str) {
    let mut count = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if count + n > 75 {
            out.push_str("\r\n ");
            count = 1;
        }
        out.push(c);
        count += n;
    }
    out.push_str("\r\n");
}

/// The iCalendar status of an exercise status.
pub fn status(raw: &str) -> &'static str {
    match raw {
        "cancelled" => "CANCELLED",
        "approved" | "in_progress" | "completed" => "CONFIRMED",
        _ => "TENTATIVE",
    }
}

/// The whole calendar.
pub fn calendar(name: &str, events: &[Event<'_>]) -> String {
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Muster//Exercise calendar//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        push_folded(&mut out, line);
    }
    push_folded(&mut out, &format!("X-WR-CALNAME:{}", escape(name)));
    for e in events {
        push_folded(&mut out, "BEGIN:VEVENT");
        push_folded(&mut out, &format!("UID:{}@muster", e.id));
        push_folded(&mut out, &format!("SEQUENCE:{}", e.sequence));
        push_folded(&mut out, &format!("DTSTAMP:{}", utc(e.stamp)));
        push_folded(&mut out, &format!("DTSTART:{}", utc(e.start)));
        push_folded(&mut out, &format!("DTEND:{}", utc(e.end)));
        push_folded(&mut out, &format!("SUMMARY:{}", escape(e.summary)));
        push_folded(&mut out, &format!("LOCATION:{}", escape(e.location)));
        push_folded(&mut out, &format!("STATUS:{}", status(e.status)));
        push_folded(&mut out, "END:VEVENT");
    }
    push_folded(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_long_lines_fold_without_splitting_characters() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        let mut out = String::new();
        let long = format!("SUMMARY:{}", "ż".repeat(60));
        push_folded(&mut out, &long);
        for line in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{} octets", line.len());
        }
        assert_eq!(out.replace("\r\n ", "").trim_end(), long);
    }

    #[test]
    fn a_calendar_has_one_event_per_exercise_in_utc() {
        let t = DateTime::parse_from_rfc3339("2031-05-01T06:00:00Z")
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default();
        let ics = calendar(
            "Mine",
            &[Event {
                id: Uuid::nil(),
                sequence: 3,
                stamp: t,
                start: t,
                end: t + chrono::Duration::days(2),
                summary: "X-1 — Test",
                location: "Base",
                status: "approved",
            }],
        );
        assert!(ics.contains("DTSTART:20310501T060000Z\r\n"));
        assert!(ics.contains("SEQUENCE:3\r\n"));
        assert!(ics.contains("STATUS:CONFIRMED\r\n"));
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
    }
}
