//! TIMEX3-style values: what a temporal expression means once resolved,
//! and how it is written ("2024-10-15", "2023-SP", "P80Y", "XXXX-WXX-5").
//!
//! Years are historical: negative for BC ("190 v. Chr." is -190), there is
//! no year 0. Calendar arithmetic goes through `jiff`, which counts
//! astronomically (1 BC = year 0) and only from -9999 to 9999; anything
//! outside that range keeps its value but has no calendar bounds.

use std::fmt::{self, Write};

use jiff::civil::Date;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    pub fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }
}

/// Part of a day, as TIMEX writes it ("1945-05-08TEV").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DayPart {
    Morning,
    Midday,
    Afternoon,
    Evening,
    Night,
}

impl DayPart {
    pub fn code(self) -> &'static str {
        match self {
            DayPart::Morning => "MO",
            DayPart::Midday => "MI",
            DayPart::Afternoon => "AF",
            DayPart::Evening => "EV",
            DayPart::Night => "NI",
        }
    }
}

/// The granularity of a calendar point.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Gran {
    /// TIMEX century number: 19 is 1900–1999; -3 is the 4th century BC.
    Century(i32),
    /// TIMEX decade number: 193 is the 1930s.
    Decade(i32),
    Year,
    Half(u8),
    Quarter(u8),
    Season(Season),
    Month(u8),
    /// ISO week.
    Week(u8),
    Day(u8, u8),
    /// A weekday whose week is not known ("XXXX-WXX-5").
    Weekday(u8),
    /// A weekend ("XXXX-WXX-WE" or "2024-W07-WE").
    Weekend(Option<u8>),
}

/// A calendar point: a year (maybe unknown) at some granularity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Point {
    /// Historical year (negative = BC); `None` when not known.
    pub year: Option<i32>,
    pub gran: Gran,
}

impl Point {
    pub fn year(y: i32) -> Point {
        Point {
            year: Some(y),
            gran: Gran::Year,
        }
    }
    pub fn day(y: i32, m: u8, d: u8) -> Point {
        Point {
            year: Some(y),
            gran: Gran::Day(m, d),
        }
    }
    pub fn from_date(d: Date) -> Point {
        Point::day(hist_year(d.year() as i32), d.month() as u8, d.day() as u8)
    }

    /// The calendar date of a day point.
    pub fn date(&self) -> Option<Date> {
        match (self.year, self.gran) {
            (Some(y), Gran::Day(m, d)) => civil(y, m, d),
            _ => None,
        }
    }

    /// First and last day the point covers, when the calendar can say.
    pub fn bounds(&self) -> Option<(Date, Date)> {
        let first = |y: i32, m: u8| civil(y, m, 1);
        let last = |y: i32, m: u8| civil(y, m, 1).map(|d| d.last_of_month());
        match self.gran {
            Gran::Century(c) => {
                let (a, b) = if c >= 0 {
                    (c * 100, c * 100 + 99)
                } else {
                    (c * 100 - 100, c * 100 - 1)
                };
                let a = if a == 0 { 1 } else { a };
                Some((first(a, 1)?, last(b, 12)?))
            }
            Gran::Decade(d) => Some((first(d * 10, 1)?, last(d * 10 + 9, 12)?)),
            _ => {
                let y = self.year?;
                match self.gran {
                    Gran::Year => Some((first(y, 1)?, last(y, 12)?)),
                    Gran::Half(h) => {
                        let m0 = if h == 2 { 7 } else { 1 };
                        Some((first(y, m0)?, last(y, m0 + 5)?))
                    }
                    Gran::Quarter(q) => {
                        let m0 = (q.clamp(1, 4) - 1) * 3 + 1;
                        Some((first(y, m0)?, last(y, m0 + 2)?))
                    }
                    Gran::Season(s) => match s {
                        Season::Spring => Some((first(y, 3)?, last(y, 5)?)),
                        Season::Summer => Some((first(y, 6)?, last(y, 8)?)),
                        Season::Fall => Some((first(y, 9)?, last(y, 11)?)),
                        // Winter 2023 runs from December 2023 into 2024.
                        Season::Winter => Some((first(y, 12)?, last(next_year(y), 2)?)),
                    },
                    Gran::Month(m) => Some((first(y, m)?, last(y, m)?)),
                    Gran::Week(w) | Gran::Weekend(Some(w)) => {
                        let yy = i16::try_from(astro_year(y)).ok()?;
                        let wd = jiff::civil::ISOWeekDate::new(
                            yy,
                            i8::try_from(w).ok()?,
                            jiff::civil::Weekday::Monday,
                        )
                        .ok()?;
                        let mon = wd.date();
                        Some((mon, mon.checked_add(jiff::Span::new().days(6)).ok()?))
                    }
                    Gran::Day(m, d) => {
                        let x = civil(y, m, d)?;
                        Some((x, x))
                    }
                    Gran::Weekday(_) | Gran::Weekend(None) | Gran::Century(_) | Gran::Decade(_) => {
                        None
                    }
                }
            }
        }
    }

    fn write_timex(&self, out: &mut String) {
        match self.gran {
            Gran::Century(c) => {
                if c < 0 {
                    let _ = write!(out, "BC{:02}", -c);
                } else {
                    let _ = write!(out, "{c:02}");
                }
                return;
            }
            Gran::Decade(d) => {
                if d < 0 {
                    let _ = write!(out, "BC{:03}", -d);
                } else {
                    let _ = write!(out, "{d:03}");
                }
                return;
            }
            _ => {}
        }
        match self.year {
            Some(y) if y < 0 => {
                let _ = write!(out, "BC{:04}", -y);
            }
            Some(y) => {
                let _ = write!(out, "{y:04}");
            }
            None => out.push_str("XXXX"),
        }
        match self.gran {
            Gran::Year | Gran::Century(_) | Gran::Decade(_) => {}
            Gran::Half(h) => {
                let _ = write!(out, "-H{h}");
            }
            Gran::Quarter(0) => out.push_str("-QX"),
            Gran::Quarter(q) => {
                let _ = write!(out, "-Q{q}");
            }
            Gran::Season(s) => {
                let _ = write!(out, "-{}", s.code());
            }
            // Zero marks an unknown part: "XXXX-XX-XX" for an unresolved "gestern".
            Gran::Month(0) => out.push_str("-XX"),
            Gran::Month(m) => {
                let _ = write!(out, "-{m:02}");
            }
            Gran::Week(0) => out.push_str("-WXX"),
            Gran::Week(w) => {
                let _ = write!(out, "-W{w:02}");
            }
            Gran::Day(0, _) => out.push_str("-XX-XX"),
            Gran::Day(m, d) => {
                let _ = write!(out, "-{m:02}-{d:02}");
            }
            Gran::Weekday(wd) => {
                let _ = write!(out, "-WXX-{wd}");
            }
            Gran::Weekend(Some(w)) => {
                let _ = write!(out, "-W{w:02}-WE");
            }
            Gran::Weekend(None) => out.push_str("-WXX-WE"),
        }
    }
}

/// A time of day: a clock time or a part of the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimeOfDay {
    /// `zone`: offset from UTC in hours ("mitteleuropäischer Zeit" is +1).
    Clock {
        hour: u8,
        minute: u8,
        zone: Option<i8>,
    },
    Part(DayPart),
}

/// Units of durations and relative expressions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    fn code(self) -> &'static str {
        match self {
            Unit::Second => "S",
            Unit::Minute => "M",
            Unit::Hour => "H",
            Unit::Day => "D",
            Unit::Week => "W",
            Unit::Month => "M",
            Unit::Quarter => "Q",
            Unit::Year => "Y",
            Unit::Decade => "DE",
            Unit::Century => "CE",
        }
    }
    fn is_clock(self) -> bool {
        matches!(self, Unit::Second | Unit::Minute | Unit::Hour)
    }
}

/// A length of time; `amount: None` is an unspecified number ("mehrere
/// Jahre", TIMEX "PXY").
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Duration {
    pub amount: Option<f64>,
    pub unit: Unit,
}

impl Duration {
    pub fn new(amount: f64, unit: Unit) -> Duration {
        Duration {
            amount: Some(amount),
            unit,
        }
    }

    fn write_timex(&self, out: &mut String) {
        out.push('P');
        if self.unit.is_clock() {
            out.push('T');
        }
        let Some(a) = self.amount else {
            out.push('X');
            out.push_str(self.unit.code());
            return;
        };
        let whole = a.trunc();
        let frac = a - whole;
        if frac.abs() < 1e-9 {
            let _ = write!(out, "{}{}", whole as i64, self.unit.code());
            return;
        }
        // Fractions go to the next smaller unit: "anderthalb Jahre" is P1Y6M.
        let (smaller, per) = match self.unit {
            Unit::Year => (Some("M"), 12.0),
            Unit::Month => (Some("D"), 30.0),
            Unit::Week => (Some("D"), 7.0),
            Unit::Day => (Some("H"), 24.0),
            Unit::Hour => (Some("M"), 60.0),
            Unit::Decade => (Some("Y"), 10.0),
            Unit::Century => (Some("Y"), 100.0),
            _ => (None, 1.0),
        };
        match smaller {
            Some(code) => {
                if whole > 0.0 {
                    let _ = write!(out, "{}{}", whole as i64, self.unit.code());
                }
                if self.unit == Unit::Day {
                    out.push('T');
                }
                let _ = write!(out, "{}{}", (frac * per).round() as i64, code);
            }
            None => {
                let _ = write!(out, "{a}{}", self.unit.code());
            }
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RefKind {
    Present,
    Past,
    Future,
}

/// What a set (a recurring time) recurs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SetValue {
    /// "montags", "jeden Freitag".
    Weekday(u8),
    /// "täglich", "jedes Jahr".
    Every(Unit),
    /// "abends", "jeden Morgen".
    Part(DayPart),
}

/// A resolved (or partly resolved) TIMEX value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value {
    Date(Point),
    /// A time on a day (the day may be unknown: "XXXX-XX-XXT10:30").
    Time(Point, TimeOfDay),
    Duration(Duration),
    Set(SetValue),
    Ref(RefKind),
}

impl Value {
    /// The TIMEX3 value string.
    pub fn timex(&self) -> String {
        let mut s = String::with_capacity(12);
        match self {
            Value::Date(p) => p.write_timex(&mut s),
            Value::Time(p, t) => {
                if matches!(p.gran, Gran::Day(..)) {
                    p.write_timex(&mut s);
                } else {
                    s.push_str("XXXX-XX-XX");
                }
                match t {
                    TimeOfDay::Clock { hour, minute, zone } => {
                        let _ = write!(s, "T{hour:02}:{minute:02}");
                        match zone {
                            Some(0) => s.push('Z'),
                            Some(z) => {
                                let _ = write!(
                                    s,
                                    "{}{:02}",
                                    if *z < 0 { '-' } else { '+' },
                                    z.unsigned_abs()
                                );
                            }
                            None => {}
                        }
                    }
                    TimeOfDay::Part(part) => {
                        let _ = write!(s, "T{}", part.code());
                    }
                }
            }
            Value::Duration(d) => d.write_timex(&mut s),
            Value::Set(SetValue::Weekday(w)) => {
                let _ = write!(s, "XXXX-WXX-{w}");
            }
            Value::Set(SetValue::Every(u)) => Duration::new(1.0, *u).write_timex(&mut s),
            Value::Set(SetValue::Part(p)) => {
                let _ = write!(s, "T{}", p.code());
            }
            Value::Ref(RefKind::Present) => s.push_str("PRESENT_REF"),
            Value::Ref(RefKind::Past) => s.push_str("PAST_REF"),
            Value::Ref(RefKind::Future) => s.push_str("FUTURE_REF"),
        }
        s
    }

    /// The calendar point, for dates and times.
    pub fn point(&self) -> Option<&Point> {
        match self {
            Value::Date(p) | Value::Time(p, _) => Some(p),
            _ => None,
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.timex())
    }
}

/// Historical year → astronomical (1 BC = 0).
pub fn astro_year(y: i32) -> i32 {
    if y < 0 { y + 1 } else { y }
}

/// Astronomical year → historical.
pub fn hist_year(y: i32) -> i32 {
    if y <= 0 { y - 1 } else { y }
}

fn next_year(y: i32) -> i32 {
    if y == -1 { 1 } else { y + 1 }
}

/// Adds years to a historical year, skipping the missing year 0.
pub fn add_years(y: i32, n: i32) -> i32 {
    hist_year(astro_year(y) + n)
}

/// A calendar date from a historical year, `None` when impossible or out
/// of jiff's range.
pub fn civil(y: i32, m: u8, d: u8) -> Option<Date> {
    let y = i16::try_from(astro_year(y)).ok()?;
    Date::new(y, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()
}

/// Days in a month, taking leap years into account when the year is known
/// (February has 29 days when it is not).
pub fn days_in_month(year: Option<i32>, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(y) => {
                let a = astro_year(y);
                if (a % 4 == 0 && a % 100 != 0) || a % 400 == 0 {
                    29
                } else {
                    28
                }
            }
            None => 29,
        },
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timex_strings_follow_timex3() {
        assert_eq!(Value::Date(Point::day(2024, 10, 15)).timex(), "2024-10-15");
        assert_eq!(
            Value::Date(Point {
                year: Some(2025),
                gran: Gran::Month(2)
            })
            .timex(),
            "2025-02"
        );
        assert_eq!(
            Value::Date(Point {
                year: Some(2023),
                gran: Gran::Season(Season::Spring)
            })
            .timex(),
            "2023-SP"
        );
        assert_eq!(
            Value::Date(Point {
                year: None,
                gran: Gran::Day(3, 15)
            })
            .timex(),
            "XXXX-03-15"
        );
        assert_eq!(
            Value::Date(Point {
                year: None,
                gran: Gran::Weekday(5)
            })
            .timex(),
            "XXXX-WXX-5"
        );
        assert_eq!(Value::Date(Point::year(-490)).timex(), "BC0490");
        assert_eq!(
            Value::Date(Point {
                year: None,
                gran: Gran::Century(19)
            })
            .timex(),
            "19"
        );
        assert_eq!(
            Value::Date(Point {
                year: None,
                gran: Gran::Century(-3)
            })
            .timex(),
            "BC03"
        );
        assert_eq!(
            Value::Date(Point {
                year: None,
                gran: Gran::Decade(193)
            })
            .timex(),
            "193"
        );
        assert_eq!(
            Value::Duration(Duration::new(80.0, Unit::Year)).timex(),
            "P80Y"
        );
        assert_eq!(
            Value::Duration(Duration::new(1.5, Unit::Year)).timex(),
            "P1Y6M"
        );
        assert_eq!(
            Value::Duration(Duration::new(2.0, Unit::Hour)).timex(),
            "PT2H"
        );
        assert_eq!(
            Value::Duration(Duration {
                amount: None,
                unit: Unit::Decade
            })
            .timex(),
            "PXDE"
        );
        assert_eq!(
            Value::Time(
                Point::day(1939, 9, 1),
                TimeOfDay::Clock {
                    hour: 4,
                    minute: 45,
                    zone: None
                }
            )
            .timex(),
            "1939-09-01T04:45"
        );
        assert_eq!(
            Value::Time(Point::day(1945, 5, 8), TimeOfDay::Part(DayPart::Evening)).timex(),
            "1945-05-08TEV"
        );
        assert_eq!(Value::Set(SetValue::Weekday(1)).timex(), "XXXX-WXX-1");
        assert_eq!(Value::Ref(RefKind::Present).timex(), "PRESENT_REF");
    }

    #[test]
    fn bounds_cover_the_whole_period() {
        let w = Point {
            year: Some(2023),
            gran: Gran::Season(Season::Winter),
        }
        .bounds()
        .unwrap();
        assert_eq!(
            (w.0.to_string(), w.1.to_string()),
            ("2023-12-01".into(), "2024-02-29".into())
        );
        let c = Point {
            year: None,
            gran: Gran::Century(20),
        }
        .bounds()
        .unwrap();
        assert_eq!(c.0.year(), 2000);
        assert!(Point::year(99999).bounds().is_none());
        assert!(Point::day(2023, 2, 29).date().is_none());
    }

    #[test]
    fn bc_years_skip_year_zero() {
        assert_eq!(add_years(-1, 1), 1);
        assert_eq!(add_years(1, -1), -1);
        assert_eq!(add_years(-190, 10), -180);
        assert_eq!(days_in_month(Some(2024), 2), 29);
        assert_eq!(days_in_month(Some(2023), 2), 28);
        assert_eq!(days_in_month(None, 2), 29);
    }
}
