//! Every aggregate of one period, gathered statement by statement: only those the report's
//! breadth shows.

use super::db::{Scope, figures};
use crate::{db::Db, error::AppError, i18n::Locale};

/// Which sections a report has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Breadth {
    /// The whole centre, or one workshop: everything but, for a workshop, co-construction.
    Centre,
    Workshop,
    /// One project: its people and its work.
    Project,
    /// A partner's projects: their work only.
    Partner,
}

/// Every aggregate of one period.
#[derive(Default)]
pub(super) struct Raw {
    pub(super) people: figures::PeopleRow,
    pub(super) sessions: figures::SessionsRow,
    pub(super) marks: figures::MarksRow,
    pub(super) places: figures::PlacesRow,
    pub(super) faces: [i64; 3],
    pub(super) ideas: figures::IdeasRow,
    pub(super) votes: figures::VotesRow,
    pub(super) goals: Vec<figures::ReportGoalRow>,
    pub(super) work: figures::WorkRow,
    pub(super) skills: figures::SkillsRow,
    pub(super) outcomes: Vec<figures::OutcomeCountRow>,
    pub(super) cycles: Vec<figures::CycleRow>,
}

pub(super) async fn gather(
    db: &Db,
    scope: &Scope,
    breadth: Breadth,
    locale: Locale,
) -> Result<Raw, AppError> {
    let pool = db.read();
    let mut raw = Raw {
        goals: figures::goals(pool, scope).await?,
        work: figures::work(pool, scope).await?,
        skills: figures::skills(pool, scope).await?,
        ..Raw::default()
    };
    if breadth == Breadth::Partner {
        return Ok(raw);
    }
    raw.people = figures::people(pool, scope).await?;
    if breadth == Breadth::Project {
        return Ok(raw);
    }
    raw.sessions = figures::sessions(pool, scope).await?;
    raw.marks = figures::marks(pool, scope).await?;
    raw.places = figures::places(pool, scope).await?;
    for (face, n) in figures::faces(pool, scope).await? {
        if let Some(slot) = usize::try_from(face)
            .ok()
            .and_then(|f| raw.faces.get_mut(f))
        {
            *slot = n;
        }
    }
    raw.outcomes = figures::outcomes(pool, scope, locale.code()).await?;
    raw.cycles = figures::cycles(pool, scope, locale.code()).await?;
    if breadth == Breadth::Centre {
        raw.ideas = figures::ideas(pool, scope).await?;
        raw.votes = figures::votes(pool, scope).await?;
    }
    Ok(raw)
}
