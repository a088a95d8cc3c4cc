//! Counting a round's ballots, for both methods. Pure functions over counts, so they are
//! tested on their own; the database only ever hands them totals, never ballots.
//!
//! **Choose up to N** (approval voting): each theme scores the number of ballots that chose
//! it. More is better.
//!
//! **Faces** (majority judgement): every ballot gives every theme a grade, from 0 ("not for
//! me") to 2 or 4 ("yes, really!"); a theme a ballot left without a face gets 0. A theme's
//! *majority grade* is the median of its grades: the lower median when the number of ballots
//! is even, so that at least half the voters gave that grade or better. Higher is better.
//!
//! **Tie-break** (Balinski and Laraki's rule): between themes with the same majority grade,
//! remove one of those median grades from each and compare the new medians; repeat until
//! they differ. The theme whose voters leaned higher wins. Themes whose grades are exactly
//! the same stay tied.
//!
//! In both methods, tied themes share a rank (1, 1, 3...) and are listed oldest idea first;
//! the social workers and the group decide what to do with a tie.

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

/// One theme's place in a round's results.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Placed {
    pub theme_id: i64,
    /// 1 for the first; tied themes share a rank.
    pub rank: u32,
    /// Choose up to N: how many ballots chose it. Faces: how many gave the majority grade
    /// or better.
    pub votes: u32,
    /// Faces: how many ballots gave each grade, lowest first. Empty for choose up to N.
    pub grades: Vec<u32>,
    /// Faces: the majority grade (none without ballots).
    pub majority: Option<u32>,
}

/// Ranks scored themes: best key first, equal keys share a rank, ties keep `themes`' order.
fn rank<K: Ord>(
    themes: &[i64],
    key: impl Fn(i64) -> K,
    place: impl Fn(i64) -> Placed,
) -> Vec<Placed> {
    let mut order: Vec<(usize, i64, K)> = themes
        .iter()
        .enumerate()
        .map(|(index, &id)| (index, id, key(id)))
        .collect();
    order.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
    let mut placed: Vec<Placed> = Vec::with_capacity(order.len());
    for (position, (_, id, key)) in order.iter().enumerate() {
        let tied = position > 0 && order[position - 1].2.cmp(key) == Ordering::Equal;
        let rank = match placed.last() {
            Some(previous) if tied => previous.rank,
            _ => position as u32 + 1,
        };
        placed.push(Placed { rank, ..place(*id) });
    }
    placed
}

/// Choose up to N: `themes` in the round (oldest first), and `(theme, ballots that chose
/// it)`; a theme missing from `chosen` had none.
pub fn approval(themes: &[i64], chosen: &[(i64, u32)]) -> Vec<Placed> {
    let votes = |id: i64| {
        chosen
            .iter()
            .filter(|(theme, _)| *theme == id)
            .map(|(_, count)| *count)
            .sum::<u32>()
    };
    rank(themes, votes, |id| Placed {
        theme_id: id,
        rank: 0,
        votes: votes(id),
        grades: Vec::new(),
        majority: None,
    })
}

/// The successive medians of a theme's grades, given as counts per grade: the majority
/// grade, then the median once one of it is removed, and so on. Comparing these sequences
/// (greater first) is majority judgement with its tie-break.
pub fn median_sequence(grades: &[u32]) -> Vec<u32> {
    let mut left = grades.to_vec();
    let mut remaining: u32 = left.iter().sum();
    let mut sequence = Vec::with_capacity(remaining as usize);
    while remaining > 0 {
        // The lower median: position (n - 1) / 2 among the grades sorted lowest first.
        let position = (remaining - 1) / 2;
        let mut seen = 0;
        let mut grade = 0;
        while seen + left[grade] <= position {
            seen += left[grade];
            grade += 1;
        }
        sequence.push(grade as u32);
        left[grade] -= 1;
        remaining -= 1;
    }
    sequence
}

/// Faces: `themes` in the round (oldest first), the number of faces (3 or 5), the number of
/// `ballots`, and `(theme, grade, how many ballots gave it)`. Grades a ballot did not give
/// count as the lowest.
pub fn majority_judgement(
    themes: &[i64],
    faces: u32,
    ballots: u32,
    marks: &[(i64, u32, u32)],
) -> Vec<Placed> {
    let grades_of = |id: i64| {
        let mut grades = vec![0u32; faces as usize];
        for &(theme, grade, count) in marks {
            if theme == id && grade < faces {
                grades[grade as usize] += count;
            }
        }
        let given: u32 = grades.iter().sum();
        grades[0] += ballots.saturating_sub(given);
        grades
    };
    rank(
        themes,
        |id| median_sequence(&grades_of(id)),
        |id| {
            let grades = grades_of(id);
            let majority = median_sequence(&grades).first().copied();
            let votes = majority
                .map(|m| grades[m as usize..].iter().sum())
                .unwrap_or(0);
            Placed {
                theme_id: id,
                rank: 0,
                votes,
                grades,
                majority,
            }
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Counts per grade from a list of grades.
    fn counts(faces: u32, grades: &[u32]) -> Vec<u32> {
        let mut counts = vec![0; faces as usize];
        for &g in grades {
            counts[g as usize] += 1;
        }
        counts
    }

    /// `(theme, grade, count)` marks from each theme's list of grades.
    fn marks(themes: &[(i64, &[u32])]) -> Vec<(i64, u32, u32)> {
        let mut marks = Vec::new();
        for (id, grades) in themes {
            for (grade, count) in counts(5, grades).into_iter().enumerate() {
                if count > 0 {
                    marks.push((*id, grade as u32, count));
                }
            }
        }
        marks
    }

    fn ranks(placed: &[Placed]) -> Vec<(i64, u32)> {
        placed.iter().map(|p| (p.theme_id, p.rank)).collect()
    }

    #[test]
    fn approval_ranks_by_ballots_and_shares_ties() {
        let placed = approval(&[1, 2, 3, 4], &[(2, 5), (3, 2), (1, 5)]);
        assert_eq!(ranks(&placed), vec![(1, 1), (2, 1), (3, 3), (4, 4)]);
        assert_eq!(placed[0].votes, 5);
        assert_eq!(placed[3].votes, 0);
        assert!(placed[0].grades.is_empty() && placed[0].majority.is_none());
    }

    #[test]
    fn approval_without_ballots_is_a_tie_for_all() {
        let placed = approval(&[7, 8], &[]);
        assert_eq!(ranks(&placed), vec![(7, 1), (8, 1)]);
    }

    #[test]
    fn the_majority_grade_is_the_lower_median() {
        assert_eq!(median_sequence(&counts(5, &[0, 4, 4]))[0], 4);
        // Even number of ballots: the lower of the two middle grades.
        assert_eq!(median_sequence(&counts(5, &[1, 2, 3, 4]))[0], 2);
        assert_eq!(median_sequence(&counts(5, &[1, 2, 3, 4])), vec![2, 3, 1, 4]);
        assert!(median_sequence(&counts(5, &[])).is_empty());
    }

    #[test]
    fn majority_judgement_ranks_by_majority_grade() {
        let placed = majority_judgement(
            &[1, 2, 3],
            5,
            5,
            &marks(&[
                (1, &[0, 1, 1, 2, 4]),
                (2, &[3, 3, 4, 0, 2]),
                (3, &[2, 2, 2, 2, 2]),
            ]),
        );
        assert_eq!(ranks(&placed), vec![(2, 1), (3, 2), (1, 3)]);
        assert_eq!(placed[0].majority, Some(3));
        assert_eq!(placed[0].votes, 3, "three ballots gave 'good' or better");
        assert_eq!(placed[0].grades, vec![1, 0, 1, 2, 1]);
    }

    #[test]
    fn majority_judgement_ties_are_broken_by_removing_medians() {
        // Both have majority grade 2. Removing medians: A goes 2, 2, 3...; B goes 2, 2, 2...
        // A's voters leaned higher, so A wins.
        let placed = majority_judgement(
            &[10, 11],
            5,
            5,
            &marks(&[(11, &[1, 2, 2, 2, 4]), (10, &[2, 2, 2, 3, 3])]),
        );
        assert_eq!(ranks(&placed), vec![(10, 1), (11, 2)]);
        assert_eq!(placed[0].majority, placed[1].majority);
        // The other way round when the lower side weighs more.
        let placed = majority_judgement(
            &[10, 11],
            5,
            4,
            &marks(&[(10, &[0, 2, 2, 4]), (11, &[1, 2, 2, 4])]),
        );
        assert_eq!(ranks(&placed), vec![(11, 1), (10, 2)]);
    }

    #[test]
    fn identical_grades_stay_tied_oldest_first() {
        let placed = majority_judgement(&[5, 6, 7], 3, 3, &[(5, 1, 3), (6, 1, 3), (7, 2, 3)]);
        assert_eq!(ranks(&placed), vec![(7, 1), (5, 2), (6, 2)]);
    }

    #[test]
    fn faces_left_empty_count_as_the_lowest() {
        // Three ballots; only one gave theme 1 a face at all.
        let placed = majority_judgement(&[1, 2], 3, 3, &[(1, 2, 1), (2, 1, 3)]);
        assert_eq!(placed[0].theme_id, 2);
        assert_eq!(placed[1].grades, vec![2, 0, 1]);
        assert_eq!(placed[1].majority, Some(0));
    }

    #[test]
    fn majority_judgement_without_ballots_has_no_majority() {
        let placed = majority_judgement(&[1, 2], 5, 0, &[]);
        assert_eq!(ranks(&placed), vec![(1, 1), (2, 1)]);
        assert_eq!(placed[0].majority, None);
        assert_eq!(placed[0].votes, 0);
    }
}
