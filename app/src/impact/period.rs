//! The period a report covers, as the address names it: a month (`2026-11`), a quarter
//! (`2026-Q3`), a year (`2026`), or two dates (`dates` with `from` and `to`); and the
//! previous period of the same length it is compared with. Pure: the tests below need no
//! database.

use chrono::{Datelike, Months, NaiveDate};

use crate::notices::Problem;

/// The longest period a report covers.
const YEARS_MAX: u32 = 5;

/// What kind of period, for its name and the one before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Span {
    Month,
    Quarter,
    Year,
    Dates,
}

/// Days from `from` to `to`, both included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReportPeriod {
    pub span: Span,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

fn first_of(year: i32, month: u32) -> Option<NaiveDate> {
    (1900..=2200)
        .contains(&year)
        .then(|| NaiveDate::from_ymd_opt(year, month, 1))
        .flatten()
}

/// `months` months from `start`, ending the day before the next start.
fn months_from(span: Span, start: NaiveDate, months: u32) -> Option<ReportPeriod> {
    let next = start.checked_add_months(Months::new(months))?;
    Some(ReportPeriod {
        span,
        from: start,
        to: next.pred_opt()?,
    })
}

impl ReportPeriod {
    /// The period `period` names (`from` and `to` for `dates`); this month when empty.
    pub fn parse(
        period: &str,
        from: &str,
        to: &str,
        today: NaiveDate,
    ) -> Result<ReportPeriod, Problem> {
        let period = period.trim();
        let invalid = Problem::PeriodInvalid;
        if period.is_empty() {
            let start = first_of(today.year(), today.month()).ok_or(invalid)?;
            return months_from(Span::Month, start, 1).ok_or(invalid);
        }
        if period == "dates" {
            let day = |text: &str| NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d");
            let (Ok(from), Ok(to)) = (day(from), day(to)) else {
                return Err(Problem::DateInvalid);
            };
            if ![from, to].iter().all(|d| (1900..=2200).contains(&d.year())) {
                return Err(Problem::PeriodInvalid);
            }
            if to < from {
                return Err(Problem::PeriodEndsBeforeStart);
            }
            let longest = from.checked_add_months(Months::new(12 * YEARS_MAX));
            if longest.is_none_or(|longest| to >= longest) {
                return Err(Problem::PeriodTooLong);
            }
            return Ok(ReportPeriod {
                span: Span::Dates,
                from,
                to,
            });
        }
        let number = |text: &str| text.parse::<i32>().ok();
        match period.split_once('-') {
            None => {
                let start = number(period).and_then(|y| first_of(y, 1)).ok_or(invalid)?;
                months_from(Span::Year, start, 12).ok_or(invalid)
            }
            Some((year, quarter)) if quarter.starts_with('Q') => {
                let q = number(&quarter[1..]).filter(|q| (1..=4).contains(q));
                let start = q
                    .zip(number(year))
                    .and_then(|(q, y)| first_of(y, (q as u32 - 1) * 3 + 1))
                    .ok_or(invalid)?;
                months_from(Span::Quarter, start, 3).ok_or(invalid)
            }
            Some((year, month)) => {
                let m = number(month).filter(|m| (1..=12).contains(m));
                let start = m
                    .zip(number(year))
                    .and_then(|(m, y)| first_of(y, m as u32))
                    .ok_or(invalid)?;
                months_from(Span::Month, start, 1).ok_or(invalid)
            }
        }
    }

    /// The period of the same length just before.
    pub fn previous(&self) -> ReportPeriod {
        let months = match self.span {
            Span::Month => 1,
            Span::Quarter => 3,
            Span::Year => 12,
            Span::Dates => {
                let days = (self.to - self.from).num_days() + 1;
                let to = self.from.pred_opt().unwrap_or(self.from);
                return ReportPeriod {
                    span: Span::Dates,
                    from: to - chrono::TimeDelta::days(days - 1),
                    to,
                };
            }
        };
        let from = self
            .from
            .checked_sub_months(Months::new(months))
            .unwrap_or(self.from);
        months_from(self.span, from, months).unwrap_or(*self)
    }

    /// How the address names it (`2026-11`, `2026-Q3`, `2026`, `dates`).
    pub fn code(&self) -> String {
        match self.span {
            Span::Month => self.from.format("%Y-%m").to_string(),
            Span::Quarter => format!("{}-Q{}", self.from.year(), self.from.month0() / 3 + 1),
            Span::Year => self.from.year().to_string(),
            Span::Dates => "dates".to_string(),
        }
    }

    /// The address's query for this period: `period=…`, with the dates when it is `dates`.
    pub fn address(&self) -> String {
        match self.span {
            Span::Dates => format!("period=dates&from={}&to={}", self.from, self.to),
            _ => format!("period={}", self.code()),
        }
    }
}

/// The periods offered in the report's list: this month and the eleven before, the last
/// eight quarters, the last five years (newest first).
pub fn offered(today: NaiveDate) -> Vec<ReportPeriod> {
    let mut offered = Vec::new();
    let Ok(month) = ReportPeriod::parse("", "", "", today) else {
        return offered;
    };
    let mut period = month;
    for _ in 0..12 {
        offered.push(period);
        period = period.previous();
    }
    let quarter = format!("{}-Q{}", today.year(), today.month0() / 3 + 1);
    if let Ok(mut period) = ReportPeriod::parse(&quarter, "", "", today) {
        for _ in 0..8 {
            offered.push(period);
            period = period.previous();
        }
    }
    if let Ok(mut period) = ReportPeriod::parse(&today.year().to_string(), "", "", today) {
        for _ in 0..5 {
            offered.push(period);
            period = period.previous();
        }
    }
    offered
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn parse(period: &str, from: &str, to: &str) -> Result<(String, String), Problem> {
        ReportPeriod::parse(period, from, to, day("2026-11-30"))
            .map(|p| (p.from.to_string(), p.to.to_string()))
    }

    #[test]
    fn periods_read_as_named() {
        let both = |a: &str, b: &str| Ok((a.to_string(), b.to_string()));
        assert_eq!(parse("", "", ""), both("2026-11-01", "2026-11-30"));
        assert_eq!(parse("2024-02", "", ""), both("2024-02-01", "2024-02-29"));
        assert_eq!(parse("2026-Q3", "", ""), both("2026-07-01", "2026-09-30"));
        assert_eq!(parse("2025", "", ""), both("2025-01-01", "2025-12-31"));
        assert_eq!(
            parse("dates", "2026-03-01", "2026-03-10"),
            both("2026-03-01", "2026-03-10")
        );
    }

    #[test]
    fn bad_periods_say_why() {
        assert_eq!(parse("2026-13", "", ""), Err(Problem::PeriodInvalid));
        assert_eq!(parse("2026-Q5", "", ""), Err(Problem::PeriodInvalid));
        assert_eq!(parse("tomorrow", "", ""), Err(Problem::PeriodInvalid));
        assert_eq!(parse("99999", "", ""), Err(Problem::PeriodInvalid));
        assert_eq!(
            parse("dates", "2026-02-30", "2026-03-10"),
            Err(Problem::DateInvalid)
        );
        assert_eq!(
            parse("dates", "2026-03-10", "2026-03-01"),
            Err(Problem::PeriodEndsBeforeStart)
        );
        assert_eq!(
            parse("dates", "2020-01-01", "2025-01-01"),
            Err(Problem::PeriodTooLong)
        );
        assert!(parse("dates", "2020-01-01", "2024-12-31").is_ok());
        assert_eq!(
            parse("dates", "-262143-01-01", "-262143-01-05"),
            Err(Problem::PeriodInvalid)
        );
    }

    #[test]
    fn the_previous_period_has_the_same_length() {
        let previous = |p: &str, f: &str, t: &str| {
            let p = ReportPeriod::parse(p, f, t, day("2026-11-30"))
                .unwrap()
                .previous();
            (p.from.to_string(), p.to.to_string(), p.code())
        };
        let s = |a: &str, b: &str, c: &str| (a.to_string(), b.to_string(), c.to_string());
        assert_eq!(
            previous("2026-03", "", ""),
            s("2026-02-01", "2026-02-28", "2026-02")
        );
        assert_eq!(
            previous("2026-Q1", "", ""),
            s("2025-10-01", "2025-12-31", "2025-Q4")
        );
        assert_eq!(
            previous("2026", "", ""),
            s("2025-01-01", "2025-12-31", "2025")
        );
        assert_eq!(
            previous("dates", "2026-03-11", "2026-03-20"),
            s("2026-03-01", "2026-03-10", "dates")
        );
    }

    #[test]
    fn the_list_offers_months_quarters_and_years() {
        let codes: Vec<String> = offered(day("2026-11-30"))
            .iter()
            .map(ReportPeriod::code)
            .collect();
        assert_eq!(codes.len(), 25);
        assert_eq!(codes[0], "2026-11");
        assert_eq!(codes[11], "2025-12");
        assert_eq!(codes[12], "2026-Q4");
        assert_eq!(codes[20], "2026");
        assert_eq!(codes[24], "2022");
    }
}
