//! Ideas and votes: proposals with every outcome (published, declined with a reason,
//! withdrawn, joined to a similar idea, still waiting), "me too", and voting rounds with
//! secret ballots. Each closed round chose an idea, which becomes a workshop.

use sqlx::AnyConnection;

use super::{Centre, DAY, WEEK, rows};

const PICTOGRAMS: [&str; 12] = [
    "sewing",
    "cooking",
    "gardening",
    "computers",
    "walk",
    "music",
    "crafts",
    "visits",
    "repairs",
    "talking_group",
    "sport",
    "other",
];
const TITLES: [&str; 12] = [
    "Couture",
    "Cuisine du monde",
    "Potager",
    "Ordinateur",
    "Balade",
    "Chorale",
    "Bricolage",
    "Visites",
    "Réparer ensemble",
    "Groupe de parole",
    "Marche nordique",
    "Jeux de société",
];

/// An idea a vote chose: it becomes a workshop.
pub struct Chosen {
    pub theme: i64,
    pub round: i64,
    pub title: String,
    pub pictogram: String,
    pub at: i64,
}

pub async fn fill(
    conn: &mut AnyConnection,
    centre: &mut Centre,
) -> Result<Vec<Chosen>, sqlx::Error> {
    let before = rows::last_id(conn, "themes").await?;
    let count = centre.count(1000.0, 10);
    let mut ideas = Vec::new();
    let mut facts = Vec::new();
    for n in 0..count {
        let kind = n % TITLES.len();
        let roll = centre.rng.below(100);
        let status = match roll {
            0..5 => "proposed",
            5..50 => "published",
            50..75 => "declined",
            75..85 => "withdrawn",
            _ => "merged",
        };
        let created = if status == "proposed" {
            centre.rng.between(centre.now - 30 * DAY, centre.now - DAY)
        } else {
            centre.start + (n as i64 * (centre.now - centre.start)) / count as i64
        };
        let moderated = (status != "proposed" && status != "withdrawn")
            .then(|| *centre.rng.pick(&centre.workers));
        let reason = (status == "declined")
            .then(|| "Une idée proche est déjà en cours : rejoignez-la !".to_string());
        ideas.push(row![
            format!("{} {n}", TITLES[kind]),
            "Une idée du groupe, pour apprendre ensemble.",
            PICTOGRAMS[kind],
            status,
            *centre.rng.pick(&centre.participants),
            reason,
            moderated,
            created,
            created + DAY
        ]);
        facts.push((status, created, kind));
    }
    let columns = [
        "title",
        "description",
        "pictogram",
        "status",
        "author_id",
        "decline_reason",
        "moderated_by",
        "created_at",
        "updated_at",
    ];
    rows::insert(conn, "themes", &columns, ideas).await?;
    let ids = rows::ids_after(conn, "themes", before).await?;
    let published: Vec<(i64, i64, usize)> = ids
        .iter()
        .zip(&facts)
        .filter(|(_, (status, ..))| *status == "published")
        .map(|(id, (_, at, kind))| (*id, *at, *kind))
        .collect();
    let published_ids: Vec<i64> = published.iter().map(|(id, ..)| *id).collect();
    for (id, _) in ids
        .iter()
        .zip(&facts)
        .filter(|(_, (status, ..))| *status == "merged")
    {
        sqlx::query("UPDATE themes SET merged_into = $1 WHERE id = $2")
            .bind(*centre.rng.pick(&published_ids))
            .bind(*id)
            .execute(&mut *conn)
            .await?;
    }
    let mut support = Vec::new();
    for (theme, at, _) in &published {
        let count = centre.rng.below(9);
        for user in centre.rng.sample(&centre.participants.clone(), count) {
            support.push(row![*theme, user, *at + DAY]);
        }
    }
    rows::insert(
        conn,
        "theme_supporters",
        &["theme_id", "user_id", "created_at"],
        support,
    )
    .await?;
    rounds(conn, centre, &published).await
}

async fn rounds(
    conn: &mut AnyConnection,
    centre: &mut Centre,
    published: &[(i64, i64, usize)],
) -> Result<Vec<Chosen>, sqlx::Error> {
    let count = centre.count(100.0, 3);
    let before = rows::last_id(conn, "vote_rounds").await?;
    let mut rounds = Vec::new();
    let mut plans = Vec::new();
    for n in 0..count {
        let open = n + 1 == count;
        let closes = if open {
            centre.now + 5 * DAY
        } else {
            centre.start + ((n as i64 + 1) * (centre.now - 30 * DAY - centre.start)) / count as i64
        };
        let opens = closes - WEEK;
        let faces = centre.rng.chance(30);
        let (method, max_choices, faces) = if faces {
            (
                "faces",
                None,
                Some(if centre.rng.chance(50) { 3 } else { 5 }),
            )
        } else {
            ("approval", Some(centre.rng.between(1, 3)), None)
        };
        let secret = open.then(|| centre.rng.key());
        let creator = *centre.rng.pick(&centre.workers);
        rounds.push(row![
            format!("Vote {n}"),
            method,
            max_choices,
            faces,
            opens,
            closes,
            0,
            secret,
            creator,
            opens - DAY
        ]);
        let candidates: Vec<(i64, usize)> = published
            .iter()
            .filter(|(_, at, _)| *at < opens)
            .map(|(id, _, kind)| (*id, *kind))
            .collect();
        let size = centre.rng.between(3, 5) as usize;
        let themes = centre.rng.sample(&candidates, size);
        plans.push((themes, max_choices, faces, open, closes));
    }
    let columns = [
        "title",
        "method",
        "max_choices",
        "faces",
        "opens_at",
        "closes_at",
        "live_results",
        "ballot_secret",
        "created_by",
        "created_at",
    ];
    rows::insert(conn, "vote_rounds", &columns, rounds).await?;
    let ids = rows::ids_after(conn, "vote_rounds", before).await?;
    let (mut links, mut voters, mut marks, mut chosen) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (round, (themes, max_choices, faces, open, closes)) in ids.iter().zip(plans) {
        if themes.len() < 2 {
            continue;
        }
        for (theme, _) in &themes {
            links.push(row![*round, *theme]);
        }
        let count = centre.rng.between(15, 40) as usize;
        let mut who = centre.rng.sample(&centre.participants.clone(), count);
        who.sort_unstable();
        let mut ballots = Vec::new();
        for user in who {
            voters.push(row![*round, user]);
            let key = centre.rng.key();
            let picked = match (max_choices, faces) {
                (Some(max), _) => {
                    let count = centre.rng.between(1, max) as usize;
                    centre
                        .rng
                        .sample(&themes, count)
                        .into_iter()
                        .map(|(t, _)| (t, 0))
                        .collect()
                }
                (_, Some(faces)) => themes
                    .iter()
                    .map(|(t, _)| (*t, centre.rng.between(0, faces - 1)))
                    .collect::<Vec<_>>(),
                _ => Vec::new(),
            };
            for (theme, grade) in picked {
                let grade = if max_choices.is_some() { 1 } else { grade };
                ballots.push((key.clone(), theme, grade));
            }
        }
        // Ballots in the order of their random keys: nothing in the order links them to voters.
        ballots.sort();
        marks.extend(
            ballots
                .into_iter()
                .map(|(key, theme, grade)| row![*round, key, theme, grade]),
        );
        if !open {
            let (theme, kind) = themes[0];
            chosen.push(Chosen {
                theme,
                round: *round,
                title: format!("{} ({})", TITLES[kind], super::day(closes)),
                pictogram: PICTOGRAMS[kind].to_string(),
                at: closes,
            });
        }
    }
    rows::insert(conn, "round_themes", &["round_id", "theme_id"], links).await?;
    rows::insert(conn, "round_voters", &["round_id", "user_id"], voters).await?;
    rows::insert(
        conn,
        "ballot_marks",
        &["round_id", "ballot", "theme_id", "grade"],
        marks,
    )
    .await?;
    // A theme can be chosen by one round only (one workshop per idea).
    let mut seen = std::collections::HashSet::new();
    chosen.retain(|c| seen.insert(c.theme));
    Ok(chosen)
}
