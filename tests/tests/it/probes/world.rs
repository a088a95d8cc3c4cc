//! A centre prepared for probing: someone logged in for each role, and one of everything a
//! form can act on (a workshop with sessions to come and one past, ideas, rounds open and
//! closed, a project with a goal, a step and a contribution waiting), named by the
//! placeholders of the form catalogue.

use app::notices::Done;
use std::collections::HashMap;

use chrono::Utc;
use chrono_tz::Europe::Brussels;
use trame_tests::TestApp;

use super::catalogue::Who;

pub struct World {
    pub sessions: HashMap<&'static str, String>,
    pub ids: Vec<(&'static str, String)>,
}

async fn scalar(app: &TestApp, sql: &str, bind: i64) -> i64 {
    sqlx::query_scalar(sql)
        .bind(bind)
        .fetch_one(app.db().read())
        .await
        .unwrap_or_else(|err| panic!("{sql}: {err}"))
}

/// The id at the end of a redirect such as `/staff/votes/12?ok=...`.
fn id_in(location: &str, prefix: &str) -> String {
    location
        .strip_prefix(prefix)
        .and_then(|rest| rest.split(['?', '#', '/']).next())
        .unwrap_or_else(|| panic!("{location} does not start with {prefix}"))
        .to_string()
}

impl World {
    pub async fn prepare(app: &TestApp) -> World {
        let worker = app
            .login_staff("sophie@trame.demo", "demo-worker-pass")
            .await;
        let admin = app.login_staff("admin@trame.demo", "demo-admin-pass").await;
        let partner = app
            .login_staff("neonat@trame.demo", "demo-partner-pass")
            .await;
        let amina_session = app.login_card("AMN4KP", "1234").await;
        let amina = app.user_id("AMN4KP").await;
        let sophie = app.user_id("sophie@trame.demo").await;
        let neonat = app.user_id("neonat@trame.demo").await;
        let local =
            |days: i64| (Utc::now() + chrono::Duration::days(days)).with_timezone(&Brussels);
        let day = local(30).format("%Y-%m-%d").to_string();
        let past_day = local(-1).format("%Y-%m-%d").to_string();
        let opens = local(0).format("%Y-%m-%dT%H:%M").to_string();
        let closes = local(7).format("%Y-%m-%dT%H:%M").to_string();

        let room = scalar(app, "SELECT MIN(id) FROM rooms WHERE id > $1", 0).await;
        let skill = scalar(app, "SELECT MIN(id) FROM skills WHERE retired = $1", 0).await;
        let project = scalar(
            app,
            "SELECT MIN(project_id) FROM project_partners WHERE partner_id = $1",
            neonat,
        )
        .await;
        let goal = scalar(
            app,
            "SELECT MIN(id) FROM project_goals WHERE project_id = $1",
            project,
        )
        .await;
        let milestone = scalar(
            app,
            "SELECT MIN(id) FROM milestones WHERE project_id = $1 AND reached_on IS NULL",
            project,
        )
        .await;
        let contribution = scalar(
            app,
            "SELECT MIN(id) FROM contributions WHERE project_id = $1 AND status = 'pending'",
            project,
        )
        .await;
        let ideas: Vec<i64> = sqlx::query_scalar(
            "SELECT id FROM themes WHERE status = 'published' AND author_id <> $1 ORDER BY id",
        )
        .bind(amina)
        .fetch_all(app.db().read())
        .await
        .unwrap();
        let (theme, other_theme) = (ideas[0].to_string(), ideas[1].to_string());

        let proposed = app
            .post(
                "/themes",
                &[
                    ("title", "Jardiner"),
                    ("description", "Un potager."),
                    ("pictogram", "gardening"),
                ],
                Some(&amina_session),
            )
            .await;
        assert_eq!(proposed.location(), "/themes?ok=theme_proposed");
        let my_theme = scalar(
            app,
            "SELECT MAX(id) FROM themes WHERE author_id = $1 AND status = 'proposed'",
            amina,
        )
        .await;

        let round = |title: &'static str| {
            let form = [
                ("title", title),
                ("method", "approval"),
                ("max_choices", "1"),
                ("opens", ""),
                ("closes", closes.as_str()),
            ];
            let (theme, other_theme, worker) = (theme.clone(), other_theme.clone(), worker.clone());
            async move {
                let mut form = form.map(|(k, v)| (k.to_string(), v.to_string())).to_vec();
                form.push(("theme".into(), theme.to_string()));
                form.push(("theme".into(), other_theme.to_string()));
                let pairs: Vec<(&str, &str)> =
                    form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
                let reply = app.post("/staff/votes", &pairs, Some(&worker)).await;
                id_in(reply.location(), "/staff/votes/")
            }
        };
        let open_round = round("Ouvert").await;
        let closed_round = round("Fermé").await;
        app.post(
            &format!("/staff/votes/{closed_round}/close"),
            &[("confirmed", "yes")],
            Some(&worker),
        )
        .await;

        let workshop = |title: &'static str, time: &'static str| {
            let (worker, day) = (worker.clone(), day.clone());
            let (room, sophie) = (room.to_string(), sophie.to_string());
            async move {
                let form = [
                    ("title", title),
                    ("description", "Ensemble."),
                    ("pictogram", "sewing"),
                    ("kind", "cycle"),
                    ("capacity", "8"),
                    ("room", room.as_str()),
                    ("facilitator_1", sophie.as_str()),
                ];
                let reply = app.post("/staff/workshops", &form, Some(&worker)).await;
                let id = id_in(reply.location(), "/staff/workshops/");
                let plan = [
                    ("frequency", "weekly"),
                    ("start", day.as_str()),
                    ("time", time),
                    ("minutes", "60"),
                    ("end", "count"),
                    ("count", "4"),
                    ("confirm", "1"),
                ];
                let planned = app
                    .post(
                        &format!("/staff/workshops/{id}/schedule"),
                        &plan,
                        Some(&worker),
                    )
                    .await;
                assert!(
                    planned.location().contains("ok=sessions_added"),
                    "{}",
                    planned.location()
                );
                id
            }
        };
        let workshop_id = workshop("Couture", "09:00").await;
        let other_workshop = workshop("Cuisine", "15:00").await;
        let registered = app
            .post(
                &format!("/workshops/{workshop_id}/register"),
                &[],
                Some(&amina_session),
            )
            .await;
        registered.assert_done(Done::Registered);
        let workshop_number: i64 = workshop_id.parse().unwrap();
        let session = scalar(
            app,
            "SELECT MIN(id) FROM workshop_sessions WHERE workshop_id = $1",
            workshop_number,
        )
        .await;
        let two_days_ago = Utc::now().timestamp() - 2 * 24 * 3600;
        let past_session: i64 = sqlx::query_scalar(
            "INSERT INTO workshop_sessions (workshop_id, starts_at, ends_at, room_id, updated_at) \
             VALUES ($1, $2, $3, $4, $2) RETURNING id",
        )
        .bind(workshop_number)
        .bind(two_days_ago)
        .bind(two_days_ago + 3600)
        .bind(room)
        .fetch_one(app.db().write())
        .await
        .unwrap();

        let ids = vec![
            ("{participant}", amina.to_string()),
            ("{worker}", sophie.to_string()),
            ("{account}", neonat.to_string()),
            ("{other_workshop}", other_workshop),
            ("{workshop}", workshop_id),
            ("{past_session}", past_session.to_string()),
            ("{session}", session.to_string()),
            ("{other_theme}", other_theme),
            ("{my_theme}", my_theme.to_string()),
            ("{theme}", theme),
            ("{closed_round}", closed_round),
            ("{round}", open_round),
            ("{room}", room.to_string()),
            ("{skill}", skill.to_string()),
            ("{project}", project.to_string()),
            ("{goal}", goal.to_string()),
            ("{milestone}", milestone.to_string()),
            ("{contribution}", contribution.to_string()),
            ("{past_day}", past_day),
            ("{day}", day),
            ("{opens}", opens),
            ("{closes}", closes),
        ];
        let sessions = HashMap::from([
            ("worker", worker),
            ("admin", admin),
            ("partner", partner),
            ("participant", amina_session),
        ]);
        World { sessions, ids }
    }

    /// `text` with its placeholders replaced.
    pub fn fill(&self, text: &str) -> String {
        self.ids
            .iter()
            .fold(text.to_string(), |text, (name, id)| text.replace(name, id))
    }

    /// The session of `who`, if someone logs in for it.
    pub fn session(&self, who: Who) -> Option<&str> {
        let key = match who {
            Who::Anonymous => return None,
            Who::Participant => "participant",
            Who::Worker => "worker",
            Who::Admin => "admin",
            Who::Partner => "partner",
        };
        self.sessions.get(key).map(String::as_str)
    }
}
