//! Recognition: token classes in, mentions with their literal meaning out.
//!
//! Each pattern is a small function tried at a token; the first that
//! matches wins and scanning resumes after it. Patterns produce [`Sem`], the
//! meaning as written ("15. Oktober" with no year, "letzte Woche"); turning
//! that into a calendar value is `resolve`'s job.
//!
//! Spans follow TIMEX conventions: a leading preposition ("am", "im") is not
//! part of the expression, but "vor" in "vor 80 Jahren" and edge words
//! ("Anfang Mai", "Ende des Jahres") are.

use std::ops::Range;

use super::classify::C;
use super::lexicon::{Deixis, Edge, F, Hedge, W};
use super::value::{DayPart, Duration, RefKind, Season, SetValue, Unit};
use crate::config::Language;
use crate::lexicon::is_closed_class_de;
use crate::tokenize::{Token, TokenKind, Tokens, flag};

/// How a year was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearSpec {
    /// Historical year (negative = BC).
    Explicit(i32),
    /// "1.9.39": the century comes from the context.
    TwoDigit(u8),
    /// "des nächsten Jahres", "dieses Jahres".
    Rel(Deixis),
}

/// A calendar point as far as the text states it.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Cal {
    pub year: Option<YearSpec>,
    pub month: Option<u8>,
    pub day: Option<u8>,
    pub season: Option<Season>,
    pub half: Option<u8>,
    pub quarter: Option<u8>,
    /// TIMEX century number (19 = 1900s; negative BC).
    pub century: Option<i32>,
    /// TIMEX decade number and whether it was written with two digits ("20er").
    pub decade: Option<(i32, bool)>,
    pub part: Option<DayPart>,
    pub clock: Option<(u8, u8)>,
    pub zone: Option<i8>,
}

/// The period a relative expression counts in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RelUnit {
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Season(Season),
    MonthName(u8),
    Weekday(u8),
    Weekend,
}

/// What a relative expression counts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RelAnchor {
    /// The document date ("letzte Woche", "in diesem Jahr").
    Document,
    /// The time last talked about ("am folgenden Tag", "im Vorjahr").
    Reference,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnnivKind {
    /// "der 75. Jahrestag", "Jubiläum".
    Jahrestag,
    /// "80-jähriges Bestehen".
    Bestehen,
    /// "jährt sich zum 75. Mal".
    Mal,
    /// "seinen 72. Geburtstag".
    Birthday,
}

/// The literal meaning of a temporal expression.
#[derive(Clone, Debug, PartialEq)]
pub enum Sem {
    Cal(Cal),
    /// "heute", "gestern Abend": days from the document date.
    DayRel {
        days: i32,
        part: Option<DayPart>,
    },
    /// "am Freitag", "Freitagabend".
    Weekday {
        wd: u8,
        part: Option<DayPart>,
    },
    /// "letzte Woche", "im nächsten Frühjahr", "im Vorjahr", "am selben Abend".
    Rel {
        unit: RelUnit,
        offset: i32,
        anchor: RelAnchor,
        part: Option<DayPart>,
    },
    /// "vor 80 Jahren" (from the document date), "drei Tage später", "zwei
    /// Jahre zuvor", "nach zwei Tagen" (from the reference). `amount: None`
    /// is "vor Jahren", "wenige Tage später".
    Shift {
        amount: Option<f64>,
        unit: Unit,
        sign: i8,
        from_document: bool,
    },
    /// "am Abend", "Mitternacht": a time on the day talked about.
    TimeOfRef {
        part: Option<DayPart>,
        clock: Option<(u8, u8)>,
        zone: Option<i8>,
    },
    Duration(Duration),
    Set(SetValue),
    Ref(RefKind),
    /// An age; `subject` is the byte span of the person's name when the
    /// text ties the age to one ("Putin (71)", "der 71-jährige Putin").
    Age {
        years: u32,
        subject: Option<Range<usize>>,
    },
    /// "der 75. Jahrestag", "80-jähriges Bestehen", "seinen 72. Geburtstag".
    Anniversary {
        n: u32,
        kind: AnnivKind,
        subject: Option<Range<usize>>,
    },
}

/// How a full date was written (for `dates/mixed-formats`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DateFormat {
    /// "28.02.2025", "28.2."
    Numeric,
    /// "28. Februar 2025", "February 28, 2025"
    Textual,
    /// "2025-02-28"
    Iso,
}

/// One recognised expression, before resolution.
#[derive(Clone, Debug)]
pub struct Mention {
    /// Token indices.
    pub toks: Range<usize>,
    /// First token of the phrase including a leading preposition.
    pub phrase_tok: usize,
    pub sem: Sem,
    pub format: Option<DateFormat>,
    /// A weekday named with the date ("Dienstag, 28. Februar") and its token.
    pub weekday: Option<(u8, usize)>,
    pub edge: Option<Edge>,
    pub hedge: Option<Hedge>,
    pub sentence: usize,
}

#[derive(Clone, Debug)]
struct M {
    start: usize,
    end: usize,
    sem: Sem,
    format: Option<DateFormat>,
    weekday: Option<(u8, usize)>,
    edge: Option<Edge>,
    hedge: Option<Hedge>,
}

impl M {
    fn new(start: usize, end: usize, sem: Sem) -> M {
        M {
            start,
            end,
            sem,
            format: None,
            weekday: None,
            edge: None,
            hedge: None,
        }
    }
    fn fmt(mut self, f: DateFormat) -> M {
        self.format = Some(f);
        self
    }
    fn cal(&self) -> Option<&Cal> {
        match &self.sem {
            Sem::Cal(c) => Some(c),
            _ => None,
        }
    }
}

fn cal(c: Cal) -> Sem {
    Sem::Cal(c)
}

struct Matcher<'a> {
    text: &'a str,
    toks: &'a [Token],
    cls: &'a [C],
    lo: usize,
    hi: usize,
    lang: Language,
}

/// Recognises the temporal expressions of a document.
pub fn recognize(text: &str, tokens: &Tokens, cls: &[C], lang: Language) -> Vec<Mention> {
    let mut out = Vec::new();
    for (si, s) in tokens.sentences.iter().enumerate() {
        let m = Matcher {
            text,
            toks: &tokens.tokens,
            cls,
            lo: s.tokens.start,
            hi: s.tokens.end,
            lang,
        };
        let mut i = m.lo;
        let mut last_end = m.lo;
        while i < m.hi {
            // Only tokens with a class can start an expression.
            if matches!(cls[i], C::Quote | C::P(_))
                || (cls[i] == C::None && !tokens.tokens[i].text(text).eq_ignore_ascii_case("kurze"))
            {
                i += 1;
                continue;
            }
            match m.at(i) {
                // A hit may reach back one token for its preposition ("am
                // selben Tag"), never into the previous expression.
                Some(hit)
                    if hit.end > hit.start
                        && hit.start + 1 >= i
                        && hit.start >= last_end
                        && hit.end > i =>
                {
                    let hit = m.with_clock_after(m.with_weekday_after(hit));
                    let phrase_tok = m.phrase_start(hit.start);
                    i = hit.end;
                    last_end = hit.end;
                    out.push(Mention {
                        toks: hit.start..hit.end,
                        phrase_tok,
                        sem: hit.sem,
                        format: hit.format,
                        weekday: hit.weekday,
                        edge: hit.edge,
                        hedge: hit.hedge,
                        sentence: si,
                    });
                }
                _ => i += 1,
            }
        }
    }
    out
}

/// Nouns after "N-jährige" that make it a duration, not an age.
const PERIOD_NOUNS: &[&str] = &[
    "krieg",
    "krieges",
    "kriegs",
    "herrschaft",
    "amtszeit",
    "haft",
    "haftstrafe",
    "belagerung",
    "dienst",
    "regierungszeit",
    "besatzung",
    "frieden",
    "waffenstillstand",
    "vertrag",
    "programm",
    "plan",
    "projekt",
    "studie",
    "laufzeit",
    "pause",
    "abwesenheit",
    "ehe",
    "karriere",
    "geschichte",
    "tradition",
    "zusammenarbeit",
    "partnerschaft",
    "bau",
    "bauzeit",
    "exil",
    "bestehen",
    "jubiläum",
    "gefangenschaft",
    "amtsperiode",
    "legislaturperiode",
    "periode",
    "phase",
    "frist",
    "vertragslaufzeit",
    "verhandlungen",
    "kampf",
    "kämpfe",
    "konflikt",
    "streit",
    "zeit",
    "mitgliedschaft",
    "tätigkeit",
    "garantie",
    "strafe",
    "sperre",
    "unterbrechung",
    "jahr",
    "jahre",
    "entwicklung",
    "forschung",
    "abkommen",
    "moratorium",
    "übergangszeit",
    "übergangsfrist",
    "planung",
    "erfahrung",
];

impl<'a> Matcher<'a> {
    fn c(&self, i: usize) -> C {
        if i >= self.lo && i < self.hi {
            self.cls[i]
        } else {
            C::None
        }
    }
    fn w(&self, i: usize) -> Option<W> {
        self.c(i).w()
    }
    fn f(&self, i: usize) -> Option<F> {
        match self.w(i) {
            Some(W::Fn(f)) => Some(f),
            _ => None,
        }
    }
    fn is_f(&self, i: usize, f: F) -> bool {
        self.f(i) == Some(f)
    }
    fn tok(&self, i: usize) -> Option<&Token> {
        if i >= self.lo && i < self.hi {
            self.toks.get(i)
        } else {
            None
        }
    }
    fn text(&self, i: usize) -> &str {
        self.tok(i).map(|t| t.text(self.text)).unwrap_or("")
    }
    fn upper(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.has(flag::UPPER_INITIAL))
    }
    fn prev(&self, i: usize) -> Option<usize> {
        (i > self.lo).then(|| i - 1)
    }
    fn punct(&self, i: usize, c: char) -> bool {
        self.c(i) == C::P(c)
    }
    fn dash(&self, i: usize) -> bool {
        matches!(self.c(i), C::P('-' | '–' | '—' | '/'))
    }
    fn de(&self) -> bool {
        self.lang == Language::De
    }

    /// Extends a phrase start over a leading preposition ("am Freitag").
    fn phrase_start(&self, start: usize) -> usize {
        match self.prev(start).and_then(|p| self.f(p)) {
            Some(
                F::Am
                | F::Im
                | F::In
                | F::An
                | F::Vom
                | F::Zum
                | F::Zur
                | F::Seit
                | F::Bis
                | F::Ab
                | F::Um
                | F::Von
                | F::On
                | F::At
                | F::Since,
            ) => start - 1,
            _ => start,
        }
    }

    fn at(&self, i: usize) -> Option<M> {
        match self.c(i) {
            C::W(W::Hedge(h)) => self.hedged(i, h),
            C::W(W::Fn(F::Um | F::Gegen)) => self.um_gegen(i),
            C::W(W::Fn(F::Ueber)) => self.hedged(i, Hedge::MoreThan),
            C::W(W::Fn(F::Vor)) => self.ago(i),
            C::W(W::Fn(F::Nach)) => self.after_n(i),
            C::W(W::Fn(F::Tags)) => (self.w(i + 1) == Some(W::Later)).then(|| {
                M::new(
                    i,
                    i + 2,
                    Sem::Shift {
                        amount: Some(1.0),
                        unit: Unit::Day,
                        sign: 1,
                        from_document: false,
                    },
                )
            }),
            C::W(W::Fn(F::In)) => self.in_phrase(i),
            C::W(W::Fn(F::Innerhalb)) => None,
            _ => self.core(i),
        }
    }

    fn core(&self, i: usize) -> Option<M> {
        match self.c(i) {
            C::W(W::Edge(e)) => self.edge(i, e),
            C::W(W::Weekday(_) | W::WeekdayAbbrev(_)) => self.weekday(i),
            C::W(W::WeekdayPart(wd, p)) => {
                Some(M::new(i, i + 1, Sem::Weekday { wd, part: Some(p) }))
            }
            C::W(W::WeekdaySet(wd)) => Some(M::new(i, i + 1, Sem::Set(SetValue::Weekday(wd)))),
            C::Ord(n) => self.ordinal(i, n),
            C::NumDate { .. } | C::Iso { .. } => self.numeric_date(i),
            C::Int(v, d) => self.int(i, v, d),
            C::Dotted(a, b, 2) if self.w(i + 1) == Some(W::Uhr) && a <= 24 && b <= 59 => {
                Some(self.with_zone(M::new(
                    i,
                    i + 2,
                    Sem::TimeOfRef {
                        part: None,
                        clock: Some((a as u8, b as u8)),
                        zone: None,
                    },
                )))
            }
            C::Clock(h, m)
                if h <= 24
                    && m <= 59
                    && (self.w(i + 1) == Some(W::Uhr)
                        || self.prev(i).is_some_and(|p| {
                            matches!(self.f(p), Some(F::Um | F::Gegen | F::Ab | F::Bis | F::At))
                        })) =>
            {
                let end = if self.w(i + 1) == Some(W::Uhr) {
                    i + 2
                } else {
                    i + 1
                };
                Some(self.with_zone(M::new(
                    i,
                    end,
                    Sem::TimeOfRef {
                        part: None,
                        clock: Some((h, m)),
                        zone: None,
                    },
                )))
            }
            C::Decade(d, two) => {
                let end = if self.unit_at(i + 1) == Some(Unit::Year) {
                    i + 2
                } else {
                    i + 1
                };
                Some(M::new(
                    i,
                    end,
                    cal(Cal {
                        decade: Some((d, two)),
                        ..Cal::default()
                    }),
                ))
            }
            C::UnitAdj(n, u) => self.unit_adj(i, n, u),
            C::UnitNoun(n, u) => Some(M::new(i, i + 1, Sem::Duration(Duration::new(n, u)))),
            C::AgeEn(n) if (1..=125).contains(&n) => {
                let subject = self.name_after(i + 1);
                Some(M::new(i, i + 1, Sem::Age { years: n, subject }))
            }
            C::W(W::Month(m)) => self.month(i, m, false),
            C::W(W::MonthAmbiguous(m)) => self.month(i, m, true),
            C::W(W::Season(s, e)) => self.season(i, s, e),
            C::W(W::Deictic(d)) => self.deictic(i, d),
            C::W(W::DayRel(n)) => self.day_rel(i, n),
            C::W(W::Unit(u)) => self.unit_word(i, u),
            C::W(W::Num(n)) => self.number_word(i, n),
            C::W(W::Vague) => self.vague(i),
            C::W(W::Lasting(u)) => Some(M::new(
                i,
                i + 1,
                Sem::Duration(Duration {
                    amount: None,
                    unit: u,
                }),
            )),
            C::W(W::Part(p)) => self.part(i, p),
            C::W(W::PartAdv(p)) => Some(M::new(i, i + 1, Sem::Set(SetValue::Part(p)))),
            C::W(W::Midnight) => Some(M::new(
                i,
                i + 1,
                Sem::TimeOfRef {
                    part: None,
                    clock: Some((24, 0)),
                    zone: None,
                },
            )),
            C::W(W::Ref(r)) => self.reference(i, r),
            // A bare "später" is a discourse adverb ("wie sich später
            // zeigte") far more often than a time reference; only "kurz
            // später", "drei Tage später" and the like are taken.
            // "kurze Zeit später".
            C::None if self.text(i).eq_ignore_ascii_case("kurze") && self.text(i + 1) == "Zeit" => {
                match self.w(i + 2) {
                    Some(W::Later) => Some(M::new(i, i + 3, Sem::Ref(RefKind::Future))),
                    Some(W::Earlier) => Some(M::new(i, i + 3, Sem::Ref(RefKind::Past))),
                    _ => None,
                }
            }
            C::W(W::Shortly) => match self.w(i + 1) {
                Some(W::Later) => Some(M::new(i, i + 2, Sem::Ref(RefKind::Future))),
                Some(W::Earlier) => Some(M::new(i, i + 2, Sem::Ref(RefKind::Past))),
                _ => None,
            },
            C::W(W::Aftermath) => {
                let prev_in = self.prev(i).is_some_and(|p| self.is_f(p, F::In));
                if self.text(i).eq_ignore_ascii_case("zukunft") {
                    prev_in.then(|| M::new(i - 1, i + 1, Sem::Ref(RefKind::Future)))
                } else {
                    Some(M::new(i, i + 1, Sem::Ref(RefKind::Future)))
                }
            }
            C::W(W::Holiday(m, d)) => {
                let mut c = Cal {
                    month: Some(m),
                    day: Some(d),
                    ..Cal::default()
                };
                let mut end = i + 1;
                if let Some((y, e)) = self.year_num(end, true) {
                    c.year = Some(YearSpec::Explicit(y));
                    end = e;
                }
                Some(M::new(i, end, cal(c)))
            }
            C::W(W::Every(u)) => Some(M::new(i, i + 1, Sem::Set(SetValue::Every(u)))),
            C::W(W::EveryDet) => match self.w(i + 1) {
                Some(W::Weekday(wd)) => Some(M::new(i, i + 2, Sem::Set(SetValue::Weekday(wd)))),
                Some(W::Part(p)) => Some(M::new(i, i + 2, Sem::Set(SetValue::Part(p)))),
                Some(W::Unit(u)) if !self.plural(i + 1) => {
                    Some(M::new(i, i + 2, Sem::Set(SetValue::Every(u))))
                }
                _ => None,
            },
            C::W(W::YearEdge(e)) => {
                let mut m = match self.year_num(i + 1, false) {
                    Some((y, end)) => M::new(
                        i,
                        end,
                        cal(Cal {
                            year: Some(YearSpec::Explicit(y)),
                            ..Cal::default()
                        }),
                    ),
                    None => M::new(
                        i,
                        i + 1,
                        Sem::Rel {
                            unit: RelUnit::Year,
                            offset: 0,
                            anchor: RelAnchor::Reference,
                            part: None,
                        },
                    ),
                };
                m.edge = Some(e);
                Some(m)
            }
            C::W(W::UnitRel(u, n)) => {
                let unit = match u {
                    Unit::Day => RelUnit::Day,
                    Unit::Week => RelUnit::Week,
                    Unit::Month => RelUnit::Month,
                    _ => RelUnit::Year,
                };
                Some(M::new(
                    i,
                    i + 1,
                    Sem::Rel {
                        unit,
                        offset: n as i32,
                        anchor: RelAnchor::Reference,
                        part: None,
                    },
                ))
            }
            C::W(W::Weekend) => {
                let cue = self.prev(i).is_some_and(|p| {
                    matches!(self.f(p), Some(F::Am | F::At | F::Ueber)) || self.text(p) == "übers"
                });
                cue.then(|| {
                    M::new(
                        i,
                        i + 1,
                        Sem::Rel {
                            unit: RelUnit::Weekend,
                            offset: 0,
                            anchor: RelAnchor::Document,
                            part: None,
                        },
                    )
                })
            }
            C::W(W::OrdWord(n)) => self.ord_word(i, n as u32),
            C::W(W::EdgeAdj(e)) => self.edge_adj(i, e),
            C::W(W::AgeNoun) => self.age_noun(i),
            _ => None,
        }
    }

    // ----- helpers -------------------------------------------------------

    fn unit_at(&self, i: usize) -> Option<Unit> {
        match self.w(i) {
            Some(W::Unit(u)) => Some(u),
            _ => None,
        }
    }

    /// Whether the unit word at `i` is plural ("Tage", "Jahren", "Wochen").
    fn plural(&self, i: usize) -> bool {
        let t = self.text(i).to_lowercase();
        match self.lang {
            Language::De => {
                matches!(
                    t.as_str(),
                    "tage"
                        | "tagen"
                        | "jahre"
                        | "jahren"
                        | "monate"
                        | "monaten"
                        | "wochen"
                        | "stunden"
                        | "minuten"
                        | "sekunden"
                        | "quartale"
                        | "quartalen"
                        | "jahrzehnte"
                        | "jahrzehnten"
                )
            }
            Language::En => t.ends_with('s'),
        }
    }

    /// A number at `i`: digits, a number word (with "dreiviertel"), or "ein halbes".
    fn amount(&self, i: usize) -> Option<(f64, usize)> {
        match self.c(i) {
            C::Int(v, d) if d <= 6 => Some((v as f64, i + 1)),
            C::Dotted(a, b, 1) => Some((a as f64 + b as f64 / 10.0, i + 1)),
            C::W(W::Num(n)) => {
                if self.w(i + 1) == Some(W::ThreeQuarters) {
                    return Some((n + 0.75, i + 2));
                }
                if n == 1.0 && self.w(i + 1) == Some(W::Half) {
                    return Some((0.5, i + 2));
                }
                Some((n, i + 1))
            }
            _ => None,
        }
    }

    /// A year at `j`: "1949", "490 v. Chr.", "1066 n. Chr.". `strict`
    /// wants four digits (or an era) — after "Jahr" any number will do.
    fn year_num(&self, j: usize, strict: bool) -> Option<(i32, usize)> {
        let C::Int(v, d) = self.c(j) else { return None };
        if v == 0 || d > 4 {
            return None;
        }
        match self.w(j + 1) {
            Some(W::Bc) => return Some((-(v as i32), j + 2)),
            Some(W::Ad) => return Some((v as i32, j + 2)),
            _ => {}
        }
        if d == 4 && (1000..=2999).contains(&v) || !strict {
            return Some((v as i32, j + 1));
        }
        None
    }

    /// "des Jahres 1939", "dieses Jahres", "des nächsten Jahres", "1945".
    fn year_after(&self, j: usize) -> Option<(YearSpec, usize)> {
        if let Some((y, e)) = self.year_num(j, true) {
            return Some((YearSpec::Explicit(y), e));
        }
        let mut k = j;
        if matches!(self.f(k), Some(F::Des | F::Of))
            || (self.is_f(k, F::Of) && self.is_f(k + 1, F::The))
        {
            k += 1;
        }
        if let Some(W::Deictic(d)) = self.w(k)
            && self.unit_at(k + 1) == Some(Unit::Year)
            && !self.plural(k + 1)
        {
            return Some((YearSpec::Rel(d), k + 2));
        }
        if k > j && self.unit_at(k) == Some(Unit::Year) && !self.plural(k) {
            if let Some((y, e)) = self.year_num(k + 1, false) {
                return Some((YearSpec::Explicit(y), e));
            }
            return Some((YearSpec::Rel(Deixis::Same), k + 1));
        }
        None
    }

    fn with_zone(&self, mut m: M) -> M {
        let zone = match self.w(m.end) {
            Some(W::Zone(z)) => Some((z, m.end + 1)),
            _ => {
                let a = self.text(m.end).to_lowercase();
                let b = self.text(m.end + 1).to_lowercase();
                if a.starts_with("mitteleuropäisch") && b == "zeit" {
                    Some((1, m.end + 2))
                } else if a.starts_with("mitteleuropäisch") && b == "sommerzeit" {
                    Some((2, m.end + 2))
                } else {
                    None
                }
            }
        };
        if let Some((z, end)) = zone {
            match &mut m.sem {
                Sem::TimeOfRef { zone, .. } => *zone = Some(z),
                Sem::Cal(c) => c.zone = Some(z),
                _ => {}
            }
            m.end = end;
        }
        m
    }

    /// "8. Mai, 23:01 Uhr": a clock time after a comma belongs to the date.
    fn with_clock_after(&self, mut m: M) -> M {
        let Some(c) = m.cal().copied() else { return m };
        if c.day.is_none() || c.clock.is_some() || c.part.is_some() || !self.punct(m.end, ',') {
            return m;
        }
        if let Some(t) = self.core(m.end + 1)
            && t.start == m.end + 1
            && let Sem::TimeOfRef {
                clock: Some(clock),
                zone,
                ..
            } = t.sem
        {
            m.sem = Sem::Cal(Cal {
                clock: Some(clock),
                zone,
                ..c
            });
            m.end = t.end;
        }
        m
    }

    /// After a day-precise date: "(Dienstag)" names its weekday.
    fn with_weekday_after(&self, mut m: M) -> M {
        if m.weekday.is_none()
            && m.cal().is_some_and(|c| c.day.is_some())
            && self.punct(m.end, '(')
            && self.punct(m.end + 2, ')')
            && let Some(W::Weekday(wd) | W::WeekdayAbbrev(wd)) = self.w(m.end + 1)
        {
            m.weekday = Some((wd, m.end + 1));
        }
        m
    }

    /// A run of capitalised words starting at `i` (skipping up to three
    /// lower-case adjectives): the person an age refers to.
    fn name_after(&self, mut i: usize) -> Option<Range<usize>> {
        let mut skipped = 0;
        while self
            .tok(i)
            .is_some_and(|t| t.kind == TokenKind::Word && t.has(flag::LOWER_INITIAL))
            && skipped < 3
        {
            i += 1;
            skipped += 1;
        }
        let start = i;
        while self.tok(i).is_some_and(|t| {
            t.kind == TokenKind::Word && t.has(flag::UPPER_INITIAL) && !t.has(flag::ALL_UPPER)
        }) && i - start < 4
        {
            i += 1;
        }
        (i > start).then(|| self.toks[start].start as usize..self.toks[i - 1].end as usize)
    }

    /// A run of capitalised words ending just before `i`.
    fn name_before(&self, i: usize) -> Option<Range<usize>> {
        let mut a = i;
        while a > self.lo && a + 4 > i {
            let t = &self.toks[a - 1];
            let w = t.text(self.text);
            let ok = t.kind == TokenKind::Word
                && t.has(flag::UPPER_INITIAL)
                && !t.has(flag::ALL_UPPER)
                && !(a - 1 == self.lo && is_closed_class_de(&w.to_lowercase()));
            if !ok {
                break;
            }
            a -= 1;
        }
        (a < i).then(|| self.toks[a].start as usize..self.toks[i - 1].end as usize)
    }

    /// The nearest name before `i` in the sentence, for "Putin ist 71
    /// Jahre alt" and "Putin feiert am Freitag seinen 72. Geburtstag"
    /// (time words are skipped).
    fn subject_before(&self, i: usize) -> Option<Range<usize>> {
        let mut k = i;
        while k > self.lo {
            k -= 1;
            let t = &self.toks[k];
            let timeish = matches!(self.c(k), C::W(_));
            if t.kind == TokenKind::Word
                && t.has(flag::UPPER_INITIAL)
                && !t.has(flag::ALL_UPPER)
                && !timeish
                && !(k == self.lo && is_closed_class_de(&t.text(self.text).to_lowercase()))
            {
                return self.name_before(k + 1);
            }
        }
        None
    }

    // ----- patterns ----------------------------------------------------

    fn hedged(&self, i: usize, h: Hedge) -> Option<M> {
        let (h, j) = match h {
            Hedge::Comparative(more) => {
                if !self.is_f(i + 1, F::Als) {
                    // "innerhalb weniger Wochen": a vague amount.
                    return self.vague(i);
                }
                (
                    if more {
                        Hedge::MoreThan
                    } else {
                        Hedge::LessThan
                    },
                    i + 2,
                )
            }
            h => (h, i + 1),
        };
        let mut m = self.core(j).or_else(|| {
            if self.is_f(j, F::Vor) {
                self.ago(j)
            } else {
                None
            }
        })?;
        let ok = match &m.sem {
            Sem::Duration(_) | Sem::Shift { .. } | Sem::Age { .. } | Sem::TimeOfRef { .. } => true,
            Sem::Cal(c) => {
                c.year.is_some() && c.month.is_none()
                    || c.clock.is_some()
                    || c.decade.is_some()
                    || c.century.is_some()
            }
            _ => false,
        };
        if !ok || m.start != j {
            return None;
        }
        m.start = i;
        m.hedge = Some(h);
        Some(m)
    }

    /// "um 10 Uhr" (the preposition stays out), "um 1900" and "gegen Abend" (hedged).
    fn um_gegen(&self, i: usize) -> Option<M> {
        let gegen = self.is_f(i, F::Gegen);
        let mut m = self.core(i + 1)?;
        if m.start != i + 1 {
            return None;
        }
        // "gegen Ende des Jahres": the edge already says where; TIMEX leaves "gegen" out.
        if gegen && matches!(self.w(i + 1), Some(W::Edge(_))) {
            return Some(m);
        }
        match &m.sem {
            Sem::TimeOfRef { clock: Some(_), .. } if !gegen => Some(m),
            Sem::Cal(c)
                if c.year.is_some() && c.month.is_none()
                    || c.decade.is_some()
                    || c.century.is_some() =>
            {
                m.start = i;
                m.hedge = Some(Hedge::Approx);
                Some(m)
            }
            Sem::TimeOfRef { .. } | Sem::Cal(_) | Sem::Rel { .. } if gegen => {
                m.start = i;
                m.hedge = Some(Hedge::Approx);
                Some(m)
            }
            _ => None,
        }
    }

    /// "vor 80 Jahren", "vor wenigen Tagen", "vor einem Jahr".
    fn ago(&self, i: usize) -> Option<M> {
        let mut j = i + 1;
        let mut hedge = None;
        if let Some(W::Hedge(h)) = self.w(j) {
            hedge = Some(h);
            j += 1;
        }
        let (amount, k) = match self.amount(j) {
            Some((n, k)) => (Some(n), k),
            None if self.w(j) == Some(W::Vague) => (None, j + 1),
            None if self.unit_at(j).is_some() && self.plural(j) => (None, j),
            None => return None,
        };
        let unit = self.unit_at(k)?;
        if amount.is_some_and(|n| n > 1.0) && !self.plural(k) {
            return None;
        }
        let mut m = M::new(
            i,
            k + 1,
            Sem::Shift {
                amount,
                unit,
                sign: -1,
                from_document: true,
            },
        );
        m.hedge = hedge;
        Some(m)
    }

    /// "nach zwei Tagen", "nach einem Monat".
    fn after_n(&self, i: usize) -> Option<M> {
        let mut j = i + 1;
        let mut hedge = None;
        if let Some(W::Hedge(h)) = self.w(j) {
            hedge = Some(h);
            j += 1;
        }
        let (n, k) = self.amount(j)?;
        let unit = self.unit_at(k)?;
        if matches!(self.c(j), C::Int(_, 4)) {
            return None;
        }
        // "nach zwei Tagen" names a day; "nach sechs Wochen", "nach 77
        // Tagen", "nach 40 Minuten" measure how long something took (and
        // TIMEX leaves "nach" out of a duration).
        let measured = matches!(unit, Unit::Week | Unit::Hour | Unit::Minute | Unit::Second)
            || (unit == Unit::Day && n > 14.0);
        let mut m = if measured {
            M::new(i + 1, k + 1, Sem::Duration(Duration::new(n, unit)))
        } else {
            M::new(
                i,
                k + 1,
                Sem::Shift {
                    amount: Some(n),
                    unit,
                    sign: 1,
                    from_document: false,
                },
            )
        };
        m.hedge = hedge;
        Some(m)
    }

    /// "in der Folge", "in Zukunft", "in der Nacht".
    fn in_phrase(&self, i: usize) -> Option<M> {
        if self.is_f(i + 1, F::Der)
            && self.text(i + 2) == "Folge"
            && !matches!(self.f(i + 3), Some(F::Des | F::Der | F::Von))
        {
            return Some(M::new(i, i + 3, Sem::Ref(RefKind::Future)));
        }
        None
    }

    fn edge(&self, i: usize, e: Edge) -> Option<M> {
        let mut j = i + 1;
        if matches!(self.f(j), Some(F::Des | F::Der | F::Of | F::The)) {
            j += 1;
            if self.is_f(j, F::The) {
                j += 1;
            }
        }
        // "Ende des Jahres", "im Laufe des Tages", "Anfang der Woche".
        let unit = |u: Unit| match u {
            Unit::Year => Some(RelUnit::Year),
            Unit::Month => Some(RelUnit::Month),
            Unit::Week => Some(RelUnit::Week),
            Unit::Day => Some(RelUnit::Day),
            _ => None,
        };
        let mut m = if j > i + 1
            && let Some(u) = self.unit_at(j).filter(|_| !self.plural(j)).and_then(unit)
        {
            if u == RelUnit::Year
                && let Some((y, end)) = self.year_num(j + 1, false)
            {
                M::new(
                    i,
                    end,
                    cal(Cal {
                        year: Some(YearSpec::Explicit(y)),
                        ..Cal::default()
                    }),
                )
            } else {
                M::new(
                    i,
                    j + 1,
                    Sem::Rel {
                        unit: u,
                        offset: 0,
                        anchor: RelAnchor::Reference,
                        part: None,
                    },
                )
            }
        } else {
            let sub = self.core(j)?;
            if sub.start != j {
                return None;
            }
            let ok = match &sub.sem {
                Sem::Cal(c) => c.day.is_none() && c.clock.is_none() || j > i + 1,
                Sem::Rel { .. } => true,
                _ => false,
            };
            if !ok {
                return None;
            }
            let mut sub = sub;
            sub.start = i;
            sub
        };
        if e != Edge::Within || m.edge.is_none() {
            m.edge = Some(e);
        }
        if e == Edge::Within {
            m.edge = None;
        }
        Some(m)
    }

    fn weekday(&self, i: usize) -> Option<M> {
        let (wd, abbrev) = match self.w(i)? {
            W::Weekday(wd) => (wd, false),
            W::WeekdayAbbrev(wd) => (wd, true),
            _ => return None,
        };
        // "Dienstag, 28. Februar 2025", "Dienstag, den 28.2.", "Di 28.02.2025", "Dienstag (28. Februar)".
        let mut j = i + 1;
        let paren = self.punct(j, '(');
        if self.punct(j, ',') || paren {
            j += 1;
        }
        if matches!(self.f(j), Some(F::Den | F::Dem | F::The)) {
            j += 1;
        }
        if let Some(mut d) = self
            .date_at(j)
            .filter(|d| d.cal().is_some_and(|c| c.day.is_some()) && d.start == j)
        {
            d.start = i;
            d.weekday = Some((wd, i));
            return Some(d);
        }
        if abbrev {
            return None;
        }
        // Lower-case "sonntag" never; English weekdays are capitalised too.
        if !self.upper(i) {
            return None;
        }
        let mut end = i + 1;
        let mut part = None;
        match self.w(i + 1) {
            Some(W::Part(p)) => {
                part = Some(p);
                end += 1;
            }
            Some(W::Early) => {
                part = Some(DayPart::Morning);
                end += 1;
            }
            _ => {}
        }
        Some(M::new(i, end, Sem::Weekday { wd, part }))
    }

    /// A day-precise date starting at `j` (ordinal + month, numeric, ISO, English).
    fn date_at(&self, j: usize) -> Option<M> {
        match self.c(j) {
            C::Ord(n) => self.ordinal(j, n),
            C::NumDate { .. } | C::Iso { .. } => self.numeric_date(j),
            C::W(W::Month(m) | W::MonthAmbiguous(m)) if !self.de() => self.month(j, m, false),
            _ => None,
        }
    }

    fn ordinal(&self, i: usize, n: u32) -> Option<M> {
        // "15. Oktober 2024", "28th of February".
        let mut mj = i + 1;
        if !self.de() && self.is_f(mj, F::Of) {
            mj += 1;
        }
        if let Some(W::Month(m) | W::MonthAmbiguous(m)) = self.w(mj)
            && (1..=39).contains(&n)
        {
            let mut c = Cal {
                month: Some(m),
                day: Some(n as u8),
                ..Cal::default()
            };
            let mut end = mj + 1;
            if let Some((y, e)) = self.year_after(end) {
                c.year = Some(y);
                end = e;
            }
            return Some(M::new(i, end, cal(c)).fmt(DateFormat::Textual));
        }
        // "27./28. September", "vom 8. bis 10. Mai", "Nacht vom 16. auf den 17. April":
        // the first day takes the month (and year) of the second.
        if (1..=31).contains(&n) {
            let mut k = i + 1;
            if self.dash(k) || matches!(self.f(k), Some(F::Bis | F::Und | F::Oder | F::Zum)) {
                k += 1;
                if matches!(self.f(k), Some(F::Dem | F::Den)) {
                    k += 1;
                }
            } else if self.is_f(k, F::Auf) && self.is_f(k + 1, F::Den) {
                k += 2;
            } else {
                k = 0;
            }
            if k > 0
                && let C::Ord(n2) = self.c(k)
                && n2 > n
                && let Some(later) = self.ordinal(k, n2)
                && let Some(lc) = later.cal()
                && lc.month.is_some()
            {
                let c = Cal {
                    day: Some(n as u8),
                    month: lc.month,
                    year: lc.year,
                    ..Cal::default()
                };
                return Some(M::new(i, i + 1, cal(c)).fmt(DateFormat::Textual));
            }
        }
        match self.w(i + 1) {
            // "20. Jahrhundert", "4. Jh. v. Chr."
            Some(W::Century) if (1..=40).contains(&n) => {
                let bc = self.w(i + 2) == Some(W::Bc);
                let c = if bc { -(n as i32 - 1) } else { n as i32 - 1 };
                let end = if bc { i + 3 } else { i + 2 };
                Some(M::new(
                    i,
                    end,
                    cal(Cal {
                        century: Some(c),
                        ..Cal::default()
                    }),
                ))
            }
            Some(W::Anniversary) if (1..=2000).contains(&n) => Some(M::new(
                i,
                i + 2,
                Sem::Anniversary {
                    n,
                    kind: AnnivKind::Jahrestag,
                    subject: None,
                },
            )),
            Some(W::Birthday) if (1..=125).contains(&n) => {
                let subject = self.subject_before(i);
                Some(M::new(
                    i,
                    i + 2,
                    Sem::Anniversary {
                        n,
                        kind: AnnivKind::Birthday,
                        subject,
                    },
                ))
            }
            Some(W::Times)
                if self.prev(i).is_some_and(|p| self.is_f(p, F::Zum))
                    && (i.saturating_sub(12).max(self.lo)..(i + 12).min(self.hi))
                        .any(|k| self.w(k) == Some(W::Recurs)) =>
            {
                Some(M::new(
                    i,
                    i + 2,
                    Sem::Anniversary {
                        n,
                        kind: AnnivKind::Mal,
                        subject: None,
                    },
                ))
            }
            Some(W::HalfYear) if (1..=2).contains(&n) => Some(self.period_of_year(
                i,
                i + 2,
                Cal {
                    half: Some(n as u8),
                    ..Cal::default()
                },
            )),
            Some(W::Unit(Unit::Quarter)) if (1..=4).contains(&n) => Some(self.period_of_year(
                i,
                i + 2,
                Cal {
                    quarter: Some(n as u8),
                    ..Cal::default()
                },
            )),
            _ => None,
        }
    }

    /// "1. Halbjahr 2024", "dritten Quartal des Jahres".
    fn period_of_year(&self, i: usize, end: usize, mut c: Cal) -> M {
        let mut end = end;
        if let Some((y, e)) = self.year_after(end) {
            c.year = Some(y);
            end = e;
        }
        M::new(i, end, cal(c))
    }

    fn numeric_date(&self, i: usize) -> Option<M> {
        match self.c(i) {
            C::NumDate { d, m, y } => {
                let plausible = match y {
                    Some((_, 4)) => (1..=39).contains(&d) && (1..=19).contains(&m),
                    _ => (1..=39).contains(&d) && (1..=12).contains(&m),
                };
                if !plausible {
                    return None;
                }
                let year = y.map(|(y, digits)| {
                    if digits == 4 {
                        YearSpec::Explicit(y)
                    } else {
                        YearSpec::TwoDigit(y as u8)
                    }
                });
                let mut c = Cal {
                    day: Some(d),
                    month: Some(m),
                    year,
                    ..Cal::default()
                };
                let mut end = i + 1;
                if year.is_none()
                    && let Some((y, e)) = self.year_num(end, true)
                    && !self
                        .tok(end)
                        .is_some_and(|t| t.has(flag::SPACE_BEFORE) && t.has(flag::NEWLINE_BEFORE))
                {
                    // "28.02. 2025" — a year after a space.
                    c.year = Some(YearSpec::Explicit(y));
                    end = e;
                }
                Some(M::new(i, end, cal(c)).fmt(DateFormat::Numeric))
            }
            C::Iso { y, m, d } if (1..=19).contains(&m) && (1..=39).contains(&d) => {
                let c = Cal {
                    day: Some(d),
                    month: Some(m),
                    year: Some(YearSpec::Explicit(y)),
                    ..Cal::default()
                };
                Some(M::new(i, i + 1, cal(c)).fmt(DateFormat::Iso))
            }
            _ => None,
        }
    }

    fn int(&self, i: usize, v: u32, d: u8) -> Option<M> {
        // Clock: "14 Uhr", "4 Uhr 45".
        if self.w(i + 1) == Some(W::Uhr) && v <= 24 {
            let (minute, end) = match self.c(i + 2) {
                C::Int(m, 2) if m <= 59 => (m as u8, i + 3),
                _ => (0, i + 2),
            };
            return Some(self.with_zone(M::new(
                i,
                end,
                Sem::TimeOfRef {
                    part: None,
                    clock: Some((v as u8, minute)),
                    zone: None,
                },
            )));
        }
        // Ages: "Putin (71)", "Putin, 71, sagte".
        if (1..=125).contains(&v)
            && let Some(p) = self.prev(i)
            && ((self.punct(p, '(') && self.punct(i + 1, ')'))
                || (self.punct(p, ',')
                    && self.punct(i + 1, ',')
                    && v >= 14
                    && self.tok(i + 2).is_some_and(|t| t.has(flag::LOWER_INITIAL))))
            && let Some(name) = self.name_before(p)
        {
            return Some(M::new(
                i,
                i + 1,
                Sem::Age {
                    years: v,
                    subject: Some(name),
                },
            ));
        }
        // The second year of "1911/12", "1926–28".
        if d == 2
            && let Some(p) = self.prev(i)
            && (self.dash(p) || self.is_f(p, F::Bis))
            && let Some(pp) = self.prev(p)
            && let C::Int(y, 4) = self.c(pp)
            && (1000..=2999).contains(&y)
        {
            let century = y / 100 * 100;
            let mut full = century + v;
            if full <= y {
                full += 100;
            }
            return Some(M::new(
                i,
                i + 1,
                cal(Cal {
                    year: Some(YearSpec::Explicit(full as i32)),
                    ..Cal::default()
                }),
            ));
        }
        // "449/448 v. Chr.": the first year borrows the era of the second.
        if (1..=4).contains(&d)
            && (self.dash(i + 1) || self.is_f(i + 1, F::Bis))
            && let C::Int(_, 1..=4) = self.c(i + 2)
            && self.w(i + 3) == Some(W::Bc)
        {
            return Some(M::new(
                i,
                i + 1,
                cal(Cal {
                    year: Some(YearSpec::Explicit(-(v as i32))),
                    ..Cal::default()
                }),
            ));
        }
        // Amounts of time: "drei Tage", "15 Tage später", "71 Jahre alt", "zwei oder drei Tage".
        if d <= 6
            && let Some(m) = self.amount_phrase(i)
        {
            return Some(m);
        }
        // Years.
        if let Some((y, end)) = self.year_num(i, true)
            && (end > i + 1 || self.year_context(i))
        {
            return Some(M::new(
                i,
                end,
                cal(Cal {
                    year: Some(YearSpec::Explicit(y)),
                    ..Cal::default()
                }),
            ));
        }
        None
    }

    /// Whether a bare four-digit number is a year rather than a count.
    fn year_context(&self, i: usize) -> bool {
        let prev = self.prev(i).map(|p| self.c(p));
        // Cues that make even "1940 Panzer" read as a year ("im 1940 …" never occurs).
        let strong = matches!(
            prev,
            Some(C::W(W::Fn(
                F::Im
                    | F::Seit
                    | F::Bis
                    | F::Ab
                    | F::Vom
                    | F::Zum
                    | F::Um
                    | F::Nach
                    | F::Vor
                    | F::Zwischen
                    | F::Gegen
                    | F::Since
            ))) | Some(C::W(
                W::Month(_)
                    | W::MonthAmbiguous(_)
                    | W::Season(..)
                    | W::Edge(_)
                    | W::Unit(Unit::Year)
                    | W::YearEdge(_)
            )) | Some(C::P('('))
        );
        if strong {
            return true;
        }
        let after_number_word = self.prev(i).is_some_and(|p| {
            let t = self.text(p).to_lowercase();
            matches!(
                t.as_str(),
                "nr."
                    | "nummer"
                    | "seite"
                    | "platz"
                    | "artikel"
                    | "§"
                    | "paragraf"
                    | "tel."
                    | "linie"
                    | "flug"
                    | "zimmer"
                    | "rund"
                    | "etwa"
                    | "ca."
                    | "insgesamt"
                    | "mit"
                    | "über"
                    | "fast"
                    | "knapp"
                    | "mindestens"
            )
        });
        if after_number_word || matches!(prev, Some(C::Int(..))) {
            return false;
        }
        if matches!(
            prev,
            Some(C::W(W::Fn(
                F::Die | F::Der | F::Den | F::Dem | F::Das | F::The
            )))
        ) {
            // "die 1949 gegründete NATO" but "die 1500 Soldaten".
            let next = self.text(i + 1);
            return self.tok(i + 1).is_some_and(|t| t.has(flag::LOWER_INITIAL))
                && crate::time::tense::is_participle_adjective(&next.to_lowercase());
        }
        let next_unit = self.tok(i + 1).is_some_and(|t| {
            matches!(
                t.text(self.text),
                "km" | "m"
                    | "kg"
                    | "t"
                    | "Mio."
                    | "Mrd."
                    | "%"
                    | "Prozent"
                    | "Euro"
                    | "Dollar"
                    | "mal"
                    | "Mal"
                    | "Stück"
                    | "Uhr"
            )
        });
        let next_noun = self.tok(i + 1).is_some_and(|t| {
            let w = t.text(self.text);
            t.kind == TokenKind::Word
                && t.has(flag::UPPER_INITIAL)
                && !is_closed_class_de(&w.to_lowercase())
                && !matches!(self.w(i + 1), Some(W::Month(_) | W::MonthAmbiguous(_)))
        });
        if next_unit {
            return false;
        }
        // "1927 und endete", "schon 1927 bildeten", a list item "* 1920 Chili-Krieg".
        let line_start = self
            .tok(i)
            .is_some_and(|t| t.has(flag::NEWLINE_BEFORE) || t.has(flag::SEGMENT_START))
            || i == self.lo
            || self.prev(i).is_some_and(|p| {
                matches!(self.c(p), C::P('*' | '•' | '-' | '–'))
                    && self
                        .tok(p)
                        .is_some_and(|t| t.has(flag::NEWLINE_BEFORE) || t.has(flag::SEGMENT_START))
            });
        !next_noun || line_start
    }

    /// "drei Tage", "15 Tage später", "zwei Jahre zuvor", "71 Jahre alt",
    /// "zwei oder drei Tage", "etwa zwanzig Tagen", "anderthalb Jahre".
    fn amount_phrase(&self, i: usize) -> Option<M> {
        let (n, mut k) = self.amount(i)?;
        // One adjective may stand between number and unit: "sieben
        // aufeinanderfolgenden Tagen", "einen ganzen Monat", "drei weitere Jahre".
        if self.unit_at(k).is_none()
            && self.unit_at(k + 1).is_some()
            && self.tok(k).is_some_and(|t| {
                let w = t.text(self.text);
                t.kind == TokenKind::Word
                    && t.has(flag::LOWER_INITIAL)
                    && ["e", "en", "er", "es", "em"].iter().any(|e| w.ends_with(e))
                    && !is_closed_class_de(w)
            })
        {
            k += 1;
        }
        // "zwei oder drei Tage": the first number borrows the unit.
        if (matches!(self.f(k), Some(F::Oder | F::Bis | F::Und)) || self.dash(k))
            && let Some((_, k2)) = self.amount(k + 1)
            && let Some(u) = self.unit_at(k2)
            && self.plural(k2)
        {
            return Some(M::new(i, k, Sem::Duration(Duration::new(n, u))));
        }
        let unit = self.unit_at(k)?;
        // "eines Tages" is "one day", not a duration.
        if self.text(i).eq_ignore_ascii_case("eines") {
            return None;
        }
        if n > 1.0
            && n.fract() == 0.0
            && !self.plural(k)
            && self.de()
            && !matches!(unit, Unit::Quarter)
        {
            // "1949 Jahr" or "2 Monat" is not German.
            return None;
        }
        match self.w(k + 1) {
            Some(W::Later) => Some(M::new(
                i,
                k + 2,
                Sem::Shift {
                    amount: Some(n),
                    unit,
                    sign: 1,
                    from_document: false,
                },
            )),
            Some(W::Earlier) => Some(M::new(
                i,
                k + 2,
                Sem::Shift {
                    amount: Some(n),
                    unit,
                    sign: -1,
                    from_document: false,
                },
            )),
            Some(W::Ago) => Some(M::new(
                i,
                k + 2,
                Sem::Shift {
                    amount: Some(n),
                    unit,
                    sign: -1,
                    from_document: true,
                },
            )),
            Some(W::Old) if unit == Unit::Year && (1.0..=125.0).contains(&n) => {
                let subject = self.subject_before(i);
                Some(M::new(
                    i,
                    k + 2,
                    Sem::Age {
                        years: n as u32,
                        subject,
                    },
                ))
            }
            // "der 70 Jahre alte Scholz".
            _ if unit == Unit::Year
                && (1.0..=125.0).contains(&n)
                && matches!(
                    self.text(k + 1),
                    "alte" | "alter" | "alten" | "altes" | "altem"
                ) =>
            {
                let subject = self.name_after(k + 2);
                Some(M::new(
                    i,
                    k + 2,
                    Sem::Age {
                        years: n as u32,
                        subject,
                    },
                ))
            }
            _ => Some(M::new(i, k + 1, Sem::Duration(Duration::new(n, unit)))),
        }
    }

    fn number_word(&self, i: usize, n: f64) -> Option<M> {
        // "um neun Uhr".
        if self.w(i + 1) == Some(W::Uhr) && n.fract() == 0.0 && n <= 24.0 {
            return Some(self.with_zone(M::new(
                i,
                i + 2,
                Sem::TimeOfRef {
                    part: None,
                    clock: Some((n as u8, 0)),
                    zone: None,
                },
            )));
        }
        // "ein paar Tage", "einige".
        if n == 1.0 && self.w(i + 1) == Some(W::Vague) {
            let mut m = self.vague(i + 1)?;
            m.start = i;
            return Some(m);
        }
        self.amount_phrase(i)
    }

    fn vague(&self, i: usize) -> Option<M> {
        let u = self.unit_at(i + 1)?;
        if !self.plural(i + 1) {
            return None;
        }
        match self.w(i + 2) {
            Some(W::Later) => Some(M::new(i, i + 3, Sem::Ref(RefKind::Future))),
            Some(W::Earlier) => Some(M::new(
                i,
                i + 3,
                Sem::Duration(Duration {
                    amount: None,
                    unit: u,
                }),
            )),
            _ => Some(M::new(
                i,
                i + 2,
                Sem::Duration(Duration {
                    amount: None,
                    unit: u,
                }),
            )),
        }
    }

    fn unit_adj(&self, i: usize, n: f64, u: Unit) -> Option<M> {
        if u == Unit::Year && n.fract() == 0.0 {
            // "80-jähriges Bestehen", "100-jähriges Jubiläum".
            if matches!(self.w(i + 1), Some(W::Existence | W::Anniversary)) {
                return Some(M::new(
                    i,
                    i + 2,
                    Sem::Anniversary {
                        n: n as u32,
                        kind: AnnivKind::Bestehen,
                        subject: None,
                    },
                ));
            }
            let years = n as u32;
            if (1..=125).contains(&years) {
                // "der 71-Jährige" (a noun) is a person.
                if self.upper(i) && self.prev(i).is_some() {
                    return Some(M::new(
                        i,
                        i + 1,
                        Sem::Age {
                            years,
                            subject: None,
                        },
                    ));
                }
                let next = self.name_after(i + 1);
                if let Some(span) = &next {
                    let first = self.text[span.clone()]
                        .split_whitespace()
                        .next()
                        .unwrap_or("")
                        .to_lowercase();
                    let abstract_noun = [
                        "ung", "heit", "keit", "schaft", "tion", "tät", "ismus", "nis", "tum",
                    ]
                    .iter()
                    .any(|s| first.ends_with(s));
                    if !abstract_noun && !PERIOD_NOUNS.contains(&first.as_str()) {
                        return Some(M::new(
                            i,
                            i + 1,
                            Sem::Age {
                                years,
                                subject: next,
                            },
                        ));
                    }
                }
            }
        }
        Some(M::new(i, i + 1, Sem::Duration(Duration::new(n, u))))
    }

    fn month(&self, i: usize, m: u8, ambiguous: bool) -> Option<M> {
        if !self.upper(i) && !self.text(i).ends_with('.') {
            return None;
        }
        // English "February 28, 2025", "Feb. 28".
        if !self.de() {
            let day = match self.c(i + 1) {
                C::Int(d, 1..=2) | C::Ord(d) if (1..=31).contains(&d) => Some(d as u8),
                _ => None,
            };
            if let Some(d) = day {
                let mut c = Cal {
                    month: Some(m),
                    day: Some(d),
                    ..Cal::default()
                };
                let mut end = i + 2;
                let k = if self.punct(end, ',') { end + 1 } else { end };
                if let Some((y, e)) = self.year_num(k, true) {
                    c.year = Some(YearSpec::Explicit(y));
                    end = e;
                }
                return Some(M::new(i, end, cal(c)).fmt(DateFormat::Textual));
            }
        }
        let mut c = Cal {
            month: Some(m),
            ..Cal::default()
        };
        if let Some((y, end)) = self.year_after(i + 1) {
            c.year = Some(y);
            return Some(M::new(i, end, cal(c)));
        }
        // "Mai/Juni 1940", "August bis September 1904": the first month takes the year of the second.
        if (self.dash(i + 1) || matches!(self.f(i + 1), Some(F::Und | F::Oder | F::Bis)))
            && let Some(W::Month(_) | W::MonthAmbiguous(_)) = self.w(i + 2)
            && let Some((y, _)) = self.year_after(i + 3)
        {
            c.year = Some(y);
            return Some(M::new(i, i + 1, cal(c)));
        }
        if ambiguous {
            let cue = self.prev(i).is_some_and(|p| {
                matches!(
                    self.f(p),
                    Some(
                        F::Im
                            | F::Seit
                            | F::Bis
                            | F::Ab
                            | F::Vom
                            | F::Zum
                            | F::In
                            | F::Des
                            | F::Since
                    )
                ) || matches!(
                    self.w(p),
                    Some(W::Edge(_) | W::Month(_) | W::MonthAmbiguous(_))
                ) || self.dash(p)
                    || (matches!(self.f(p), Some(F::Und | F::Oder))
                        && p > self.lo
                        && matches!(self.w(p - 1), Some(W::Month(_) | W::MonthAmbiguous(_))))
            }) || (self.dash(i + 1)
                && matches!(self.w(i + 2), Some(W::Month(_) | W::MonthAmbiguous(_))));
            if !cue {
                return None;
            }
        }
        Some(M::new(i, i + 1, cal(c)))
    }

    fn season(&self, i: usize, s: Season, e: Option<Edge>) -> Option<M> {
        if !self.upper(i) && self.de() {
            return None;
        }
        let mut c = Cal {
            season: Some(s),
            ..Cal::default()
        };
        let mut m = if let Some((y, end)) = self.year_after(i + 1) {
            c.year = Some(y);
            M::new(i, end, cal(c))
        } else if (self.dash(i + 1) || matches!(self.f(i + 1), Some(F::Und | F::Oder | F::Bis)))
            && let Some(W::Season(..)) = self.w(i + 2)
            && let Some((y, _)) = self.year_after(i + 3)
        {
            // "Spätsommer und Herbst 1940".
            c.year = Some(y);
            M::new(i, i + 1, cal(c))
        } else {
            let cue = self.prev(i).is_some_and(|p| {
                matches!(
                    self.f(p),
                    Some(
                        F::Im
                            | F::Seit
                            | F::Bis
                            | F::Ab
                            | F::Zum
                            | F::Vom
                            | F::Des
                            | F::In
                            | F::Den
                            | F::Dem
                            | F::Since
                    )
                ) || matches!(self.w(p), Some(W::Edge(_) | W::EdgeAdj(_)))
            });
            if !cue {
                return None;
            }
            M::new(i, i + 1, cal(c))
        };
        m.edge = e;
        Some(m)
    }

    fn deictic(&self, i: usize, d: Deixis) -> Option<M> {
        let (offset, anchor) = match d {
            Deixis::This => (0, RelAnchor::Document),
            Deixis::Last => (-1, RelAnchor::Document),
            Deixis::Next => (1, RelAnchor::Document),
            Deixis::Following => (1, RelAnchor::Reference),
            Deixis::Same => (0, RelAnchor::Reference),
            Deixis::Preceding => (-1, RelAnchor::Reference),
        };
        let rel = |unit, end, part| {
            Some(M::new(
                i,
                end,
                Sem::Rel {
                    unit,
                    offset,
                    anchor,
                    part,
                },
            ))
        };
        match self.c(i + 1) {
            C::W(W::Unit(u)) => {
                let plural = self.plural(i + 1);
                if plural {
                    // "in den folgenden Monaten", "in den letzten Jahren".
                    return Some(M::new(
                        i,
                        i + 2,
                        Sem::Duration(Duration {
                            amount: None,
                            unit: u,
                        }),
                    ));
                }
                // "im letzten Jahr des Krieges" is its final year, not last year.
                if d == Deixis::Last && matches!(self.f(i + 2), Some(F::Des | F::Der)) {
                    return None;
                }
                let unit = match u {
                    Unit::Day => RelUnit::Day,
                    Unit::Week => RelUnit::Week,
                    Unit::Month => RelUnit::Month,
                    Unit::Quarter => RelUnit::Quarter,
                    Unit::Year => RelUnit::Year,
                    _ => return None,
                };
                // "am selben Tag", "an diesem Tag", "im selben Monat": the
                // day talked about; TIMEX keeps the preposition here.
                if matches!(unit, RelUnit::Day | RelUnit::Month)
                    && matches!(d, Deixis::Same | Deixis::This)
                    && (unit == RelUnit::Day || d == Deixis::Same)
                {
                    let start = match self.prev(i) {
                        Some(p) if matches!(self.f(p), Some(F::Am | F::An | F::Im)) => p,
                        _ => i,
                    };
                    return Some(M::new(
                        start,
                        i + 2,
                        Sem::Rel {
                            unit,
                            offset: 0,
                            anchor: RelAnchor::Reference,
                            part: None,
                        },
                    ));
                }
                // "am nächsten Tag" counts from the day talked about.
                if unit == RelUnit::Day && d == Deixis::Next {
                    return Some(M::new(
                        i,
                        i + 2,
                        Sem::Rel {
                            unit,
                            offset: 1,
                            anchor: RelAnchor::Reference,
                            part: None,
                        },
                    ));
                }
                rel(unit, i + 2, None)
            }
            C::W(W::Num(_) | W::Both) | C::Int(..) => {
                let (n, k) = match self.w(i + 1) {
                    Some(W::Both) => (2.0, i + 2),
                    _ => self.amount(i + 1)?,
                };
                let u = self.unit_at(k)?;
                self.plural(k)
                    .then(|| M::new(i, k + 1, Sem::Duration(Duration::new(n, u))))
            }
            C::W(W::Season(s, _)) => rel(RelUnit::Season(s), i + 2, None),
            C::W(W::Month(m) | W::MonthAmbiguous(m)) => rel(RelUnit::MonthName(m), i + 2, None),
            C::W(W::Weekday(wd)) => rel(RelUnit::Weekday(wd), i + 2, None),
            C::W(W::WeekdayPart(wd, p)) => rel(RelUnit::Weekday(wd), i + 2, Some(p)),
            C::W(W::Weekend) => rel(RelUnit::Weekend, i + 2, None),
            C::W(W::Part(p)) => {
                // "am selben Abend", "am nächsten Morgen", "am Abend zuvor" counts from the day talked about.
                let offset = match d {
                    Deixis::Same | Deixis::This => 0,
                    Deixis::Next | Deixis::Following => 1,
                    Deixis::Last | Deixis::Preceding => -1,
                };
                Some(M::new(
                    i,
                    i + 2,
                    Sem::Rel {
                        unit: RelUnit::Day,
                        offset,
                        anchor: RelAnchor::Reference,
                        part: Some(p),
                    },
                ))
            }
            _ => None,
        }
    }

    fn day_rel(&self, i: usize, n: i8) -> Option<M> {
        // Sentence-initial "Morgen des 22. Juni" is a morning.
        if n == 1 && self.upper(i) && matches!(self.f(i + 1), Some(F::Des | F::Vom)) {
            return self.part(i, DayPart::Morning);
        }
        let mut end = i + 1;
        let mut part = None;
        match self.w(i + 1) {
            Some(W::Part(p)) => {
                part = Some(p);
                end += 1;
            }
            Some(W::Early) => {
                part = Some(DayPart::Morning);
                end += 1;
            }
            _ => {}
        }
        Some(M::new(
            i,
            end,
            Sem::DayRel {
                days: n as i32,
                part,
            },
        ))
    }

    fn unit_word(&self, i: usize, u: Unit) -> Option<M> {
        // "Jahr 1949", "im Jahre 1911", "Jahr 492 v. Chr."
        if u == Unit::Year
            && let Some((y, end)) = self.year_num(i + 1, false)
        {
            return Some(M::new(
                i,
                end,
                cal(Cal {
                    year: Some(YearSpec::Explicit(y)),
                    ..Cal::default()
                }),
            ));
        }
        let plural = self.plural(i);
        match self.w(i + 1) {
            // "Tag darauf", "Tag zuvor".
            Some(W::Later) if !plural && u == Unit::Day => {
                // "am Tag darauf" keeps its preposition, like "am selben Tag".
                let start = match self.prev(i) {
                    Some(p) if self.is_f(p, F::Am) => p,
                    _ => i,
                };
                return Some(M::new(
                    start,
                    i + 2,
                    Sem::Shift {
                        amount: Some(1.0),
                        unit: u,
                        sign: 1,
                        from_document: false,
                    },
                ));
            }
            Some(W::Earlier) if !plural && u == Unit::Day => {
                return Some(M::new(
                    i,
                    i + 2,
                    Sem::Shift {
                        amount: Some(1.0),
                        unit: u,
                        sign: -1,
                        from_document: false,
                    },
                ));
            }
            Some(W::Earlier | W::Later) if plural => {
                return Some(M::new(
                    i,
                    i + 2,
                    Sem::Duration(Duration {
                        amount: None,
                        unit: u,
                    }),
                ));
            }
            _ => {}
        }
        // "seit Jahren".
        if plural && self.prev(i).is_some_and(|p| self.is_f(p, F::Seit)) {
            return Some(M::new(
                i,
                i + 1,
                Sem::Duration(Duration {
                    amount: None,
                    unit: u,
                }),
            ));
        }
        None
    }

    fn part(&self, i: usize, p: DayPart) -> Option<M> {
        // "Morgen des 22. Juni 1941", "Nacht vom 16. auf den 17. April".
        if matches!(self.f(i + 1), Some(F::Des | F::Vom | F::Of))
            && let Some(d) = self.date_at(i + 2)
            && let Some(c) = d.cal()
            && c.day.is_some()
        {
            let mut c = *c;
            c.part = Some(p);
            return Some(M::new(i, d.end, cal(c)));
        }
        let cue = self.prev(i).is_some_and(|q| {
            matches!(self.f(q), Some(F::Am | F::Gegen | F::Zur | F::At))
                || (self.is_f(q, F::Der)
                    && q > self.lo
                    && (self.is_f(q - 1, F::In)
                        || self.text(q - 1).eq_ignore_ascii_case("während")))
                || (self.is_f(q, F::The)
                    && q > self.lo
                    && matches!(self.f(q - 1), Some(F::In | F::At)))
        });
        cue.then(|| {
            M::new(
                i,
                i + 1,
                Sem::TimeOfRef {
                    part: Some(p),
                    clock: None,
                    zone: None,
                },
            )
        })
    }

    fn reference(&self, i: usize, r: RefKind) -> Option<M> {
        let t = self.text(i).to_lowercase();
        if t.starts_with("heutig") && self.text(i + 1) == "Sicht" {
            // "aus heutiger Sicht".
            return Some(M::new(i, i + 1, Sem::Ref(RefKind::Present)));
        }
        if t.starts_with("heutig") {
            // "am heutigen Tag" is today; "heutige Verhältnisse" is not a date.
            return (self.unit_at(i + 1) == Some(Unit::Day)).then(|| {
                M::new(
                    i,
                    i + 2,
                    Sem::DayRel {
                        days: 0,
                        part: None,
                    },
                )
            });
        }
        Some(M::new(i, i + 1, Sem::Ref(r)))
    }

    fn ord_word(&self, i: usize, n: u32) -> Option<M> {
        match self.c(i + 1) {
            C::W(W::HalfYear) if (1..=2).contains(&n) => Some(self.period_of_year(
                i,
                i + 2,
                Cal {
                    half: Some(n as u8),
                    ..Cal::default()
                },
            )),
            C::W(W::Unit(Unit::Quarter)) if (1..=4).contains(&n) && !self.plural(i + 1) => {
                Some(self.period_of_year(
                    i,
                    i + 2,
                    Cal {
                        quarter: Some(n as u8),
                        ..Cal::default()
                    },
                ))
            }
            C::W(W::Both) | C::W(W::Num(_)) => {
                let (amount, k) = match self.w(i + 1) {
                    Some(W::Both) => (2.0, i + 2),
                    _ => self.amount(i + 1)?,
                };
                let u = self.unit_at(k)?;
                self.plural(k)
                    .then(|| M::new(i, k + 1, Sem::Duration(Duration::new(amount, u))))
            }
            C::W(W::Unit(u)) if self.plural(i + 1) => Some(M::new(
                i,
                i + 2,
                Sem::Duration(Duration {
                    amount: None,
                    unit: u,
                }),
            )),
            _ => None,
        }
    }

    /// "am frühen Morgen des 6. Juni", "im späten Frühjahr 1861", "in
    /// ihren frühen Jahren".
    fn edge_adj(&self, i: usize, e: Edge) -> Option<M> {
        let mut m = match self.c(i + 1) {
            C::W(W::Part(p)) => {
                let m = self.part(i + 1, p).or_else(|| {
                    let cue = self
                        .prev(i)
                        .is_some_and(|q| matches!(self.f(q), Some(F::Am | F::Gegen)));
                    cue.then(|| {
                        M::new(
                            i + 1,
                            i + 2,
                            Sem::TimeOfRef {
                                part: Some(p),
                                clock: None,
                                zone: None,
                            },
                        )
                    })
                })?;
                // "am frühen Morgen des 6. Juni" is a morning of a day, not its start.
                M {
                    edge: if matches!(m.sem, Sem::Cal(_)) {
                        None
                    } else {
                        Some(e)
                    },
                    ..m
                }
            }
            C::W(W::Season(s, _)) => {
                let mut m = self.season(i + 1, s, None).or_else(|| {
                    Some(M::new(
                        i + 1,
                        i + 2,
                        cal(Cal {
                            season: Some(s),
                            ..Cal::default()
                        }),
                    ))
                })?;
                m.edge = Some(e);
                m
            }
            C::W(W::Unit(u)) if self.plural(i + 1) => M::new(
                i + 1,
                i + 2,
                Sem::Duration(Duration {
                    amount: None,
                    unit: u,
                }),
            ),
            _ => return None,
        };
        if m.start != i + 1 {
            return None;
        }
        m.start = i;
        Some(m)
    }

    /// "im Alter von 71 Jahren", "aged 71".
    fn age_noun(&self, i: usize) -> Option<M> {
        let j = if self.is_f(i + 1, F::Von) {
            i + 2
        } else {
            i + 1
        };
        let (n, k) = self.amount(j)?;
        if !(1.0..=125.0).contains(&n) || n.fract() != 0.0 {
            return None;
        }
        let end = if self.unit_at(k) == Some(Unit::Year) {
            k + 1
        } else {
            k
        };
        Some(M::new(
            j,
            end,
            Sem::Age {
                years: n as u32,
                subject: None,
            },
        ))
    }
}
