//! Markdown → sanitised HTML for lesson content; pure: must not import I/O, the database or
//! Leptos, and must never pass author-supplied HTML through.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, html};

/// Renders Markdown (CommonMark plus tables and strikethrough) to HTML that is safe to inject:
/// raw HTML, block or inline, is shown as escaped text; link targets other than http, https,
/// mailto or relative URLs become `#`; images with such sources are dropped, keeping their alt
/// text. Heading attributes, footnotes and task lists stay disabled, so the only attributes the
/// renderer writes are `href`, `src`, `alt`, `title`, `start`, `class="language-…"` on code
/// blocks and `style="text-align: …"` on table cells, all escaped: no event handler can appear.
/// Never fails.
pub fn render_markdown(src: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut dropped_images = 0usize;
    let events = Parser::new_ext(src, options).filter_map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
        Event::Start(Tag::HtmlBlock) => Some(Event::Start(Tag::Paragraph)),
        Event::End(TagEnd::HtmlBlock) => Some(Event::End(TagEnd::Paragraph)),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Some(Event::Start(Tag::Link {
            link_type,
            dest_url: safe_url(dest_url),
            title,
            id,
        })),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            if dropped_images > 0 || !is_safe_url(&dest_url) {
                dropped_images += 1;
                None
            } else {
                Some(Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                }))
            }
        }
        Event::End(TagEnd::Image) if dropped_images > 0 => {
            dropped_images -= 1;
            None
        }
        other => Some(other),
    });
    let mut out = String::with_capacity(src.len() + src.len() / 2);
    html::push_html(&mut out, events);
    out
}

fn safe_url(url: CowStr<'_>) -> CowStr<'_> {
    if is_safe_url(&url) {
        url
    } else {
        CowStr::Borrowed("#")
    }
}

/// Whether a (entity-decoded) link target is http, https, mailto or relative. Mirrors how
/// browsers read a URL: leading spaces and control characters are skipped and tabs/newlines are
/// ignored anywhere; any other control character, or a scheme outside the list (matched without
/// regard to case), makes the URL unsafe.
fn is_safe_url(url: &str) -> bool {
    let cleaned: String = url
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    if cleaned.chars().any(char::is_control) {
        return false;
    }
    let scheme_end = cleaned.find(':');
    let path_start = cleaned.find(['/', '?', '#']);
    match (scheme_end, path_start) {
        (Some(colon), Some(slash)) if slash < colon => true,
        (Some(colon), _) => {
            let scheme = &cleaned[..colon];
            ["http", "https", "mailto"]
                .iter()
                .any(|allowed| scheme.eq_ignore_ascii_case(allowed))
        }
        (None, _) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The opening tags of rendered HTML. Text `<` is always escaped by the renderer, so every
    /// literal `<` starts a real tag.
    fn tags(html: &str) -> Vec<&str> {
        html.split('<')
            .skip(1)
            .map(|rest| rest.split('>').next().unwrap_or(rest))
            .collect()
    }

    /// Attribute `(name, value)` pairs of a tag, reading quoted values as the browser does.
    fn attributes(tag: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut rest = tag.trim_start_matches('/');
        rest = rest.trim_start_matches(|c: char| !c.is_whitespace() && c != '/');
        loop {
            rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
            if rest.is_empty() {
                return out;
            }
            let name_end = rest
                .find(|c: char| c.is_whitespace() || c == '=' || c == '/')
                .unwrap_or(rest.len());
            let name = rest[..name_end].to_ascii_lowercase();
            rest = &rest[name_end..];
            let mut value = String::new();
            if let Some(after) = rest.strip_prefix('=') {
                if let Some(q) = after.chars().next().filter(|c| *c == '"' || *c == '\'') {
                    let body = &after[1..];
                    let end = body.find(q).unwrap_or(body.len());
                    value = body[..end].to_owned();
                    rest = body.get(end + 1..).unwrap_or("");
                } else {
                    let end = after.find(char::is_whitespace).unwrap_or(after.len());
                    value = after[..end].to_owned();
                    rest = &after[end..];
                }
            }
            out.push((name, value));
        }
    }

    /// Attribute value as a browser's URL parser sees it, decoding generously (over-decoding can
    /// only make the check stricter).
    fn decode(value: &str) -> String {
        let mut v = value.to_ascii_lowercase();
        for (entity, plain) in [
            ("&amp;", "&"),
            ("&#x27;", "'"),
            ("&quot;", "\""),
            ("&colon;", ":"),
            ("&#58;", ":"),
            ("&#x3a;", ":"),
            ("&tab;", ""),
            ("&newline;", ""),
            ("&#9;", ""),
            ("&#x09;", ""),
            ("&#10;", ""),
            ("&#x0a;", ""),
        ] {
            v = v.replace(entity, plain);
        }
        v.chars()
            .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
            .collect()
    }

    /// No script element, no event handler attribute, no dangerous URL in any attribute.
    fn assert_safe(html: &str) {
        for tag in tags(html) {
            let name = tag
                .split(|c: char| c.is_whitespace() || c == '/')
                .next()
                .unwrap_or("");
            assert!(
                !name.eq_ignore_ascii_case("script"),
                "script tag in {html:?}"
            );
            for (attr, value) in attributes(tag) {
                assert!(!attr.starts_with("on"), "event handler {attr} in {html:?}");
                let v = decode(&value);
                let v = v.trim_start_matches(|c: char| c <= ' ');
                for scheme in ["javascript:", "vbscript:", "data:"] {
                    assert!(!v.starts_with(scheme), "{scheme} in {attr} of {html:?}");
                }
            }
        }
        assert!(!html.to_ascii_lowercase().contains("<script"), "{html:?}");
    }

    fn hrefs(html: &str) -> Vec<String> {
        tags(html)
            .into_iter()
            .flat_map(attributes)
            .filter(|(a, _)| a == "href" || a == "src")
            .map(|(_, v)| v)
            .collect()
    }

    #[test]
    fn the_safety_check_rejects_what_it_guards_against() {
        for bad in [
            "<p><script>x</script></p>",
            "<img src=x onerror=alert(1)>",
            "<svg/onload=alert(1)>",
            "<a title=\"t\" ONCLICK='x'>",
            "<a href=\" JaVaScRiPt:x\">",
            "<a href=\"javascript&colon;x\">",
            "<a href=\"java&#x09;script:x\">",
            "<img src='data:text/html,x'>",
        ] {
            let caught = std::panic::catch_unwind(|| assert_safe(bad));
            assert!(caught.is_err(), "{bad}");
        }
        assert_safe("<p title=\"a onclick=b\">&lt;script&gt;</p>");
        assert_safe("<a href=\"javascript&amp;amp;colon;x\">");
    }

    #[test]
    fn raw_html_blocks_and_inline_html_are_escaped_as_text() {
        let out = render_markdown("<script>alert(1)</script>\n\nhi <b onclick=\"x()\">there</b>");
        assert!(
            out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{out}"
        );
        assert!(out.contains("&lt;b onclick=\"x()\"&gt;"), "{out}");
        assert_safe(&out);
        let img = render_markdown("<img src=x onerror=alert(1)>");
        assert!(img.starts_with("<p>&lt;img"), "{img}");
        assert!(!img.contains("<img"), "{img}");
        assert_safe(&img);
        let svg = render_markdown("<svg onload=alert(1)>\n<a href=\"javascript:alert(1)\">x</a>");
        assert!(!svg.contains("<svg") && !svg.contains("<a "), "{svg}");
        assert_safe(&svg);
        let inline =
            render_markdown("text <a href=\"javascript:alert(1)\">x</a> <svg/onload=alert(1)>");
        assert!(
            !inline.contains("<a ") && !inline.contains("<svg"),
            "{inline}"
        );
        assert_safe(&inline);
    }

    #[test]
    fn dangerous_link_targets_become_a_hash_in_any_spelling() {
        let payloads = [
            "[x](javascript:alert(1))",
            "[x](JaVaScRiPt:alert(1))",
            "[x]( javascript:alert(1))",
            "[x](<\u{1}javascript:alert(1)>)",
            "[x](&#x6A;avascript:alert(1))",
            "[x](&#106;&#97;vascript:alert(1))",
            "[x](java&#x09;script:alert(1))",
            "[x](vbscript:msgbox(1))",
            "[x](data:text/html;base64,PHNjcmlwdD4=)",
            "[x][r]\n\n[r]: javascript:alert(1)",
            "<javascript:alert(1)>",
            "<JAVASCRIPT:alert(1)>",
        ];
        for p in payloads {
            let out = render_markdown(p);
            assert_safe(&out);
            assert_eq!(hrefs(&out), vec!["#".to_owned()], "{p} → {out}");
        }
        // a newline inside the target is no link at all, only text
        let broken = render_markdown("[x](<java\nscript:alert(1)>)");
        assert!(hrefs(&broken).is_empty(), "{broken}");
        assert_safe(&broken);
        // where the visible text is not the URL itself, the scheme is gone altogether
        let out = render_markdown("[x](javascript:alert(1))");
        assert!(!out.to_ascii_lowercase().contains("javascript:"), "{out}");
    }

    #[test]
    fn safe_links_and_images_keep_their_targets() {
        let cases = [
            ("[a](https://nato.int/x?y=1)", "https://nato.int/x?y=1"),
            ("[a](HTTP://example.org)", "HTTP://example.org"),
            ("[a](mailto:ops@example.org)", "mailto:ops@example.org"),
            ("[a](/modules/7#part-2)", "/modules/7#part-2"),
            ("[a](lesson-2.md)", "lesson-2.md"),
            ("[a](./notes:draft)", "./notes:draft"),
            ("<https://example.org/a>", "https://example.org/a"),
            ("<ops@example.org>", "mailto:ops@example.org"),
            ("![map](img/map.png)", "img/map.png"),
        ];
        for (src, want) in cases {
            let out = render_markdown(src);
            assert_eq!(hrefs(&out), vec![want.to_owned()], "{src} → {out}");
        }
    }

    #[test]
    fn images_from_dangerous_sources_are_dropped_keeping_the_alt_text() {
        let out = render_markdown("![the *map*](javascript:alert(1)) and ![ok](a.png)");
        assert!(out.contains("the <em>map</em>"), "{out}");
        assert_eq!(hrefs(&out), vec!["a.png".to_owned()]);
        let nested = render_markdown("![a ![b](data:x) c](javascript:y) ![d](e.png)");
        assert_eq!(hrefs(&nested), vec!["e.png".to_owned()], "{nested}");
        assert_safe(&nested);
    }

    #[test]
    fn titles_cannot_break_out_of_their_attribute() {
        let out = render_markdown("[x](/a \"t\\\" onmouseover=\\\"alert(1)\")");
        assert!(
            out.contains("title=\"t&quot; onmouseover=&quot;alert(1)\""),
            "{out}"
        );
        assert_safe(&out);
    }

    #[test]
    fn tables_and_strikethrough_are_rendered() {
        let out = render_markdown("| a | b |\n|---|:-:|\n| 1 | ~~2~~ |\n");
        assert!(
            out.contains("<table>") && out.contains("<th>a</th>"),
            "{out}"
        );
        assert!(out.contains("<del>2</del>"), "{out}");
        assert!(
            out.contains("style=\"text-align: center\"") || out.contains("align"),
            "{out}"
        );
        assert_safe(&out);
    }

    fn fragment() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("<script>".to_owned()),
            Just("</script>".to_owned()),
            Just("<img src=x onerror=alert(1)>".to_owned()),
            Just("<svg onload=alert(1)>".to_owned()),
            Just("<a href=\"javascript:x\">".to_owned()),
            Just("[x](javascript:alert(1))".to_owned()),
            Just("![y](javascript:1)".to_owned()),
            Just(" onclick=".to_owned()),
            Just("\"".to_owned()),
            Just("<".to_owned()),
            Just(">".to_owned()),
            Just("](".to_owned()),
            Just("\n\n".to_owned()),
            Just("| a |\n|---|\n".to_owned()),
            "[ -~]{0,8}",
            any::<String>(),
        ]
    }

    proptest! {
        #[test]
        fn arbitrary_input_never_yields_a_script_tag_or_event_handler(
            parts in proptest::collection::vec(fragment(), 0..12),
        ) {
            let out = render_markdown(&parts.concat());
            assert_safe(&out);
        }

        #[test]
        fn arbitrary_strings_never_yield_a_script_tag_or_event_handler(src in any::<String>()) {
            assert_safe(&render_markdown(&src));
        }
    }
}
