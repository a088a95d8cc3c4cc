//! Voting rounds: opening one, voting and changing one's ballot, the rules a ballot must
//! follow, secrecy, results, merging ideas, "me too", and many voters at once.

use http::StatusCode;
use trame_tests::{Backend, TestApp};

const FAR_CLOSE: &str = "2099-12-31T18:00";

mod ballots;
mod counter_and_ideas;
mod rounds;

/// A published idea by the participant with this card code; its id.
async fn published(app: &TestApp, title: &str, author: &str) -> i64 {
    let author = app.user_id(author).await;
    sqlx::query_scalar(
        "INSERT INTO themes (title, description, pictogram, status, author_id, created_at, \
         updated_at) VALUES ($1, '', 'cooking', 'published', $2, 1, 1) RETURNING id",
    )
    .bind(title)
    .bind(author)
    .fetch_one(app.db().write())
    .await
    .unwrap()
}

/// The fields of a new round over `themes`.
fn round_form(title: &str, themes: &[i64], extra: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut form = vec![
        ("title".to_string(), title.to_string()),
        ("method".to_string(), "approval".to_string()),
        ("max_choices".to_string(), "2".to_string()),
        ("faces".to_string(), "3".to_string()),
        ("opens".to_string(), String::new()),
        ("closes".to_string(), FAR_CLOSE.to_string()),
    ];
    for theme in themes {
        form.push(("theme".to_string(), theme.to_string()));
    }
    for (name, value) in extra {
        form.retain(|(n, _)| n != name);
        form.push((name.to_string(), value.to_string()));
    }
    form
}

fn pairs(form: &[(String, String)]) -> Vec<(&str, &str)> {
    form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

/// Opens a round as `worker`; its id.
async fn open_round(app: &TestApp, worker: &str, themes: &[i64], extra: &[(&str, &str)]) -> i64 {
    let form = round_form("Vote de décembre", themes, extra);
    let reply = app.post("/staff/votes", &pairs(&form), Some(worker)).await;
    let location = reply.location();
    assert!(location.ends_with("?ok=round_created"), "{location}");
    location
        .trim_start_matches("/staff/votes/")
        .trim_end_matches("?ok=round_created")
        .parse()
        .unwrap()
}

async fn vote(app: &TestApp, round: i64, fields: &[(&str, &str)], who: &str) -> String {
    app.post(&format!("/votes/{round}"), fields, Some(who))
        .await
        .location()
        .to_string()
}

fn assert_saved(location: String) {
    assert!(location.ends_with("?ok=ballot_saved"), "{location}");
}

/// How many participants voted in `round`.
async fn voters(app: &TestApp, round: i64) -> i64 {
    count(
        app,
        "SELECT COUNT(*) FROM round_voters WHERE round_id = $1",
        round,
    )
    .await
}

async fn count(app: &TestApp, sql: &str, round: i64) -> i64 {
    sqlx::query_scalar(sql)
        .bind(round)
        .fetch_one(app.db().read())
        .await
        .unwrap()
}
