//! Kölner Phonetik (Postel 1969): a phonetic code for German names, so that
//! "Lawrow" and "Lavrov" or "Selenskyj" and "Zelensky" compare equal. Written
//! out here because the algorithm is one table; a crate for it would bring a
//! regex engine along.

/// The Cologne phonetic code of `word` (letters only; others are skipped).
pub fn cologne(word: &str) -> String {
    let letters: Vec<char> = word
        .chars()
        .flat_map(|c| c.to_uppercase())
        .filter_map(|c| match c {
            'Ä' => Some('A'),
            'Ö' => Some('O'),
            'Ü' => Some('U'),
            'ß' => Some('S'),
            'À'..='Å' => Some('A'),
            'È'..='Ë' => Some('E'),
            'Ì'..='Ï' => Some('I'),
            'Ò'..='Ö' => Some('O'),
            'Ù'..='Ü' => Some('U'),
            'Ç' => Some('C'),
            'Ñ' => Some('N'),
            c if c.is_ascii_uppercase() => Some(c),
            _ => None,
        })
        .collect();
    let mut raw = String::with_capacity(letters.len() + 2);
    for (i, &c) in letters.iter().enumerate() {
        let prev = if i > 0 { Some(letters[i - 1]) } else { None };
        let next = letters.get(i + 1).copied();
        let code: &str = match c {
            'A' | 'E' | 'I' | 'J' | 'O' | 'U' | 'Y' => "0",
            'H' => "",
            'B' => "1",
            'P' => {
                if next == Some('H') {
                    "3"
                } else {
                    "1"
                }
            }
            'D' | 'T' => {
                if matches!(next, Some('C' | 'S' | 'Z')) {
                    "8"
                } else {
                    "2"
                }
            }
            'F' | 'V' | 'W' => "3",
            'G' | 'K' | 'Q' => "4",
            'C' => {
                let hard_initial = matches!(
                    next,
                    Some('A' | 'H' | 'K' | 'L' | 'O' | 'Q' | 'R' | 'U' | 'X')
                );
                let hard = matches!(next, Some('A' | 'H' | 'K' | 'O' | 'Q' | 'U' | 'X'))
                    && !matches!(prev, Some('S' | 'Z'));
                if (prev.is_none() && hard_initial) || (prev.is_some() && hard) {
                    "4"
                } else {
                    "8"
                }
            }
            'X' => {
                if matches!(prev, Some('C' | 'K' | 'Q')) {
                    "8"
                } else {
                    "48"
                }
            }
            'L' => "5",
            'M' | 'N' => "6",
            'R' => "7",
            'S' | 'Z' => "8",
            _ => "",
        };
        raw.push_str(code);
    }
    // Collapse repeats, then drop zeros except a leading one.
    let mut out = String::with_capacity(raw.len());
    let mut last = None;
    for c in raw.chars() {
        if Some(c) != last {
            out.push(c);
        }
        last = Some(c);
    }
    let mut chars = out.chars();
    let first = chars.next();
    let mut result: String = first.into_iter().collect();
    result.extend(chars.filter(|&c| c != '0'));
    result
}

#[cfg(test)]
mod tests {
    use super::cologne;

    #[test]
    fn reference_codes_of_the_algorithm() {
        // Examples from the published description of the algorithm.
        assert_eq!(cologne("Müller-Lüdenscheidt"), "65752682");
        assert_eq!(cologne("Wikipedia"), "3412");
        assert_eq!(cologne("Breschnew"), "17863");
    }

    #[test]
    fn transliteration_variants_share_a_code() {
        assert_eq!(cologne("Lawrow"), cologne("Lavrov"));
        assert_eq!(cologne("Selenskyj"), cologne("Zelensky"));
        assert_eq!(cologne("Beloussow"), cologne("Belousov"));
        assert_ne!(cologne("Xi"), cologne("Xinhua"));
    }
}
