//! The small-count rule of what leaves the centre: a count from 1 to 4 shows as "fewer than
//! 5", and a count that would let a reader work one out is hidden too. Two shapes give one
//! away: a part of a whole (the people who voted among those active: the difference is the
//! people who did not), and parts that add up to a shown total. Pure: the tests below need no
//! database.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The most a count may be and still be hidden.
pub const SMALL_MAX: i64 = 4;

/// A figure as a reader sees it.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Shown {
    Number(f64),
    /// From 1 to 4.
    FewerThanFive,
    /// Shown, it would give a small count away with another figure.
    Hidden,
    /// Nothing to say (a rate of nothing).
    Empty,
}

impl Shown {
    fn count(self) -> Option<i64> {
        match self {
            Shown::Number(n) => Some(n as i64),
            _ => None,
        }
    }

    fn is_small(n: i64) -> bool {
        (1..=SMALL_MAX).contains(&n)
    }
}

/// How counts relate, for the rule: `Within(whole, part)`, `Total(total, parts)`.
#[derive(Clone, Debug, PartialEq)]
pub enum Tie {
    Within(String, String),
    Total(String, Vec<String>),
}

/// Applies the rule to the counts in `figures` (by id); other figures (hours, quantities,
/// rates) are left, except a rate named in `rates` with the two counts it comes from, hidden
/// when either is.
pub fn protect(
    figures: &mut BTreeMap<String, Shown>,
    counts: &[String],
    ties: &[Tie],
    rates: &[(String, String, String)],
) {
    let original: BTreeMap<String, Option<i64>> = figures
        .iter()
        .map(|(id, shown)| (id.clone(), shown.count()))
        .collect();
    for id in counts {
        if let Some(shown) = figures.get_mut(id)
            && shown.count().is_some_and(Shown::is_small)
        {
            *shown = Shown::FewerThanFive;
        }
    }
    let get = |figures: &BTreeMap<String, Shown>, id: &str| figures.get(id).copied();
    let value = |id: &str| original.get(id).copied().flatten().unwrap_or(0);
    let mut changed = true;
    while changed {
        changed = false;
        for tie in ties {
            match tie {
                Tie::Within(whole, part) => {
                    let (Some(w), Some(p)) = (get(figures, whole), get(figures, part)) else {
                        continue;
                    };
                    let equal = value(whole) == value(part);
                    match (w, p) {
                        // The difference would be a small count of people.
                        (Shown::Number(_), Shown::Number(_))
                            if Shown::is_small(value(whole) - value(part)) =>
                        {
                            figures.insert(part.clone(), Shown::Hidden);
                            changed = true;
                        }
                        // A whole equal to a hidden part would give the part away.
                        (Shown::Number(_), Shown::FewerThanFive | Shown::Hidden) if equal => {
                            figures.insert(whole.clone(), Shown::Hidden);
                            changed = true;
                        }
                        _ => {}
                    }
                }
                Tie::Total(total, parts) => {
                    let Some(Shown::Number(_)) = get(figures, total) else {
                        continue;
                    };
                    let hidden: Vec<&String> = parts
                        .iter()
                        .filter(|p| !matches!(get(figures, p), Some(Shown::Number(_)) | None))
                        .collect();
                    let rest: i64 = hidden.iter().map(|p| value(p)).sum();
                    let k = hidden.len() as i64;
                    let all_small = hidden
                        .iter()
                        .all(|p| get(figures, p) == Some(Shown::FewerThanFive));
                    // One hidden part is the total less the others; k small ones (1 to 4
                    // each) are given away when they add up to k or to 4k.
                    let exact = all_small && (rest == k || rest == SMALL_MAX * k);
                    if !(k == 1 || (k > 1 && exact)) {
                        continue;
                    }
                    let smallest = parts
                        .iter()
                        .filter_map(|p| match get(figures, p) {
                            Some(Shown::Number(n)) if n > 0.0 => Some((n as i64, p)),
                            _ => None,
                        })
                        .min();
                    let hide = smallest.map_or(total, |(_, p)| p).clone();
                    figures.insert(hide, Shown::Hidden);
                    changed = true;
                }
            }
        }
    }
    for (rate, top, bottom) in rates {
        let shown = |id: &str| matches!(get(figures, id), Some(Shown::Number(_)));
        if !(shown(top) && shown(bottom)) {
            figures.insert(rate.clone(), Shown::Hidden);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(pairs: &[(&str, f64)]) -> BTreeMap<String, Shown> {
        pairs
            .iter()
            .map(|(id, n)| (id.to_string(), Shown::Number(*n)))
            .collect()
    }

    fn ids(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn counts_from_one_to_four_are_fewer_than_five() {
        let mut f = figures(&[("a", 0.0), ("b", 1.0), ("c", 4.0), ("d", 5.0), ("h", 3.0)]);
        protect(&mut f, &ids(&["a", "b", "c", "d"]), &[], &[]);
        assert_eq!(f["a"], Shown::Number(0.0));
        assert_eq!(f["b"], Shown::FewerThanFive);
        assert_eq!(f["c"], Shown::FewerThanFive);
        assert_eq!(f["d"], Shown::Number(5.0));
        assert_eq!(f["h"], Shown::Number(3.0), "hours are not a count");
    }

    #[test]
    fn a_part_close_to_its_whole_is_hidden() {
        // 12 active, 9 voted: 3 did not vote.
        let mut f = figures(&[("active", 12.0), ("voted", 9.0), ("new", 12.0)]);
        let ties = [
            Tie::Within("active".into(), "voted".into()),
            Tie::Within("active".into(), "new".into()),
        ];
        protect(&mut f, &ids(&["active", "voted", "new"]), &ties, &[]);
        assert_eq!(f["voted"], Shown::Hidden);
        assert_eq!(f["active"], Shown::Number(12.0));
        assert_eq!(
            f["new"],
            Shown::Number(12.0),
            "a difference of 0 reveals no one"
        );
    }

    #[test]
    fn one_hidden_part_of_a_total_hides_another() {
        // 20 faces: 3 sad (hidden), 7 and 10: 20 - 7 - 10 would give 3.
        let mut f = figures(&[("all", 20.0), ("sad", 3.0), ("mid", 7.0), ("happy", 10.0)]);
        let ties = [Tie::Total("all".into(), ids(&["sad", "mid", "happy"]))];
        protect(&mut f, &ids(&["all", "sad", "mid", "happy"]), &ties, &[]);
        assert_eq!(f["sad"], Shown::FewerThanFive);
        assert_eq!(f["mid"], Shown::Hidden);
        assert_eq!(f["happy"], Shown::Number(10.0));
        assert_eq!(f["all"], Shown::Number(20.0));
    }

    #[test]
    fn with_no_other_part_to_hide_the_total_goes() {
        let mut f = figures(&[("all", 3.0), ("one", 3.0), ("two", 0.0)]);
        let ties = [Tie::Total("all".into(), ids(&["one", "two"]))];
        protect(&mut f, &ids(&["all", "one", "two"]), &ties, &[]);
        assert_eq!(f["all"], Shown::FewerThanFive);
        let mut f = figures(&[("all", 9.0), ("one", 2.0), ("two", 0.0), ("three", 7.0)]);
        let ties = [Tie::Total("all".into(), ids(&["one", "two", "three"]))];
        protect(&mut f, &ids(&["all", "one", "two", "three"]), &ties, &[]);
        assert_eq!(f["three"], Shown::Hidden);
    }

    #[test]
    fn a_whole_equal_to_a_hidden_part_is_hidden_too() {
        // 3 contributors among the active, and the same 3 counted again elsewhere.
        let mut f = figures(&[("active", 9.0), ("contributed", 3.0), ("contributors", 3.0)]);
        let ties = [Tie::Within("contributors".into(), "contributed".into())];
        protect(
            &mut f,
            &ids(&["active", "contributed", "contributors"]),
            &ties,
            &[],
        );
        assert_eq!(f["contributed"], Shown::FewerThanFive);
        assert_eq!(f["contributors"], Shown::FewerThanFive);
        let mut f = figures(&[("cycle", 7.0), ("outcome", 7.0), ("attendees", 9.0)]);
        let ties = [
            Tie::Within("attendees".into(), "cycle".into()),
            Tie::Within("outcome".into(), "cycle".into()),
        ];
        protect(&mut f, &ids(&["cycle", "outcome", "attendees"]), &ties, &[]);
        assert_eq!(f["cycle"], Shown::Hidden);
        assert_eq!(
            f["outcome"],
            Shown::Hidden,
            "the same 7 would show the hidden one"
        );
    }

    #[test]
    fn small_parts_adding_up_to_a_small_remainder_hide_another() {
        // 12 = 10 + 1 + 1: the remainder 2 says both small ones are 1.
        let mut f = figures(&[("all", 12.0), ("a", 10.0), ("b", 1.0), ("c", 1.0)]);
        let ties = [Tie::Total("all".into(), ids(&["a", "b", "c"]))];
        protect(&mut f, &ids(&["all", "a", "b", "c"]), &ties, &[]);
        assert_eq!(f["a"], Shown::Hidden);
        assert_eq!(f["all"], Shown::Number(12.0));
    }

    #[test]
    fn hiding_cascades_and_rates_follow_their_counts() {
        // voted is hidden by active; then the rate of voters goes too.
        let mut f = figures(&[("active", 10.0), ("voted", 8.0), ("turnout", 80.0)]);
        let ties = [Tie::Within("active".into(), "voted".into())];
        let rates = [(
            "turnout".to_string(),
            "voted".to_string(),
            "active".to_string(),
        )];
        protect(&mut f, &ids(&["active", "voted"]), &ties, &rates);
        assert_eq!(f["voted"], Shown::Hidden);
        assert_eq!(f["turnout"], Shown::Hidden);
    }
}
