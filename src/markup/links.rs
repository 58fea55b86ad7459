//! URLs and e-mail addresses inside prose. They are never checked as prose:
//! "congluan.vn" has no missing space and "info@example.org" is not glued.

use std::ops::Range;

/// Top-level domains recognised in bare host names ("derstandard.at").
/// Two-letter codes that are also common words after a full stop ("in",
/// "es", "so", "am", …) are left out: "Kasan.in der" is a missing space.
const TLDS: &[&str] = &[
    "com", "net", "org", "info", "biz", "edu", "gov", "mil", "int", "eu", "de", "at", "ch", "li",
    "lu", "nl", "fr", "uk", "ie", "dk", "se", "fi", "pl", "cz", "sk", "hu", "ro", "bg", "gr", "tr",
    "ru", "ua", "by", "cn", "jp", "kr", "vn", "io", "ai", "tv", "us", "ca", "au", "nz", "br", "mx",
    "ar", "za", "news", "online", "media", "app", "dev",
];

/// Byte ranges of URLs and e-mail addresses in `text[range]`, in order.
pub fn find_links(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let b = text.as_bytes();
    let mut i = range.start;
    let end = range.end;
    while i < end {
        let c = b[i];
        // Only an ASCII alphanumeric at a word start can begin a link.
        if !c.is_ascii_alphanumeric() || (i > range.start && is_link_byte(b[i - 1])) {
            i += 1;
            continue;
        }
        if let Some(e) = scheme_url(b, i, end).or_else(|| email_or_host(b, i, end)) {
            out.push(i..e);
            i = e;
        } else {
            i += 1;
        }
    }
}

fn is_link_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-' | b'_' | b'@' | b'/' | b':' | b'%' | b'+')
}

fn starts_with_ci(b: &[u8], at: usize, pat: &[u8]) -> bool {
    b.len() >= at + pat.len() && b[at..at + pat.len()].eq_ignore_ascii_case(pat)
}

fn scheme_url(b: &[u8], i: usize, end: usize) -> Option<usize> {
    let rest_start = [
        "https://", "http://", "ftp://", "file://", "mailto:", "www.",
    ]
    .iter()
    .find(|p| starts_with_ci(b, i, p.as_bytes()))
    .map(|p| i + p.len())?;
    if rest_start >= end || b[rest_start].is_ascii_whitespace() {
        return None;
    }
    Some(url_tail(b, i, rest_start, end))
}

/// Extends a URL over non-space bytes, then gives back trailing punctuation
/// that belongs to the sentence (a final full stop, a closing quote or a
/// bracket that the URL did not open).
fn url_tail(b: &[u8], start: usize, mut j: usize, end: usize) -> usize {
    while j < end && !b[j].is_ascii_whitespace() && !is_closing_quote_start(b, j) {
        j += 1;
    }
    let open = b[start..j].iter().filter(|&&c| c == b'(').count();
    let mut close = b[start..j].iter().filter(|&&c| c == b')').count();
    while j > start {
        let last = b[j - 1];
        if matches!(last, b'.' | b',' | b';' | b':' | b'!' | b'?' | b'"' | b'\'') {
            j -= 1;
        } else if last == b')' && close > open {
            close -= 1;
            j -= 1;
        } else {
            break;
        }
    }
    j
}

/// Non-ASCII quotation marks end a URL: „…“, «…», ‚…‘.
fn is_closing_quote_start(b: &[u8], j: usize) -> bool {
    // « » are C2 AB / C2 BB; “ ” „ ‘ ’ ‚ are E2 80 xx.
    (b[j] == 0xC2 && matches!(b.get(j + 1), Some(0xAB | 0xBB)))
        || (b[j] == 0xE2 && b.get(j + 1) == Some(&0x80))
}

fn email_or_host(b: &[u8], i: usize, end: usize) -> Option<usize> {
    let mut j = i;
    while j < end
        && (b[j].is_ascii_alphanumeric() || matches!(b[j], b'.' | b'-' | b'_' | b'+' | b'%'))
    {
        j += 1;
    }
    if j < end && b[j] == b'@' {
        let dom_start = j + 1;
        let mut k = dom_start;
        while k < end && (b[k].is_ascii_alphanumeric() || matches!(b[k], b'.' | b'-')) {
            k += 1;
        }
        while k > dom_start && b[k - 1] == b'.' {
            k -= 1;
        }
        let domain = &b[dom_start..k];
        let dot = domain.iter().rposition(|&c| c == b'.')?;
        let tld = &domain[dot + 1..];
        return (dot > 0 && tld.len() >= 2 && tld.iter().all(u8::is_ascii_alphabetic)).then_some(k);
    }
    // A bare host: labels joined by dots ending in a known lower-case TLD.
    let cand = &b[i..j];
    let trimmed = cand.len() - cand.iter().rev().take_while(|&&c| c == b'.').count();
    let host = &cand[..trimmed];
    let dot = host.iter().rposition(|&c| c == b'.')?;
    let tld = std::str::from_utf8(&host[dot + 1..]).ok()?;
    if dot < 2 || !TLDS.contains(&tld) {
        return None;
    }
    let mut e = i + trimmed;
    if e < end && b[e] == b'/' {
        e = url_tail(b, i, e, end);
    } else if e < end && b[e].is_ascii_alphanumeric() {
        return None;
    }
    Some(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links(s: &str) -> Vec<&str> {
        let mut v = Vec::new();
        find_links(s, 0..s.len(), &mut v);
        v.into_iter().map(|r| &s[r]).collect()
    }

    #[test]
    fn urls_hosts_and_emails_are_found_without_trailing_punctuation() {
        assert_eq!(
            links("Quelle: https://www.congluan.vn/a-b-post316948.html."),
            ["https://www.congluan.vn/a-b-post316948.html"]
        );
        assert_eq!(
            links("laut congluan.vn, und derstandard.at/story"),
            ["congluan.vn", "derstandard.at/story"]
        );
        assert_eq!(
            links("Mail an redaktion@example.org."),
            ["redaktion@example.org"]
        );
        assert_eq!(links("(siehe www.example.com)"), ["www.example.com"]);
        assert_eq!(links("„https://example.com/x“"), ["https://example.com/x"]);
    }

    #[test]
    fn sentence_ends_and_abbreviations_are_not_links() {
        assert!(links("Er kam nach Kasan.in der Stadt").is_empty());
        assert!(links("z.B. und U.S. und Ende.Er").is_empty());
        assert!(links("Version 3.5 von 2024").is_empty());
    }
}
