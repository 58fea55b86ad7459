//! Abbreviations that end in a full stop that does not end a sentence.

use std::collections::HashSet;
use std::sync::OnceLock;

/// Single-word abbreviations, case-sensitive, without their final ".".
const SINGLE: &[&str] = &[
    "Abb", "Abs", "Abt", "Adr", "allg", "Anm", "Art", "Aufl", "Bd", "Bde", "Bed", "Bem", "bes",
    "Best", "betr", "Betr", "Bez", "bspw", "bzgl", "bzw", "ca", "Chr", "Co", "Corp", "dgl", "Di",
    "Dipl", "Dir", "Do", "Dr", "dt", "Dtzd", "ebd", "ehem", "eig", "einschl", "engl", "entspr",
    "erg", "etc", "ev", "evtl", "exkl", "Fa", "Fam", "ff", "Fr", "frz", "geb", "Gebr", "gegr",
    "gem", "Ges", "gesch", "gest", "ggf", "ggfs", "Hbf", "Hr", "Hrn", "Hrsg", "inkl", "insb",
    "Inc", "Ing", "Inh", "Jh", "Jhd", "jmd", "jr", "Jr", "Kap", "kath", "Kfm", "kgl", "Komp", "Kr",
    "lat", "Ltd", "lt", "Mag", "max", "Mi", "mind", "min", "Mio", "Mo", "Mr", "Mrd", "Mrs", "Ms",
    "mtl", "Mz", "Nachf", "Nr", "Nrn", "No", "od", "öst", "österr", "Pfd", "Pkt", "Pl", "Prof",
    "Prov", "Red", "rd", "Reg", "Rel", "resp", "röm", "Sa", "sen", "Sept", "sog", "So", "spez",
    "St", "Std", "Str", "stv", "stellv", "Sr", "Tab", "Tel", "Tsd", "tägl", "u", "usf", "usw",
    "ugs", "urspr", "Verf", "verh", "verw", "vgl", "vs", "Vors", "wg", "Wwe", "zit", "zzgl", "zz",
    "zzt", "Jan", "Feb", "Febr", "Mär", "Apr", "Aug", "Okt", "Nov", "Dez", "Mt", "Univ", "Kt",
    "Bsp", "bsp", "ggü", "Gen", "Lt", "Oberstlt", "Sgt", "Capt", "Col", "Gov", "Sen", "Rep", "Rev",
    "Bros", "Ziff", "Verl", "Zt",
];

/// Multi-part abbreviations written with or without spaces after the
/// inner full stops ("z. B." and "z.B."); listed without spaces.
const MULTI: &[&str] = &[
    "z.B.", "z.T.", "z.Zt.", "u.a.", "u.ä.", "o.ä.", "o.Ä.", "u.Ä.", "d.h.", "v.a.", "u.U.",
    "i.d.R.", "i.A.", "i.V.", "s.o.", "s.u.", "v.Chr.", "n.Chr.", "a.D.", "e.V.", "m.E.", "o.g.",
    "u.v.m.", "z.Hd.", "i.e.", "e.g.", "U.S.", "U.S.A.", "U.K.", "U.N.", "a.M.", "a.d.", "bzw.",
    "n.V.", "n.P.", "d.J.", "d.Ä.", "i.R.", "o.J.", "u.d.T.", "a.a.O.", "Ph.D.",
];

fn single() -> &'static HashSet<&'static str> {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
    S.get_or_init(|| SINGLE.iter().copied().collect())
}

pub fn is_single(word: &str) -> bool {
    single().contains(word)
}

/// Length in bytes of a multi-part abbreviation starting at `s`, allowing one
/// ordinary or no-break space after each inner full stop.
pub fn multi_len(s: &str) -> Option<usize> {
    let mut best = None;
    for abbr in MULTI {
        if let Some(n) = match_spaced(s, abbr)
            && best.is_none_or(|b| n > b)
        {
            best = Some(n);
        }
    }
    best
}

fn match_spaced(s: &str, abbr: &str) -> Option<usize> {
    let sb = s.as_bytes();
    let ab = abbr.as_bytes();
    let (mut i, mut j) = (0, 0);
    while j < ab.len() {
        if i < sb.len() && sb[i] == ab[j] {
            let was_dot = ab[j] == b'.';
            i += 1;
            j += 1;
            if was_dot && j < ab.len() {
                if sb.get(i) == Some(&b' ') {
                    i += 1;
                } else if sb[i..].starts_with("\u{a0}".as_bytes())
                    || sb[i..].starts_with("\u{202f}".as_bytes())
                {
                    i += if sb[i] == 0xC2 { 2 } else { 3 };
                }
            }
        } else {
            return None;
        }
    }
    // Must not run on into a word: "u.a.m" vs "u.a.".
    match s[i..].chars().next() {
        Some(c) if c.is_alphanumeric() => None,
        _ => Some(i),
    }
}

/// Initialisms: one capital plus a full stop ("A. Merkel"), or short letter
/// groups each closed by a full stop with no space ("A.B.C.", "n.V.",
/// "d.J."). Unlisted dotted abbreviations are common in sports results and
/// biographies; a missing space between sentences has longer words.
pub fn initialism_len(s: &str) -> Option<usize> {
    let mut i = 0;
    let mut parts = 0;
    loop {
        let letters: usize = s[i..]
            .chars()
            .take_while(|c| c.is_alphabetic())
            .take(3)
            .map(char::len_utf8)
            .sum();
        let n = s[i..i + letters].chars().count();
        let single_capital = n == 1 && s[i..].starts_with(|c: char| c.is_uppercase());
        if n == 0
            || n > 2
            || !s[i + letters..].starts_with('.')
            || (parts == 0 && n == 2 && !dotted_next(s, i + letters + 1))
        {
            break;
        }
        if parts == 0 && n == 1 && !single_capital && !dotted_next(s, i + letters + 1) {
            break;
        }
        i += letters + 1;
        parts += 1;
    }
    if parts == 0 {
        return None;
    }
    match s[i..].chars().next() {
        Some(c) if c.is_alphanumeric() => None,
        _ => Some(i),
    }
}

/// Whether another short dotted letter group starts at `at` ("V." in "n.V.").
fn dotted_next(s: &str, at: usize) -> bool {
    let rest = &s[at.min(s.len())..];
    let letters: usize = rest
        .chars()
        .take_while(|c| c.is_alphabetic())
        .take(3)
        .map(char::len_utf8)
        .sum();
    let n = rest[..letters].chars().count();
    (1..=2).contains(&n) && rest[letters..].starts_with('.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaced_and_unspaced_multi_part_abbreviations_match() {
        assert_eq!(multi_len("z. B. heute"), Some(5));
        assert_eq!(multi_len("z.B. heute"), Some(4));
        assert_eq!(multi_len("u.\u{a0}a. mehr"), Some(6));
        assert_eq!(multi_len("U.S.-Präsident"), Some(4));
        assert_eq!(multi_len("zum Beispiel"), None);
        assert_eq!(initialism_len("A. Merkel"), Some(2));
        assert_eq!(initialism_len("Ab. x"), None);
        assert_eq!(initialism_len("n.V. und"), Some(4));
        assert_eq!(initialism_len("d.J., dt."), Some(4));
        assert_eq!(initialism_len("es.Er kam"), None);
        assert_eq!(initialism_len("n. Chr."), None);
    }

    #[test]
    fn lower_case_letter_outside_the_bmp_before_a_full_stop_does_not_panic() {
        // Four-byte lower-case letters: the look-ahead must step by the letter's length.
        assert_eq!(initialism_len("𖭣.x"), None);
    }
}
