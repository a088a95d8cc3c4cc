//! Solidarity projects over three years: goals in real units, steps, partners, the skills
//! they need, contributions (most confirmed or declined by a social worker, some waiting),
//! the skills used, and partners' thanks. The demo's comfort-toy project, shared with the
//! neonatal unit, is the busiest.

use sqlx::AnyConnection;

use super::{Centre, DAY, rows};

const KINDS: [&str; 5] = ["grocery", "visits", "toys", "clothes", "other"];
const UNITS: [&str; 5] = ["items", "visits", "kg", "parcels", "hours"];

pub async fn fill(conn: &mut AnyConnection, centre: &mut Centre) -> Result<i64, sqlx::Error> {
    let busiest: i64 = sqlx::query_scalar(
        "SELECT pp.project_id FROM project_partners pp JOIN users u ON u.id = pp.partner_id \
         WHERE u.email = 'neonat@trame.demo'",
    )
    .fetch_one(&mut *conn)
    .await?;
    // The demo's projects, made today, have run for the three years the centre has.
    sqlx::query("UPDATE projects SET created_at = $1 WHERE created_at > $1")
        .bind(centre.start)
        .execute(&mut *conn)
        .await?;
    let before = rows::last_id(conn, "projects").await?;
    let mut projects = Vec::new();
    let extra = centre.count(20.0, 2);
    for n in 0..extra {
        let created = centre.start + (n as i64 * (centre.now - centre.start)) / extra as i64;
        let status = match centre.rng.below(10) {
            0..6 => "active",
            6..9 => "closed",
            _ => "preparing",
        };
        projects.push(row![
            format!("Projet solidaire {n}"),
            KINDS[n % KINDS.len()],
            "Un projet du groupe.",
            status,
            i64::from(centre.rng.chance(30)),
            *centre.rng.pick(&centre.workers),
            created
        ]);
    }
    let columns = [
        "name",
        "kind",
        "description",
        "status",
        "public_page",
        "created_by",
        "created_at",
    ];
    rows::insert(conn, "projects", &columns, projects).await?;
    let new_projects = rows::ids_after(conn, "projects", before).await?;
    let (mut partners, mut needs, mut goals, mut steps) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (n, project) in new_projects.iter().enumerate() {
        for partner in centre.rng.sample(&centre.partners.clone(), 1 + n % 2) {
            partners.push(row![*project, partner]);
        }
        for skill in centre.rng.sample(&centre.skills.clone(), 2) {
            needs.push(row![*project, skill]);
        }
        for g in 0..2 {
            let unit = UNITS[(n + g) % UNITS.len()];
            goals.push(row![
                *project,
                format!("Objectif {g}"),
                unit,
                centre.rng.between(50, 5000),
                super::day(centre.now + 90 * DAY),
                centre.start
            ]);
        }
        for s in 0..5 {
            let due = centre.rng.between(centre.start, centre.now + 60 * DAY);
            let reached = (due < centre.now && s % 3 != 0).then(|| super::day(due));
            steps.push(row![
                *project,
                format!("Étape {s}"),
                super::day(due),
                reached,
                centre.start
            ]);
        }
    }
    rows::insert(
        conn,
        "project_partners",
        &["project_id", "partner_id"],
        partners,
    )
    .await?;
    rows::insert(conn, "project_skills", &["project_id", "skill_id"], needs).await?;
    let columns = [
        "project_id",
        "label",
        "unit",
        "target",
        "due_on",
        "created_at",
    ];
    rows::insert(conn, "project_goals", &columns, goals).await?;
    let columns = ["project_id", "label", "due_on", "reached_on", "created_at"];
    rows::insert(conn, "milestones", &columns, steps).await?;
    contributions(conn, centre, busiest).await?;
    Ok(busiest)
}

async fn contributions(
    conn: &mut AnyConnection,
    centre: &mut Centre,
    busiest: i64,
) -> Result<(), sqlx::Error> {
    let projects: Vec<(i64, i64)> =
        sqlx::query_as("SELECT id, created_at FROM projects ORDER BY id")
            .fetch_all(&mut *conn)
            .await?;
    let goals: Vec<(i64, i64)> =
        sqlx::query_as("SELECT id, project_id FROM project_goals ORDER BY id")
            .fetch_all(&mut *conn)
            .await?;
    let before = rows::last_id(conn, "contributions").await?;
    let count = centre.count(30_000.0, 50);
    let mut made = Vec::new();
    for n in 0..count {
        let (project, created) = if n % 10 == 0 {
            projects
                .iter()
                .copied()
                .find(|(id, _)| *id == busiest)
                .unwrap_or(projects[0])
        } else {
            *centre.rng.pick(&projects)
        };
        let first = created.max(centre.start);
        let own: Vec<i64> = goals
            .iter()
            .filter(|(_, p)| *p == project)
            .map(|(g, _)| *g)
            .collect();
        let goal = (!own.is_empty() && centre.rng.chance(90)).then(|| *centre.rng.pick(&own));
        let quantity = if goal.is_some() {
            centre.rng.between(1, 10)
        } else {
            0
        };
        let minutes = if goal.is_some() {
            centre.rng.between(0, 180)
        } else {
            centre.rng.between(30, 180)
        };
        // Amina, who comes often, made about three hundred of them, at any scale.
        let user = if n % (count / 300).max(10) == 0 {
            centre.amina
        } else {
            *centre.rng.pick(&centre.participants)
        };
        let status = match centre.rng.below(100) {
            0..8 => "pending",
            8..12 => "declined",
            _ => "confirmed",
        };
        let done = if status == "pending" {
            centre
                .rng
                .between((centre.now - 60 * DAY).max(first), centre.now - DAY)
        } else {
            centre.rng.between(first, centre.now - DAY)
        };
        let decider = (status != "pending").then(|| *centre.rng.pick(&centre.workers));
        let decided = decider.map(|_| done + 2 * DAY);
        let note = if centre.rng.chance(30) {
            "Fait à la maison."
        } else {
            ""
        };
        let assisted = centre
            .rng
            .chance(10)
            .then(|| *centre.rng.pick(&centre.workers));
        made.push((
            done,
            row![
                project,
                goal,
                user,
                quantity,
                minutes,
                super::day(done),
                note,
                assisted,
                status,
                decider,
                decided,
                done + DAY
            ],
        ));
    }
    made.sort_by_key(|(done, _)| *done);
    let columns = [
        "project_id",
        "goal_id",
        "user_id",
        "quantity",
        "minutes",
        "done_on",
        "note",
        "assisted_by",
        "status",
        "decided_by",
        "decided_at",
        "created_at",
    ];
    rows::insert(
        conn,
        "contributions",
        &columns,
        made.into_iter().map(|(_, row)| row).collect(),
    )
    .await?;
    let ids = rows::ids_after(conn, "contributions", before).await?;
    let mut used = Vec::new();
    for id in ids {
        if centre.rng.chance(30) {
            used.push(row![id, *centre.rng.pick(&centre.skills)]);
        }
    }
    rows::insert(
        conn,
        "contribution_skills",
        &["contribution_id", "skill_id"],
        used,
    )
    .await?;
    let links: Vec<(i64, i64)> =
        sqlx::query_as("SELECT project_id, partner_id FROM project_partners")
            .fetch_all(&mut *conn)
            .await?;
    let mut thanks = Vec::new();
    for _ in 0..centre.count(300.0, 5) {
        let (project, partner) = *centre.rng.pick(&links);
        let at = centre.rng.between(centre.start, centre.now);
        thanks.push(row![project, partner, "Merci pour tout ce travail !", at]);
    }
    rows::insert(
        conn,
        "project_thanks",
        &["project_id", "from_id", "message", "created_at"],
        thanks,
    )
    .await
}
