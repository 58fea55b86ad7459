//! Hover text for a temporal expression: what it resolves to and from what.
//!
//! Pure: the language server turns the byte range into an LSP range and the
//! string into `MarkupContent`; nothing here knows about LSP.

use std::ops::Range;

use jiff::civil::Date;

use super::recognize::{RelUnit, Sem};
use super::value::{
    DayPart, Gran, Point, RefKind, Season, SetValue, TimeOfDay, Unit, Value, hist_year,
};
use super::{Anchor, Status, TimeExpr, expr_at};
use crate::analysis::DocAnalysis;

const WEEKDAYS: [&str; 7] = [
    "Montag",
    "Dienstag",
    "Mittwoch",
    "Donnerstag",
    "Freitag",
    "Samstag",
    "Sonntag",
];
const WD_SHORT: [&str; 7] = ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"];

pub fn weekday_name_de(wd: u8) -> &'static str {
    WEEKDAYS
        .get((wd as usize).wrapping_sub(1))
        .copied()
        .unwrap_or("?")
}

/// "Fr 30.12.2022".
pub fn format_date_de(d: Date) -> String {
    let wd = d.weekday().to_monday_one_offset() as usize;
    let y = hist_year(d.year() as i32);
    if y < 0 {
        format!(
            "{} {:02}.{:02}.{} v. Chr.",
            WD_SHORT[wd - 1],
            d.day(),
            d.month(),
            -y
        )
    } else {
        format!("{} {:02}.{:02}.{}", WD_SHORT[wd - 1], d.day(), d.month(), y)
    }
}

fn year_de(y: Option<i32>) -> String {
    match y {
        Some(y) if y < 0 => format!("{} v. Chr.", -y),
        Some(y) => y.to_string(),
        None => "(Jahr unbekannt)".into(),
    }
}

fn season_de(s: Season) -> &'static str {
    match s {
        Season::Spring => "Frühjahr",
        Season::Summer => "Sommer",
        Season::Fall => "Herbst",
        Season::Winter => "Winter",
    }
}

fn part_de(p: DayPart) -> &'static str {
    match p {
        DayPart::Morning => "morgens",
        DayPart::Midday => "mittags",
        DayPart::Afternoon => "nachmittags",
        DayPart::Evening => "abends",
        DayPart::Night => "nachts",
    }
}

fn unit_de(u: Unit, n: f64) -> &'static str {
    let one = (n - 1.0).abs() < 1e-9;
    match (u, one) {
        (Unit::Second, true) => "Sekunde",
        (Unit::Second, false) => "Sekunden",
        (Unit::Minute, true) => "Minute",
        (Unit::Minute, false) => "Minuten",
        (Unit::Hour, true) => "Stunde",
        (Unit::Hour, false) => "Stunden",
        (Unit::Day, true) => "Tag",
        (Unit::Day, false) => "Tage",
        (Unit::Week, true) => "Woche",
        (Unit::Week, false) => "Wochen",
        (Unit::Month, true) => "Monat",
        (Unit::Month, false) => "Monate",
        (Unit::Quarter, true) => "Quartal",
        (Unit::Quarter, false) => "Quartale",
        (Unit::Year, true) => "Jahr",
        (Unit::Year, false) => "Jahre",
        (Unit::Decade, true) => "Jahrzehnt",
        (Unit::Decade, false) => "Jahrzehnte",
        (Unit::Century, true) => "Jahrhundert",
        (Unit::Century, false) => "Jahrhunderte",
    }
}

fn amount_de(n: Option<f64>) -> String {
    match n {
        None => "einige".into(),
        Some(n) if n.fract() == 0.0 => format!("{}", n as i64),
        Some(n) => format!("{n}").replace('.', ","),
    }
}

/// A point in words: "Fr 30.12.2022", "Dezember 2022", "Frühjahr 2023".
pub fn point_de(p: &Point) -> String {
    match p.gran {
        Gran::Century(c) if c < 0 => format!("{}. Jahrhundert v. Chr.", -c + 1),
        Gran::Century(c) => format!("{}. Jahrhundert", c + 1),
        Gran::Decade(d) => format!("{}er-Jahre", d * 10),
        Gran::Year => year_de(p.year),
        Gran::Half(h) => format!("{}. Halbjahr {}", h, year_de(p.year)),
        Gran::Quarter(q) => format!("{}. Quartal {}", q, year_de(p.year)),
        Gran::Season(s) => format!("{} {}", season_de(s), year_de(p.year)),
        Gran::Month(0) => "(Monat unbekannt)".into(),
        Gran::Month(m) => format!("{} {}", super::resolve::month_name_de(m), year_de(p.year)),
        Gran::Week(0) => "(Woche unbekannt)".into(),
        Gran::Week(w) => format!("KW {} {}", w, year_de(p.year)),
        Gran::Day(0, _) => "(Tag unbekannt)".into(),
        Gran::Day(m, d) => match p.date() {
            Some(date) => format_date_de(date),
            None => format!(
                "{d}. {} {}",
                super::resolve::month_name_de(m),
                year_de(p.year)
            ),
        },
        Gran::Weekday(wd) => weekday_name_de(wd).into(),
        Gran::Weekend(Some(w)) => format!("Wochenende der KW {} {}", w, year_de(p.year)),
        Gran::Weekend(None) => "ein Wochenende".into(),
    }
}

/// A value in words.
pub fn value_de(v: &Value) -> String {
    match v {
        Value::Date(p) => point_de(p),
        Value::Time(p, TimeOfDay::Clock { hour, minute, .. }) => {
            format!("{}, {hour:02}:{minute:02} Uhr", point_de(p))
        }
        Value::Time(p, TimeOfDay::Part(part)) => format!("{} {}", point_de(p), part_de(*part)),
        Value::Duration(d) => format!(
            "{} {}",
            amount_de(d.amount),
            unit_de(d.unit, d.amount.unwrap_or(2.0))
        ),
        Value::Set(SetValue::Weekday(wd)) => format!("jeden {}", weekday_name_de(*wd)),
        Value::Set(SetValue::Every(u)) => format!("jede(n) {}", unit_de(*u, 1.0)),
        Value::Set(SetValue::Part(p)) => format!("regelmäßig {}", part_de(*p)),
        Value::Ref(RefKind::Present) => "Gegenwart (kein festes Datum)".into(),
        Value::Ref(RefKind::Past) => "Vergangenheit (kein festes Datum)".into(),
        Value::Ref(RefKind::Future) => "Zukunft (kein festes Datum)".into(),
    }
}

fn relation_to_doc(t: &TimeExpr, doc: Date) -> String {
    let docs = format_date_de(doc);
    let day = t.value.point().and_then(Point::date);
    match (&t.sem, day) {
        (Sem::Weekday { wd, .. }, Some(d))
        | (
            Sem::Rel {
                unit: RelUnit::Weekday(wd),
                ..
            },
            Some(d),
        ) => {
            let name = weekday_name_de(*wd);
            if d == doc {
                format!("{name} des Artikeldatums {docs}")
            } else if d < doc {
                format!("{name} vor dem Artikeldatum {docs}")
            } else {
                format!("{name} nach dem Artikeldatum {docs}")
            }
        }
        (Sem::DayRel { days, .. }, _) => match days {
            0 => format!("der Tag des Artikeldatums {docs}"),
            n if *n < 0 => format!("{} Tag(e) vor dem Artikeldatum {docs}", -n),
            n => format!("{n} Tag(e) nach dem Artikeldatum {docs}"),
        },
        (
            Sem::Shift {
                amount, unit, sign, ..
            },
            _,
        ) => {
            let dir = if *sign < 0 { "vor" } else { "nach" };
            format!(
                "{} {} {dir} dem Artikeldatum {docs}",
                amount_de(*amount),
                unit_de(*unit, amount.unwrap_or(2.0))
            )
        }
        (Sem::Rel { offset, .. }, _) => match offset {
            0 => format!("derselbe Zeitraum wie das Artikeldatum {docs}"),
            n if *n < 0 => format!("der Zeitraum vor dem Artikeldatum {docs}"),
            _ => format!("der Zeitraum nach dem Artikeldatum {docs}"),
        },
        _ => format!("Jahr aus dem Artikeldatum {docs}"),
    }
}

/// Why the value is what it is, in one line.
fn explanation(text: &str, t: &TimeExpr) -> String {
    match &t.status {
        Status::Explicit => "steht so im Text".into(),
        Status::Resolved(a) | Status::Ambiguous(a, _) => {
            let base = match a {
                Anchor::DocumentDate(d) => relation_to_doc(t, *d),
                Anchor::Expression(span, p) => {
                    let quoted = text.get(span.clone()).unwrap_or("");
                    format!("gezählt vom zuvor genannten „{quoted}“ ({})", point_de(p))
                }
            };
            match &t.status {
                Status::Ambiguous(_, note) => format!("{base} — unsicher: {note}"),
                _ => base,
            }
        }
        Status::Unresolved => format!(
            "kein Artikeldatum bekannt, daher nicht auflösbar. {}",
            HOW_TO_SET
        ),
        Status::Invalid(why) => format!("kein gültiges Datum: {why}"),
    }
}

/// How to give an article a date, for hovers and messages.
pub const HOW_TO_SET: &str = "Ein Artikeldatum setzt man mit `date: 2025-02-28` im Front Matter, einem Datum im Dateinamen (`2025-02-28-titel.md`), einer Datumszeile am Anfang („Wien, 28. Februar 2025 –“) oder in copydesk.toml mit `[dates] document-date` bzw. `[[dates.paths]]`.";

/// Hover content for the temporal expression at `offset`: the byte range it
/// covers and Markdown such as "**am Freitag** → Fr 30.12.2022 (Freitag des
/// Artikeldatums Fr 30.12.2022)".
pub fn hover_markdown(
    text: &str,
    analysis: &DocAnalysis,
    offset: usize,
) -> Option<(Range<usize>, String)> {
    let t = expr_at(&analysis.times, offset)?;
    let phrase = text.get(t.phrase.clone()).unwrap_or("");
    let mut md = format!(
        "**{phrase}** → {} ({})",
        value_de(&t.value),
        explanation(text, t)
    );
    md.push_str(&format!("\n\n{} `{}`", t.kind.as_str(), t.timex()));
    if let Some(m) = t.modifier {
        md.push_str(&format!(" · mod `{}`", m.as_str()));
    }
    match &analysis.document_date.date {
        Some(d) => md.push_str(&format!(
            " · Artikeldatum {} {}",
            format_date_de(d.date),
            d.source.describe_de()
        )),
        None => {
            if !matches!(t.status, Status::Unresolved) {
                md.push_str(&format!("\n\nKein Artikeldatum bekannt. {HOW_TO_SET}"));
            }
        }
    }
    Some((t.phrase.clone(), md))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Context, DocInput, analyze};
    use crate::config::Settings;
    use crate::markup::Format;

    fn hover(text: &str, at: &str) -> Option<(String, String)> {
        let a = analyze(
            &DocInput {
                text,
                path: None,
                format: Format::Markdown,
            },
            &Settings::default(),
            &Context::default(),
        );
        let offset = text.find(at).unwrap();
        hover_markdown(text, &a, offset).map(|(r, md)| (text[r].to_string(), md))
    }

    #[test]
    fn weekday_hover_says_what_it_resolves_to_and_from_what() {
        // 30.12.2022 was a Friday.
        let (span, md) = hover(
            "---\ndate: 2022-12-30\n---\nPutin betonte am Freitag die Zusammenarbeit.",
            "Freitag",
        )
        .unwrap();
        assert_eq!(span, "am Freitag");
        assert!(
            md.starts_with(
                "**am Freitag** → Fr 30.12.2022 (Freitag des Artikeldatums Fr 30.12.2022)"
            ),
            "{md}"
        );
        assert!(md.contains("aus dem Front Matter"), "{md}");
        let (_, md) = hover(
            "---\ndate: 2023-01-02\n---\nPutin betonte am Freitag die Zusammenarbeit.",
            "Freitag",
        )
        .unwrap();
        assert!(
            md.contains("Fr 30.12.2022 (Freitag vor dem Artikeldatum Mo 02.01.2023)"),
            "{md}"
        );
    }

    #[test]
    fn without_a_document_date_the_hover_says_how_to_set_one() {
        let (_, md) = hover("Gestern regnete es.", "Gestern").unwrap();
        assert!(md.contains("kein Artikeldatum bekannt"), "{md}");
        assert!(md.contains("date: 2025-02-28"), "{md}");
    }

    #[test]
    fn explicit_and_invalid_dates_are_explained() {
        let (_, md) = hover("Am 15. Oktober 2024 tagte der Rat.", "Oktober").unwrap();
        assert!(md.contains("Di 15.10.2024 (steht so im Text)"), "{md}");
        let (_, md) = hover("Am 31. April tagte der Rat.", "April").unwrap();
        assert!(md.contains("kein gültiges Datum"), "{md}");
        assert!(hover("Kein Datum hier.", "Datum").is_none());
    }
}
