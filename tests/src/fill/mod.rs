//! Fills a Trame database with the history of a large centre, for the page benchmark
//! (`tests/bench/pages.sh`) and for the tests that check a page costs the same at any size.
//! At scale 1: about 2,000 participants, 200 workshops, 6,000 sessions, 20,000
//! registrations, 60,000 attendance marks, 1,000 ideas, 100 votes and 30,000 contributions
//! over three years; scale 10 is a host serving ten such centres.
//!
//! The history keeps every rule the pages and the schema keep: places within capacity (the
//! rest wait, in order), attendance only for sessions that took place, secret ballots that
//! nothing links to a voter (the secret of closed rounds erased), contributions confirmed or
//! declined by a social worker, a chosen idea made into one workshop.

#[macro_use]
mod rows;
mod ideas;
mod people;
mod projects;
mod workshops;

use app::db::Db;

/// What the generated history is made of, shared by the parts that write it.
pub struct Centre {
    pub scale: f64,
    pub now: i64,
    /// Three years ago: when the history starts.
    pub start: i64,
    pub participants: Vec<i64>,
    pub workers: Vec<i64>,
    pub partners: Vec<i64>,
    pub rooms: Vec<i64>,
    pub skills: Vec<i64>,
    /// The demo participant the benchmark logs in as (Amina): she takes part in much.
    pub amina: i64,
    pub rng: rows::Rng,
}

impl Centre {
    /// `base` at this scale, at least `floor`.
    pub fn count(&self, base: f64, floor: usize) -> usize {
        ((base * self.scale).round() as usize).max(floor)
    }
}

pub const DAY: i64 = 24 * 3600;
pub const WEEK: i64 = 7 * DAY;

/// A day as pages store it.
pub fn day(at: i64) -> String {
    chrono::DateTime::from_timestamp(at, 0)
        .map(|t| t.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// What the benchmark opens in the filled centre.
#[derive(Debug)]
pub struct Landmarks {
    /// The busiest workshop: an open group for three years.
    pub workshop: i64,
    /// The busiest project, shared with the neonatal unit (and public).
    pub project: i64,
    /// The calendar feed token of the participant the benchmark logs in as.
    pub calendar: &'static str,
}

/// Fills `db`, which must hold the demo data and nothing more, at `scale`.
pub async fn fill(db: &Db, scale: f64, seed: u64) -> Result<Landmarks, sqlx::Error> {
    let now = chrono::Utc::now().timestamp();
    let mut conn = db.write().acquire().await?;
    let mut tx = sqlx::Connection::begin(&mut *conn).await?;
    let mut centre = Centre {
        scale,
        now,
        start: now - 3 * 365 * DAY,
        participants: Vec::new(),
        workers: Vec::new(),
        partners: Vec::new(),
        rooms: Vec::new(),
        skills: Vec::new(),
        amina: 0,
        rng: rows::Rng::new(seed),
    };
    people::fill(&mut tx, &mut centre).await?;
    let ideas = ideas::fill(&mut tx, &mut centre).await?;
    let workshop = workshops::fill(&mut tx, &mut centre, &ideas).await?;
    let project = projects::fill(&mut tx, &mut centre).await?;
    people::audit(&mut tx, &mut centre).await?;
    app::projects::totals::recount(&mut tx).await?;
    sqlx::query(
        "UPDATE workshops SET last_session_at = (SELECT MAX(s.starts_at) FROM workshop_sessions s \
         WHERE s.workshop_id = workshops.id AND s.cancelled_reason IS NULL)",
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    // The planner's statistics and, on PostgreSQL, the visibility map, as a database that has
    // lived (and been vacuumed by autovacuum) would have them: a benchmark then measures the
    // pages, not the first reads' hint bits or an autovacuum running alongside.
    let tidy = match db.backend() {
        app::db::Backend::Postgres => "VACUUM ANALYZE",
        app::db::Backend::Sqlite => "ANALYZE",
    };
    sqlx::query(tidy).execute(&mut *conn).await?;
    Ok(Landmarks {
        workshop,
        project,
        calendar: workshops::CALENDAR_TOKEN,
    })
}
