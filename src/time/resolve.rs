//! Resolution: literal meanings to calendar values.
//!
//! Two anchors exist. The document date anchors what is relative to the
//! moment of writing ("gestern", "letzte Woche", "in diesem Jahr"). The
//! reference — the date the text last mentioned — anchors what is relative
//! to the story ("am folgenden Tag", "im Vorjahr", "drei Tage später"); in
//! [`Anchoring::Text`] mode it also supplies the year of "am 15. März".
//! Without an anchor a value keeps its unknown parts ("XXXX-03-15") and the
//! status says [`Status::Unresolved`].

use jiff::civil::Date;

use super::lexicon::{Edge, Hedge};
use super::recognize::{Cal, Mention, RelAnchor, RelUnit, Sem, YearSpec};
use super::tense::{Tense, tense_at};
use super::value::{
    DayPart, Duration, Gran, Point, RefKind, Season, TimeOfDay, Unit, Value, add_years,
    days_in_month, hist_year,
};
use super::{Anchor, Anchoring, Modifier, NamedWeekday, Status, TimeExpr, TimexType};
use crate::config::Language;
use crate::tokenize::Tokens;

type Ref = (Point, std::ops::Range<usize>, usize);

struct Ctx {
    doc: Option<Date>,
    mode: Anchoring,
    /// Dates the text mentioned, latest last, with span and block.
    refs: Vec<Ref>,
    /// In narrative mode, the first year the text states: the anchor for
    /// dates before any year is named ("In der Nacht vom 8. Februar …").
    first_year: Option<Ref>,
}

pub fn resolve(
    text: &str,
    tokens: &Tokens,
    mentions: Vec<Mention>,
    doc: Option<Date>,
    mode: Anchoring,
    lang: Language,
) -> Vec<TimeExpr> {
    let first_year = mentions.iter().find_map(|m| match &m.sem {
        Sem::Cal(Cal {
            year: Some(YearSpec::Explicit(y)),
            century: None,
            decade: None,
            ..
        }) => {
            let span = tokens.tokens[m.toks.start].start as usize
                ..tokens.tokens[m.toks.end - 1].end as usize;
            Some((Point::year(*y), span, tokens.sentences[m.sentence].block))
        }
        _ => None,
    });
    let mut cx = Ctx {
        doc,
        mode,
        refs: Vec::new(),
        first_year: if mode == Anchoring::Text {
            first_year
        } else {
            None
        },
    };
    let mut out = Vec::with_capacity(mentions.len());
    for m in mentions {
        let span =
            tokens.tokens[m.toks.start].start as usize..tokens.tokens[m.toks.end - 1].end as usize;
        let phrase = tokens.tokens[m.phrase_tok].start as usize..span.end;
        let sentence = &tokens.sentences[m.sentence];
        // Only dates and times need the tense; durations, sets and ages do not.
        let tense = match m.sem {
            Sem::Cal(_)
            | Sem::Weekday { .. }
            | Sem::Rel { .. }
            | Sem::DayRel { .. }
            | Sem::TimeOfRef { .. } => tense_at(
                text,
                &tokens.tokens,
                sentence.tokens.clone(),
                m.toks.start,
                lang,
            ),
            _ => Tense::Present,
        };
        let block = sentence.block;
        let same_sentence_year = sentence_year(&out, m.sentence);
        let (kind, value, status) = cx.value(&m.sem, tense, block, same_sentence_year);
        let modifier = match (m.edge, m.hedge) {
            (Some(Edge::Start), _) => Some(Modifier::Start),
            (Some(Edge::Mid), _) => Some(Modifier::Mid),
            (Some(Edge::End), _) => Some(Modifier::End),
            (_, Some(Hedge::Approx)) => Some(Modifier::Approx),
            (_, Some(Hedge::MoreThan)) => Some(Modifier::MoreThan),
            (_, Some(Hedge::LessThan)) => Some(Modifier::LessThan),
            _ => None,
        };
        let weekday = m.weekday.map(|(wd, t)| NamedWeekday {
            weekday: wd,
            span: tokens.tokens[t].span(),
        });
        // A bare year that bounds an interval ("seit 1939", "bis 1881") or
        // stands in parentheses is background, not the story's new "now".
        // A look back ("im letzten Jahr", "zwei Jahre zuvor") is a
        // flashback: the story's time stays where it was.
        let flashback = matches!(m.sem, Sem::Rel { offset, .. } if offset < 0)
            || matches!(m.sem, Sem::Shift { sign, .. } if sign < 0);
        let background = flashback
            || matches!(value.point().map(|p| p.gran), Some(Gran::Year))
                && m.toks.start > 0
                && matches!(
                    tokens.tokens[m.toks.start - 1].text(text),
                    "seit" | "Seit" | "bis" | "Bis" | "ab" | "Ab" | "(" | "since" | "until"
                );
        if let Some(p) = value.point()
            && !background
            && p.year.is_some()
            && !matches!(
                p.gran,
                Gran::Century(_) | Gran::Decade(_) | Gran::Weekday(_)
            )
            && !matches!(status, Status::Invalid(_) | Status::Unresolved)
        {
            cx.refs.push((*p, span.clone(), block));
            if cx.refs.len() > 8 {
                cx.refs.remove(0);
            }
        }
        out.push(TimeExpr {
            span,
            phrase,
            kind,
            value,
            status,
            modifier,
            sem: m.sem,
            format: m.format,
            weekday,
            sentence: m.sentence,
            tokens: m.toks,
            tense,
        });
    }
    out
}

/// An explicit year stated earlier in the same sentence.
fn sentence_year(done: &[TimeExpr], sentence: usize) -> Option<(i32, std::ops::Range<usize>)> {
    done.iter()
        .rev()
        .take_while(|t| t.sentence == sentence)
        .find_map(|t| match (&t.sem, &t.status, t.value.point()) {
            (Sem::Cal(c), Status::Explicit, Some(p))
                if matches!(c.year, Some(YearSpec::Explicit(_))) =>
            {
                p.year.map(|y| (y, t.span.clone()))
            }
            _ => None,
        })
}

fn doc_anchor(d: Date) -> Anchor {
    Anchor::DocumentDate(d)
}

/// First day of a point (for counting from coarse references).
fn start_date(p: &Point) -> Option<Date> {
    p.bounds().map(|b| b.0)
}

fn date_point(d: Date) -> Point {
    Point::from_date(d)
}

fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(jiff::Span::new().days(n)).ok()
}

fn add_months(y: i32, m: u8, n: i32) -> (i32, u8) {
    let total = (y as i64) * 12 + (m as i64 - 1) + n as i64;
    let y2 = total.div_euclid(12) as i32;
    let m2 = (total.rem_euclid(12) + 1) as u8;
    // Month arithmetic is done on astronomical-looking years; BC months are
    // rare enough that skipping year 0 is not worth it here.
    (y2, m2)
}

fn iso_week(d: Date) -> Point {
    let w = d.iso_week_date();
    Point {
        year: Some(hist_year(w.year() as i32)),
        gran: Gran::Week(w.week() as u8),
    }
}

fn season_bounds(y: i32, s: Season) -> Option<(Date, Date)> {
    Point {
        year: Some(y),
        gran: Gran::Season(s),
    }
    .bounds()
}

/// Of the instances of a yearly period in the years around `base`, the
/// one the tense or deixis points at.
fn pick_year(base: Date, offset: i32, bounds: impl Fn(i32) -> Option<(Date, Date)>) -> Option<i32> {
    let y = hist_year(base.year() as i32);
    let cands: Vec<(i32, Date, Date)> = (-2..=2)
        .filter_map(|k| {
            let yy = add_years(y, k);
            bounds(yy).map(|(a, b)| (yy, a, b))
        })
        .collect();
    match offset.signum() {
        -1 => cands.iter().rev().find(|(_, _, b)| *b < base).map(|c| c.0),
        1 => cands.iter().find(|(_, a, _)| *a > base).map(|c| c.0),
        _ => Some(y),
    }
}

/// The year for a month, day or season written without one, counted from
/// the document date by tense: past looks back, future forward, present
/// takes the nearest.
fn year_by_tense(
    base: Date,
    tense: Tense,
    bounds: impl Fn(i32) -> Option<(Date, Date)>,
) -> Option<(i32, bool)> {
    let y = hist_year(base.year() as i32);
    let cands: Vec<(i32, Date, Date)> = (-1..=1)
        .filter_map(|k| {
            let yy = add_years(y, k);
            bounds(yy).map(|(a, b)| (yy, a, b))
        })
        .collect();
    let this = cands.iter().find(|c| c.0 == y);
    match tense {
        Tense::Past => cands
            .iter()
            .rev()
            .find(|(_, a, _)| *a <= base)
            .map(|c| (c.0, true)),
        Tense::Future => cands
            .iter()
            .find(|(_, _, b)| *b >= base)
            .map(|c| (c.0, true)),
        Tense::Present => {
            // Nearest instance; the document year unless another is much closer.
            let dist = |a: Date, b: Date| -> i64 {
                if base < a {
                    (a - base).get_days() as i64
                } else if base > b {
                    (base - b).get_days() as i64
                } else {
                    0
                }
            };
            let best = cands.iter().min_by_key(|(_, a, b)| dist(*a, *b))?;
            let this_d = this.map(|(_, a, b)| dist(*a, *b)).unwrap_or(i64::MAX);
            if this.is_some() && this_d <= 120 {
                Some((y, true))
            } else {
                Some((best.0, false))
            }
        }
    }
}

impl Ctx {
    /// The date last talked about. In narrative mode a year far from the
    /// recent ones ("bis 1881" in a story about 1862) is a digression and
    /// is passed over.
    fn reference(&self) -> Option<&Ref> {
        let last = self.refs.last().or(self.first_year.as_ref())?;
        if self.mode == Anchoring::Text && self.refs.len() >= 4 {
            let mut ys: Vec<i32> = self
                .refs
                .iter()
                .rev()
                .take(5)
                .filter_map(|r| r.0.year)
                .collect();
            ys.sort_unstable();
            let median = ys[ys.len() / 2];
            let near = |r: &&Ref| r.0.year.is_some_and(|y| (y - median).abs() <= 10);
            if !near(&last) {
                return self.refs.iter().rev().find(near).or(Some(last));
            }
        }
        Some(last)
    }

    fn reference_point(&self) -> Option<(Point, Anchor)> {
        self.reference()
            .map(|(p, s, _)| (*p, Anchor::Expression(s.clone(), *p)))
    }

    /// The anchor of a relative expression: the document date or the reference.
    fn anchor_for(&self, anchor: RelAnchor) -> Option<(Point, Anchor)> {
        let doc = self.doc.map(|d| (date_point(d), doc_anchor(d)));
        match (self.mode, anchor) {
            (Anchoring::Document, RelAnchor::Document) => doc,
            _ => self.reference_point().or(doc),
        }
    }

    fn value(
        &self,
        sem: &Sem,
        tense: Tense,
        block: usize,
        sentence_year: Option<(i32, std::ops::Range<usize>)>,
    ) -> (TimexType, Value, Status) {
        use TimexType as T;
        match sem {
            Sem::Cal(c) => self.cal(c, tense, block, sentence_year),
            Sem::DayRel { days, part } => {
                if self.mode == Anchoring::Text && *days == 0 && part.is_none() {
                    return (T::Date, Value::Ref(RefKind::Present), Status::Explicit);
                }
                let base = match self.mode {
                    Anchoring::Document => self.doc.map(|d| (d, doc_anchor(d))),
                    Anchoring::Text => self
                        .reference_point()
                        .and_then(|(p, a)| p.date().map(|d| (d, a)))
                        .or_else(|| self.doc.map(|d| (d, doc_anchor(d)))),
                };
                match base.and_then(|(d, a)| add_days(d, *days as i64).map(|x| (x, a))) {
                    Some((d, a)) => with_part(date_point(d), *part, Status::Resolved(a)),
                    None => with_part(
                        Point {
                            year: None,
                            gran: Gran::Day(0, 0),
                        },
                        *part,
                        Status::Unresolved,
                    ),
                }
            }
            Sem::Weekday { wd, part } => self.weekday(*wd, *part, tense),
            Sem::Rel {
                unit,
                offset,
                anchor,
                part,
            } => self.rel(*unit, *offset, *anchor, *part, tense),
            Sem::Shift {
                amount,
                unit,
                sign,
                from_document,
            } => self.shift(*amount, *unit, *sign, *from_document),
            Sem::TimeOfRef { part, clock, zone } => {
                let time = match (clock, part) {
                    (Some((h, m)), _) => TimeOfDay::Clock {
                        hour: *h,
                        minute: *m,
                        zone: *zone,
                    },
                    (None, Some(p)) => TimeOfDay::Part(*p),
                    (None, None) => TimeOfDay::Part(DayPart::Midday),
                };
                // The day: the one just mentioned, else the document date.
                let recent = self.reference().filter(|(p, _, b)| {
                    *b == block && matches!(p.gran, Gran::Day(..)) || self.mode == Anchoring::Text
                });
                if let Some((p, s, _)) = recent
                    && matches!(p.gran, Gran::Day(..))
                {
                    return (
                        T::Time,
                        Value::Time(*p, time),
                        Status::Resolved(Anchor::Expression(s.clone(), *p)),
                    );
                }
                match self.doc {
                    Some(d) if self.mode == Anchoring::Document => (
                        T::Time,
                        Value::Time(date_point(d), time),
                        Status::Ambiguous(
                            doc_anchor(d),
                            "der Tag ist nicht genannt; angenommen: das Artikeldatum",
                        ),
                    ),
                    _ => (
                        T::Time,
                        Value::Time(
                            Point {
                                year: None,
                                gran: Gran::Day(0, 0),
                            },
                            time,
                        ),
                        Status::Unresolved,
                    ),
                }
            }
            Sem::Duration(d) => (T::Duration, Value::Duration(*d), Status::Explicit),
            Sem::Set(s) => (T::Set, Value::Set(*s), Status::Explicit),
            Sem::Ref(r) => (T::Date, Value::Ref(*r), Status::Explicit),
            Sem::Age { years, .. } => (
                T::Age,
                Value::Duration(Duration::new(*years as f64, Unit::Year)),
                Status::Explicit,
            ),
            Sem::Anniversary { n, .. } => (
                T::Anniversary,
                Value::Duration(Duration::new(*n as f64, Unit::Year)),
                Status::Explicit,
            ),
        }
    }

    fn cal(
        &self,
        c: &Cal,
        tense: Tense,
        block: usize,
        sentence_year: Option<(i32, std::ops::Range<usize>)>,
    ) -> (TimexType, Value, Status) {
        use TimexType as T;
        if let Some(cent) = c.century {
            return (
                T::Date,
                Value::Date(Point {
                    year: None,
                    gran: Gran::Century(cent),
                }),
                Status::Explicit,
            );
        }
        if let Some((d, two)) = c.decade {
            if self.mode == Anchoring::Text
                && d < 100
                && !two
                && self
                    .reference()
                    .and_then(|r| r.0.year)
                    .is_some_and(|y| y < 0)
            {
                return (
                    T::Date,
                    Value::Date(Point {
                        year: None,
                        gran: Gran::Decade(-d),
                    }),
                    Status::Resolved(
                        self.reference_point()
                            .map(|x| x.1)
                            .unwrap_or(Anchor::DocumentDate(Date::constant(2000, 1, 1))),
                    ),
                );
            }
            if !two {
                return (
                    T::Date,
                    Value::Date(Point {
                        year: None,
                        gran: Gran::Decade(d),
                    }),
                    Status::Explicit,
                );
            }
            // "20er Jahre": the latest such decade not after the anchor year.
            let (base, anchor) = match self.anchor_for(RelAnchor::Reference) {
                Some((p, a)) => (p.year.unwrap_or(2000), Some(a)),
                None => (2000, None),
            };
            let mut dec = (base.div_euclid(100)) * 10 + d;
            if dec * 10 > base {
                dec -= 10;
            }
            let status = anchor
                .map(|a| {
                    Status::Ambiguous(
                        a,
                        "zweistellige Jahrzehnte: Jahrhundert aus dem Zusammenhang",
                    )
                })
                .unwrap_or(Status::Unresolved);
            return (
                T::Date,
                Value::Date(Point {
                    year: None,
                    gran: Gran::Decade(dec),
                }),
                status,
            );
        }
        let gran = if let (Some(m), Some(d)) = (c.month, c.day) {
            Gran::Day(m, d)
        } else if let Some(m) = c.month {
            Gran::Month(m)
        } else if let Some(s) = c.season {
            Gran::Season(s)
        } else if let Some(q) = c.quarter {
            Gran::Quarter(q)
        } else if let Some(h) = c.half {
            Gran::Half(h)
        } else {
            Gran::Year
        };
        let bc_story = self.mode == Anchoring::Text
            && self
                .reference()
                .and_then(|r| r.0.year)
                .is_some_and(|y| y < 0);
        let (year, status) = match c.year {
            // "im Jahr 478" in a story told in years BC.
            Some(YearSpec::Explicit(y)) if bc_story && (1..1000).contains(&y) => {
                (Some(-y), Status::Explicit)
            }
            Some(YearSpec::Explicit(y)) => (Some(y), Status::Explicit),
            Some(YearSpec::TwoDigit(yy)) => {
                let base = self.anchor_for(RelAnchor::Reference);
                let by = base.as_ref().and_then(|(p, _)| p.year).unwrap_or(1999);
                let century = by.div_euclid(100) * 100;
                let mut y = century + yy as i32;
                if y > by + 20 {
                    y -= 100;
                }
                match base {
                    Some((_, a)) => (Some(y), Status::Resolved(a)),
                    None => (
                        Some(y),
                        Status::Ambiguous(
                            Anchor::DocumentDate(Date::constant(1999, 1, 1)),
                            "zweistellige Jahreszahl",
                        ),
                    ),
                }
            }
            Some(YearSpec::Rel(d)) => {
                let (offset, anchor) = match d {
                    super::lexicon::Deixis::This => (0, RelAnchor::Document),
                    super::lexicon::Deixis::Last => (-1, RelAnchor::Document),
                    super::lexicon::Deixis::Next => (1, RelAnchor::Document),
                    super::lexicon::Deixis::Following => (1, RelAnchor::Reference),
                    super::lexicon::Deixis::Same => (0, RelAnchor::Reference),
                    super::lexicon::Deixis::Preceding => (-1, RelAnchor::Reference),
                };
                match self.anchor_for(anchor) {
                    Some((p, a)) if p.year.is_some() => {
                        (p.year.map(|y| add_years(y, offset)), Status::Resolved(a))
                    }
                    _ => (None, Status::Unresolved),
                }
            }
            None => self.year_for(gran, tense, block, sentence_year),
        };
        if let Gran::Day(m, d) = gran {
            if !(1..=12).contains(&m) {
                return (
                    T::Date,
                    Value::Date(Point { year, gran }),
                    Status::Invalid(format!("einen {m}. Monat gibt es nicht")),
                );
            }
            if d == 0 || d > days_in_month(year, m) {
                let why = if m == 2 && d == 29 {
                    format!("{} ist kein Schaltjahr", year.unwrap_or(0))
                } else {
                    format!(
                        "der {} hat nur {} Tage",
                        month_name_de(m),
                        days_in_month(year, m)
                    )
                };
                return (
                    T::Date,
                    Value::Date(Point { year, gran }),
                    Status::Invalid(why),
                );
            }
        }
        let point = Point { year, gran };
        match (c.clock, c.part) {
            (Some((h, m)), _) => (
                T::Time,
                Value::Time(
                    point,
                    TimeOfDay::Clock {
                        hour: h,
                        minute: m,
                        zone: c.zone,
                    },
                ),
                status,
            ),
            (None, Some(p)) => (T::Time, Value::Time(point, TimeOfDay::Part(p)), status),
            _ => (T::Date, Value::Date(point), status),
        }
    }

    /// The year of a date written without one.
    fn year_for(
        &self,
        gran: Gran,
        tense: Tense,
        block: usize,
        sentence_year: Option<(i32, std::ops::Range<usize>)>,
    ) -> (Option<i32>, Status) {
        if let Some((y, span)) = sentence_year {
            return (
                Some(y),
                Status::Resolved(Anchor::Expression(span, Point::year(y))),
            );
        }
        let bounds = move |y: i32| {
            Point {
                year: Some(y),
                gran,
            }
            .bounds()
        };
        match self.mode {
            Anchoring::Text => match self
                .reference_point()
                .or_else(|| self.doc.map(|d| (date_point(d), doc_anchor(d))))
            {
                Some((p, a)) if p.year.is_some() => (p.year, Status::Resolved(a)),
                _ => (None, Status::Unresolved),
            },
            Anchoring::Document => {
                // A past-tense sentence right after an explicit earlier year
                // in the same paragraph continues that year.
                if let (Some((p, s, b)), Some(doc), Tense::Past) =
                    (self.reference(), self.doc, tense)
                    && *b == block
                    && let Some(y) = p.year
                    && y < hist_year(doc.year() as i32)
                {
                    return (
                        Some(y),
                        Status::Ambiguous(
                            Anchor::Expression(s.clone(), *p),
                            "Jahr aus dem zuvor genannten Datum",
                        ),
                    );
                }
                match self.doc {
                    Some(doc) => match year_by_tense(doc, tense, bounds) {
                        Some((y, true)) => (Some(y), Status::Resolved(doc_anchor(doc))),
                        Some((y, false)) => (
                            Some(y),
                            Status::Ambiguous(
                                doc_anchor(doc),
                                "Jahr nicht genannt; das nächstgelegene angenommen",
                            ),
                        ),
                        None => (None, Status::Unresolved),
                    },
                    None => (None, Status::Unresolved),
                }
            }
        }
    }

    fn weekday(&self, wd: u8, part: Option<DayPart>, tense: Tense) -> (TimexType, Value, Status) {
        let unknown = Point {
            year: None,
            gran: Gran::Weekday(wd),
        };
        let base = match self.mode {
            Anchoring::Document => self.doc.map(|d| (d, doc_anchor(d), false)),
            Anchoring::Text => self
                .reference_point()
                .and_then(|(p, a)| p.date().map(|d| (d, a, true)))
                .or_else(|| self.doc.map(|d| (d, doc_anchor(d), false))),
        };
        let Some((base, anchor, from_ref)) = base else {
            return with_part(unknown, part, Status::Unresolved);
        };
        let bwd = base.weekday().to_monday_one_offset() as i64;
        let fwd = (wd as i64 - bwd).rem_euclid(7);
        let back = (bwd - wd as i64).rem_euclid(7);
        let (days, status) = if from_ref {
            (fwd, Status::Resolved(anchor))
        } else {
            match tense {
                Tense::Past => (-back, Status::Resolved(anchor)),
                Tense::Future => (fwd, Status::Resolved(anchor)),
                Tense::Present if fwd == 0 => (0, Status::Resolved(anchor)),
                Tense::Present => (
                    fwd,
                    Status::Ambiguous(anchor, "Präsens: kommender oder vergangener Wochentag"),
                ),
            }
        };
        match add_days(base, days) {
            Some(d) => with_part(date_point(d), part, status),
            None => with_part(unknown, part, Status::Unresolved),
        }
    }

    fn rel(
        &self,
        unit: RelUnit,
        offset: i32,
        anchor: RelAnchor,
        part: Option<DayPart>,
        tense: Tense,
    ) -> (TimexType, Value, Status) {
        use TimexType as T;
        let unknown = |gran| {
            (
                T::Date,
                Value::Date(Point { year: None, gran }),
                Status::Unresolved,
            )
        };
        let unknown_gran = match unit {
            RelUnit::Day => Gran::Day(0, 0),
            RelUnit::Week => Gran::Week(0),
            RelUnit::Month => Gran::Month(0),
            RelUnit::Quarter => Gran::Quarter(0),
            RelUnit::Year => Gran::Year,
            RelUnit::Season(s) => Gran::Season(s),
            RelUnit::MonthName(m) => Gran::Month(m),
            RelUnit::Weekday(wd) => Gran::Weekday(wd),
            RelUnit::Weekend => Gran::Weekend(None),
        };
        let Some((p, a)) = self.anchor_for(anchor) else {
            return unknown(unknown_gran);
        };
        let Some(y) = p.year else {
            return unknown(unknown_gran);
        };
        let base = p.date().or_else(|| start_date(&p));
        let ok = |pt: Point| (T::Date, Value::Date(pt), Status::Resolved(a.clone()));
        let coarse = |pt: Point| {
            (
                T::Date,
                Value::Date(pt),
                Status::Ambiguous(
                    a.clone(),
                    "der Bezugszeitpunkt ist ungenauer als der Ausdruck",
                ),
            )
        };
        match unit {
            RelUnit::Year => ok(Point::year(add_years(y, offset))),
            RelUnit::Month => match p.gran {
                Gran::Month(m) | Gran::Day(m, _) => {
                    let (y2, m2) = add_months(y, m, offset);
                    ok(Point {
                        year: Some(y2),
                        gran: Gran::Month(m2),
                    })
                }
                _ => coarse(Point::year(y)),
            },
            RelUnit::Quarter => match p.gran {
                Gran::Month(m) | Gran::Day(m, _) => {
                    let q = (m as i32 - 1) / 3 + offset;
                    let (yy, qq) = (add_years(y, q.div_euclid(4)), q.rem_euclid(4) + 1);
                    ok(Point {
                        year: Some(yy),
                        gran: Gran::Quarter(qq as u8),
                    })
                }
                _ => coarse(Point::year(y)),
            },
            RelUnit::Week => match p.date().and_then(|d| add_days(d, 7 * offset as i64)) {
                Some(d) => ok(iso_week(d)),
                None => coarse(p),
            },
            RelUnit::Day => match p.date().and_then(|d| add_days(d, offset as i64)) {
                Some(d) => {
                    let (k, v, _) = with_part(date_point(d), part, Status::Explicit);
                    (k, v, Status::Resolved(a))
                }
                None => coarse(p),
            },
            RelUnit::Season(s) => {
                let Some(base) = base else {
                    return unknown(unknown_gran);
                };
                let yy = if anchor == RelAnchor::Reference && offset == 0 {
                    Some(y)
                } else {
                    pick_year(base, offset, |yy| season_bounds(yy, s))
                };
                match yy {
                    Some(yy) => ok(Point {
                        year: Some(yy),
                        gran: Gran::Season(s),
                    }),
                    None => unknown(unknown_gran),
                }
            }
            RelUnit::MonthName(m) => {
                let Some(base) = base else {
                    return unknown(unknown_gran);
                };
                let yy = if offset == 0 {
                    Some(y)
                } else {
                    pick_year(base, offset, |yy| {
                        Point {
                            year: Some(yy),
                            gran: Gran::Month(m),
                        }
                        .bounds()
                    })
                };
                match yy {
                    Some(yy) => ok(Point {
                        year: Some(yy),
                        gran: Gran::Month(m),
                    }),
                    None => unknown(unknown_gran),
                }
            }
            RelUnit::Weekday(wd) => {
                let Some(base) = p.date() else {
                    return unknown(unknown_gran);
                };
                let bwd = base.weekday().to_monday_one_offset() as i64;
                let days = match offset.signum() {
                    -1 => {
                        let b = (bwd - wd as i64).rem_euclid(7);
                        -(if b == 0 { 7 } else { b })
                    }
                    1 => {
                        let f = (wd as i64 - bwd).rem_euclid(7);
                        if f == 0 { 7 } else { f }
                    }
                    _ => (wd as i64 - bwd).rem_euclid(7),
                };
                match add_days(base, days) {
                    Some(d) => {
                        let (k, v, _) = with_part(date_point(d), part, Status::Explicit);
                        (k, v, Status::Resolved(a))
                    }
                    None => unknown(unknown_gran),
                }
            }
            RelUnit::Weekend => {
                let Some(base) = p.date() else {
                    return unknown(unknown_gran);
                };
                let bwd = base.weekday().to_monday_one_offset() as i64;
                let sat = match (offset.signum(), tense) {
                    (-1, _) | (0, Tense::Past) => -((bwd - 6).rem_euclid(7)),
                    _ => (6 - bwd).rem_euclid(7),
                };
                match add_days(base, sat) {
                    Some(d) => {
                        let w = iso_week(d);
                        let gran = match w.gran {
                            Gran::Week(n) => Gran::Weekend(Some(n)),
                            g => g,
                        };
                        ok(Point { year: w.year, gran })
                    }
                    None => unknown(unknown_gran),
                }
            }
        }
    }

    fn shift(
        &self,
        amount: Option<f64>,
        unit: Unit,
        sign: i8,
        from_document: bool,
    ) -> (TimexType, Value, Status) {
        use TimexType as T;
        let Some(n) = amount else {
            let r = if sign < 0 {
                RefKind::Past
            } else {
                RefKind::Future
            };
            return (T::Date, Value::Ref(r), Status::Explicit);
        };
        // In a narrative "vor drei Jahren" is seen from the story's time,
        // which the text rarely pins down: keep it a duration.
        if from_document && self.mode == Anchoring::Text {
            return (
                T::Duration,
                Value::Duration(Duration::new(n, unit)),
                Status::Explicit,
            );
        }
        let base = if from_document {
            self.doc.map(|d| (date_point(d), doc_anchor(d)))
        } else {
            self.anchor_for(RelAnchor::Reference)
        };
        let unknown_gran = match unit {
            Unit::Year | Unit::Decade | Unit::Century => Gran::Year,
            Unit::Month | Unit::Quarter => Gran::Month(0),
            Unit::Week => Gran::Week(0),
            _ => Gran::Day(0, 0),
        };
        let Some((p, a)) = base else {
            return (
                T::Date,
                Value::Date(Point {
                    year: None,
                    gran: unknown_gran,
                }),
                Status::Unresolved,
            );
        };
        let Some(y) = p.year else {
            return (
                T::Date,
                Value::Date(Point {
                    year: None,
                    gran: unknown_gran,
                }),
                Status::Unresolved,
            );
        };
        let s = sign as f64 * n;
        let ok = |pt: Point| (T::Date, Value::Date(pt), Status::Resolved(a.clone()));
        let coarse = |pt: Point| {
            (
                T::Date,
                Value::Date(pt),
                Status::Ambiguous(
                    a.clone(),
                    "der Bezugszeitpunkt ist ungenauer als der Ausdruck",
                ),
            )
        };
        match unit {
            Unit::Year | Unit::Decade | Unit::Century => {
                let years = match unit {
                    Unit::Decade => s * 10.0,
                    Unit::Century => s * 100.0,
                    _ => s,
                };
                if years.fract() != 0.0 {
                    return self.shift(
                        Some(n * 12.0 * if unit == Unit::Year { 1.0 } else { 10.0 }),
                        Unit::Month,
                        sign,
                        from_document,
                    );
                }
                ok(Point::year(add_years(y, years as i32)))
            }
            Unit::Month | Unit::Quarter => {
                let months = if unit == Unit::Quarter { s * 3.0 } else { s };
                match p.gran {
                    Gran::Month(m) | Gran::Day(m, _) => {
                        let (y2, m2) = add_months(y, m, months.round() as i32);
                        ok(Point {
                            year: Some(y2),
                            gran: Gran::Month(m2),
                        })
                    }
                    _ if months.abs() < 12.0 => coarse(Point::year(y)),
                    _ => coarse(Point::year(add_years(y, (months / 12.0).round() as i32))),
                }
            }
            Unit::Week | Unit::Day => {
                let days = if unit == Unit::Week { s * 7.0 } else { s };
                match p.date().and_then(|d| add_days(d, days.round() as i64)) {
                    Some(d) => ok(date_point(d)),
                    None => coarse(p),
                }
            }
            Unit::Hour | Unit::Minute | Unit::Second => match p.date() {
                Some(d) => ok(date_point(d)),
                None => coarse(p),
            },
        }
    }
}

fn with_part(p: Point, part: Option<DayPart>, status: Status) -> (TimexType, Value, Status) {
    match part {
        Some(part) => (
            TimexType::Time,
            Value::Time(p, TimeOfDay::Part(part)),
            status,
        ),
        None => (TimexType::Date, Value::Date(p), status),
    }
}

pub fn month_name_de(m: u8) -> &'static str {
    crate::tokenize::MONTHS_DE
        .get((m as usize).wrapping_sub(1))
        .copied()
        .unwrap_or("?")
}
