//! Double bookings: a room, or a facilitator, in two sessions at overlapping times. They are
//! found before anything is saved; the social worker then changes the plan or confirms it.

use super::db::sessions::{all_facilitators, sessions_booked_between};
use crate::{db::Db, error::AppError};

/// A session already planned, with what it occupies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Booked {
    pub session: i64,
    pub starts_at: i64,
    pub ends_at: i64,
    pub room: Option<i64>,
    pub facilitators: Vec<i64>,
}

/// The planned sessions that `wanted` (start, end) times would clash with, using `room`
/// and `facilitators`. Touching ends (one ends at 14:00, the next starts at 14:00) are not a
/// clash.
pub fn clashes(
    wanted: &[(i64, i64)],
    room: Option<i64>,
    facilitators: &[i64],
    booked: &[Booked],
) -> Vec<i64> {
    let mut found: Vec<i64> = booked
        .iter()
        .filter(|b| {
            let same_room = room.is_some() && b.room == room;
            let same_person = b.facilitators.iter().any(|f| facilitators.contains(f));
            (same_room || same_person)
                && wanted
                    .iter()
                    .any(|&(start, end)| start < b.ends_at && b.starts_at < end)
        })
        .map(|b| b.session)
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

/// The sessions not cancelled between `from` and `to`, except `except` (a session being
/// moved), with their rooms and facilitators.
pub async fn booked_between(
    db: &Db,
    from: i64,
    to: i64,
    except: i64,
) -> Result<Vec<Booked>, AppError> {
    let rows = sessions_booked_between(db.read(), from, to, except).await?;
    let people = all_facilitators(db.read()).await?;
    Ok(rows
        .into_iter()
        .map(|row| Booked {
            session: row.id,
            starts_at: row.starts_at,
            ends_at: row.ends_at,
            room: row.room_id,
            facilitators: people
                .iter()
                .filter(|(w, _)| *w == row.workshop_id)
                .map(|(_, user)| *user)
                .collect(),
        })
        .collect())
}

/// The clashes of `wanted` with what is planned, as session ids.
pub async fn find_clashes(
    db: &Db,
    wanted: &[(i64, i64)],
    room: Option<i64>,
    facilitators: &[i64],
    except: i64,
) -> Result<Vec<i64>, AppError> {
    let (Some(from), Some(to)) = (
        wanted.iter().map(|w| w.0).min(),
        wanted.iter().map(|w| w.1).max(),
    ) else {
        return Ok(Vec::new());
    };
    let booked = booked_between(db, from, to, except).await?;
    Ok(clashes(wanted, room, facilitators, &booked))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn booked(session: i64, starts_at: i64, ends_at: i64, room: i64, people: &[i64]) -> Booked {
        Booked {
            session,
            starts_at,
            ends_at,
            room: Some(room),
            facilitators: people.to_vec(),
        }
    }

    #[test]
    fn a_room_or_a_facilitator_at_overlapping_times_clashes() {
        let planned = [
            booked(1, 100, 200, 7, &[10]),
            booked(2, 300, 400, 8, &[11]),
            booked(3, 500, 600, 9, &[12]),
        ];
        // Same room, overlapping.
        assert_eq!(clashes(&[(150, 250)], Some(7), &[99], &planned), vec![1]);
        // Same facilitator in another room.
        assert_eq!(clashes(&[(350, 450)], Some(1), &[11], &planned), vec![2]);
        // Touching ends are not a clash; other rooms and people neither.
        assert_eq!(
            clashes(&[(200, 300)], Some(7), &[11], &planned),
            Vec::<i64>::new()
        );
        assert_eq!(
            clashes(&[(500, 600)], Some(1), &[10], &planned),
            Vec::<i64>::new()
        );
        // No room chosen: only people count.
        assert_eq!(clashes(&[(100, 600)], None, &[12], &planned), vec![3]);
        // Several wanted times, each clash listed once.
        assert_eq!(
            clashes(
                &[(120, 130), (140, 160), (550, 560)],
                Some(7),
                &[12],
                &planned
            ),
            vec![1, 3]
        );
    }
}
