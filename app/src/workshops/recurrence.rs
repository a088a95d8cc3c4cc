//! Sessions from a rule: weekly, every two weeks or monthly ("the second Tuesday"), from a
//! start date for a number of sessions or until an end date, at a local time in the centre's
//! time zone. A session at 14:00 stays at 14:00 across a daylight-saving change; closure
//! days are skipped (with a count, the cycle goes on past them so it keeps its length).

use crate::notices::Problem;
use chrono::{Datelike, Days, Months, NaiveDate, NaiveTime, TimeZone, Weekday};

use crate::when::local_moment;

/// The most sessions one rule may create.
pub const MAX_SESSIONS: usize = 60;

/// The shortest and longest session, in minutes.
pub const DURATION_RANGE: std::ops::RangeInclusive<u32> = 15..=600;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Frequency {
    Weekly,
    Fortnightly,
    /// The same weekday of the same week of each month as the start date ("second
    /// Tuesday"); a start in the fifth week means the month's last such weekday.
    Monthly,
}

impl Frequency {
    pub fn parse(text: &str) -> Option<Frequency> {
        match text {
            "weekly" => Some(Frequency::Weekly),
            "fortnightly" => Some(Frequency::Fortnightly),
            "monthly" => Some(Frequency::Monthly),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    /// This many sessions are held (closure days do not count).
    Count(u32),
    /// Every date up to and including this one.
    Until(NaiveDate),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    pub frequency: Frequency,
    pub start: NaiveDate,
    pub end: End,
    pub time: NaiveTime,
    pub minutes: u32,
}

/// Why a rule gives no sessions; each is a code under `error.`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleError {
    TooMany,
    NoDate,
    Duration,
}

impl RuleError {
    /// What the planning form says about it.
    pub fn problem(self) -> Problem {
        match self {
            RuleError::TooMany => Problem::SessionsTooMany,
            RuleError::NoDate => Problem::RuleNoDate,
            RuleError::Duration => Problem::DurationInvalid,
        }
    }
}

/// The `n`th (1-based) `weekday` of a month, or its last one when `n` is 5.
fn nth_weekday(year: i32, month: u32, weekday: Weekday, n: u32) -> Option<NaiveDate> {
    if n >= 5 {
        let next_month =
            NaiveDate::from_ymd_opt(year, month, 1)?.checked_add_months(Months::new(1))?;
        let mut day = next_month.pred_opt()?;
        while day.weekday() != weekday {
            day = day.pred_opt()?;
        }
        Some(day)
    } else {
        NaiveDate::from_weekday_of_month_opt(year, month, weekday, n as u8)
    }
}

/// The `index`th date of the rule's sequence, before closure days are taken out.
fn nth_date(rule: &Rule, index: u32) -> Option<NaiveDate> {
    match rule.frequency {
        Frequency::Weekly => rule.start.checked_add_days(Days::new(7 * u64::from(index))),
        Frequency::Fortnightly => rule
            .start
            .checked_add_days(Days::new(14 * u64::from(index))),
        Frequency::Monthly => {
            let week = (rule.start.day() - 1) / 7 + 1;
            let month = rule
                .start
                .with_day(1)?
                .checked_add_months(Months::new(index))?;
            nth_weekday(month.year(), month.month(), rule.start.weekday(), week)
        }
    }
}

/// The sessions a rule gives, as `(start, end)` seconds since the epoch, skipping closure
/// days.
pub fn sessions<Z: TimeZone>(
    rule: &Rule,
    closures: &[NaiveDate],
    tz: &Z,
) -> Result<Vec<(i64, i64)>, RuleError> {
    if !DURATION_RANGE.contains(&rule.minutes) {
        return Err(RuleError::Duration);
    }
    let limit = match rule.end {
        End::Count(0) => return Err(RuleError::NoDate),
        End::Count(n) if n as usize > MAX_SESSIONS => return Err(RuleError::TooMany),
        End::Count(n) => n as usize,
        End::Until(_) => MAX_SESSIONS,
    };
    let length = i64::from(rule.minutes) * 60;
    let mut found = Vec::new();
    // Closure days can stretch a cycle, but never forever.
    for index in 0..(MAX_SESSIONS as u32 * 4) {
        let Some(date) = nth_date(rule, index) else {
            break;
        };
        if matches!(rule.end, End::Until(last) if date > last) {
            break;
        }
        if closures.contains(&date) {
            continue;
        }
        if found.len() == limit {
            if matches!(rule.end, End::Until(_)) {
                return Err(RuleError::TooMany);
            }
            break;
        }
        let start = local_moment(tz, date, rule.time).ok_or(RuleError::NoDate)?;
        found.push((start, start + length));
    }
    if found.is_empty() {
        return Err(RuleError::NoDate);
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use chrono_tz::Europe::Brussels;

    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn at(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn rule(frequency: Frequency, start: NaiveDate, end: End) -> Rule {
        Rule {
            frequency,
            start,
            end,
            time: at(14, 0),
            minutes: 120,
        }
    }

    /// The local date and time of each session, to compare with what people expect.
    fn local(sessions: &[(i64, i64)]) -> Vec<String> {
        sessions
            .iter()
            .map(|(start, _)| {
                chrono::DateTime::from_timestamp(*start, 0)
                    .unwrap()
                    .with_timezone(&Brussels)
                    .format("%Y-%m-%d %H:%M")
                    .to_string()
            })
            .collect()
    }

    #[test]
    fn weekly_sessions_keep_their_local_hour_across_both_daylight_saving_changes() {
        // 2026: summer time starts on 29 March and ends on 25 October.
        let spring = sessions(
            &rule(Frequency::Weekly, date(2026, 3, 17), End::Count(3)),
            &[],
            &Brussels,
        )
        .unwrap();
        assert_eq!(
            local(&spring),
            ["2026-03-17 14:00", "2026-03-24 14:00", "2026-03-31 14:00"]
        );
        // In UTC the hour moves: 13:00 in winter, 12:00 in summer.
        assert_eq!(spring[1].1 - spring[1].0, 7200);
        assert_eq!(spring[2].0 - spring[1].0, 7 * 24 * 3600 - 3600);
        let autumn = sessions(
            &rule(Frequency::Weekly, date(2026, 10, 20), End::Count(2)),
            &[],
            &Brussels,
        )
        .unwrap();
        assert_eq!(local(&autumn), ["2026-10-20 14:00", "2026-10-27 14:00"]);
        assert_eq!(autumn[1].0 - autumn[0].0, 7 * 24 * 3600 + 3600);
    }

    #[test]
    fn a_time_in_the_skipped_hour_moves_one_hour_later_and_a_doubled_one_is_the_first() {
        let skipped = local_moment(&Brussels, date(2026, 3, 29), at(2, 30)).unwrap();
        assert_eq!(local(&[(skipped, 0)]), ["2026-03-29 03:30"]);
        let doubled = local_moment(&Brussels, date(2026, 10, 25), at(2, 30)).unwrap();
        // The first 02:30 is still summer time (UTC+2).
        assert_eq!(
            chrono::DateTime::from_timestamp(doubled, 0)
                .unwrap()
                .to_rfc3339(),
            "2026-10-25T00:30:00+00:00"
        );
    }

    #[test]
    fn closure_days_are_skipped_and_a_counted_cycle_goes_on_past_them() {
        let closures = [date(2026, 12, 22), date(2026, 12, 29)];
        let cycle = sessions(
            &rule(Frequency::Weekly, date(2026, 12, 8), End::Count(4)),
            &closures,
            &Brussels,
        )
        .unwrap();
        assert_eq!(
            local(&cycle),
            [
                "2026-12-08 14:00",
                "2026-12-15 14:00",
                "2027-01-05 14:00",
                "2027-01-12 14:00"
            ]
        );
        let until = sessions(
            &rule(
                Frequency::Weekly,
                date(2026, 12, 8),
                End::Until(date(2026, 12, 29)),
            ),
            &closures,
            &Brussels,
        )
        .unwrap();
        assert_eq!(local(&until), ["2026-12-08 14:00", "2026-12-15 14:00"]);
    }

    #[test]
    fn fortnightly_and_monthly_rules() {
        let fortnightly = sessions(
            &rule(
                Frequency::Fortnightly,
                date(2026, 1, 6),
                End::Until(date(2026, 2, 3)),
            ),
            &[],
            &Brussels,
        )
        .unwrap();
        assert_eq!(
            local(&fortnightly),
            ["2026-01-06 14:00", "2026-01-20 14:00", "2026-02-03 14:00"]
        );
        // 8 December 2026 is the second Tuesday of its month.
        let second_tuesday = sessions(
            &rule(Frequency::Monthly, date(2026, 12, 8), End::Count(3)),
            &[],
            &Brussels,
        )
        .unwrap();
        assert_eq!(
            local(&second_tuesday),
            ["2026-12-08 14:00", "2027-01-12 14:00", "2027-02-09 14:00"]
        );
        // 29 December 2026 is a fifth Tuesday: the rule is "the last Tuesday".
        let last_tuesday = sessions(
            &rule(Frequency::Monthly, date(2026, 12, 29), End::Count(2)),
            &[],
            &Brussels,
        )
        .unwrap();
        assert_eq!(
            local(&last_tuesday),
            ["2026-12-29 14:00", "2027-01-26 14:00"]
        );
    }

    #[test]
    fn rules_that_give_nothing_or_too_much_are_refused() {
        let start = date(2026, 12, 8);
        assert_eq!(
            sessions(
                &rule(Frequency::Weekly, start, End::Count(10_000)),
                &[],
                &Brussels
            ),
            Err(RuleError::TooMany)
        );
        assert_eq!(
            sessions(
                &rule(Frequency::Weekly, start, End::Until(date(2030, 1, 1))),
                &[],
                &Brussels
            ),
            Err(RuleError::TooMany)
        );
        assert_eq!(
            sessions(
                &rule(Frequency::Weekly, start, End::Count(0)),
                &[],
                &Brussels
            ),
            Err(RuleError::NoDate)
        );
        assert_eq!(
            sessions(
                &rule(Frequency::Weekly, start, End::Until(date(2026, 12, 1))),
                &[],
                &Brussels
            ),
            Err(RuleError::NoDate)
        );
        assert_eq!(
            sessions(
                &rule(Frequency::Weekly, start, End::Until(start)),
                &[start],
                &Brussels
            ),
            Err(RuleError::NoDate)
        );
        let mut long = rule(Frequency::Weekly, start, End::Count(1));
        long.minutes = 0;
        assert_eq!(sessions(&long, &[], &Brussels), Err(RuleError::Duration));
        long.minutes = 601;
        assert_eq!(sessions(&long, &[], &Brussels), Err(RuleError::Duration));
    }
}
