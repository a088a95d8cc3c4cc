//! Data protection: a person's data as a page and a JSON file, for themselves and (audited)
//! for staff; every column of the schema that refers to a person is accounted for.

use std::collections::BTreeSet;

use app::privacy::{PERSON_COLUMNS, PersonColumn};
use http::{StatusCode, header};
use serde_json::Value;
use trame_tests::{Backend, TestApp, on_both_backends};

use crate::probes::world::World;

on_both_backends!(
    every_column_that_refers_to_a_person_is_accounted_for,
    a_participant_reads_and_downloads_all_their_data,
    staff_read_a_participants_data_and_it_is_audited,
    nobody_reads_someone_elses_data,
);

const AMINA: &str = "AMN4KP";

async fn json_of(app: &TestApp, path: &str, session: &str) -> Value {
    let reply = app.get(path, Some(session)).await;
    assert_eq!(reply.status, StatusCode::OK, "{path}: {}", reply.body);
    assert_eq!(
        reply.headers[header::CONTENT_TYPE],
        "application/json; charset=utf-8"
    );
    assert!(
        reply.headers[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .starts_with("attachment; filename=\"trame-"),
    );
    assert_eq!(reply.headers[header::CACHE_CONTROL], "no-store");
    serde_json::from_str(&reply.body).expect("valid JSON")
}

/// Whether `section` of `data` holds something.
fn filled(data: &Value, section: &str) -> bool {
    match &data[section] {
        Value::Array(items) => !items.is_empty(),
        Value::Null => false,
        _ => true,
    }
}

/// The columns of the schema that reference `users`.
async fn person_references(app: &TestApp, backend: Backend) -> BTreeSet<(String, String)> {
    let sql = match backend {
        Backend::Sqlite => {
            "SELECT m.name, p.\"from\" FROM sqlite_master m, pragma_foreign_key_list(m.name) p \
             WHERE m.type = 'table' AND p.\"table\" = 'users'"
        }
        Backend::Postgres => {
            "SELECT k.table_name::text, k.column_name::text \
             FROM information_schema.referential_constraints r \
             JOIN information_schema.key_column_usage k ON k.constraint_name = r.constraint_name \
             JOIN information_schema.constraint_column_usage u \
               ON u.constraint_name = r.unique_constraint_name \
             WHERE u.table_name = 'users'"
        }
    };
    let rows: Vec<(String, String)> = sqlx::query_as(sql)
        .fetch_all(app.db().read())
        .await
        .expect("the schema's references");
    rows.into_iter().collect()
}

async fn every_column_that_refers_to_a_person_is_accounted_for(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let declared: BTreeSet<(String, String)> = PERSON_COLUMNS
        .iter()
        .map(|(table, column, _)| (table.to_string(), column.to_string()))
        .collect();
    let mut in_schema = person_references(&app, backend).await;
    // Not foreign keys, but a person all the same.
    in_schema.extend(
        [
            ("users", "id"),
            ("form_drafts", "owner_id"),
            ("login_throttle", "account"),
        ]
        .map(|(t, c)| (t.to_string(), c.to_string())),
    );
    for column in &in_schema {
        assert!(
            declared.contains(column),
            "{column:?} refers to a person: place it in privacy::PERSON_COLUMNS"
        );
    }
    for column in &declared {
        assert!(
            in_schema.contains(column),
            "{column:?} is not in the schema"
        );
    }
}

/// The demo centre with Amina's history in every table that can hold hers (the probing
/// world, then a signed feedback, an absence, a supported idea, a vote, a calendar link and
/// an attestation), and a social worker having kept her record after a review and read it.
pub(crate) async fn amina_everywhere(app: &TestApp) -> World {
    let world = World::prepare(app).await;
    let amina = world.sessions["participant"].as_str();
    let done = |path: &str, form: Vec<(String, String)>| {
        let path = world.fill(path);
        async move {
            let pairs: Vec<(&str, &str)> =
                form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            let reply = app.post(&path, &pairs, Some(amina)).await;
            let location = reply.location();
            assert!(
                location.contains("ok=") || location.starts_with("/attestations/"),
                "{path}: {location}"
            );
        }
    };
    let pair = |k: &str, v: &str| (world.fill(k), v.to_string());
    done(
        "/sessions/{past_session}/feedback",
        vec![
            pair("face", "2"),
            pair("comment", "Signé de ma main"),
            pair("sign", "yes"),
        ],
    )
    .await;
    done("/sessions/{session}/away", vec![pair("want", "yes")]).await;
    done("/themes/{other_theme}/support", vec![pair("want", "yes")]).await;
    done("/votes/{round}", vec![pair("choice_{theme}", "1")]).await;
    done("/agenda/link", vec![]).await;
    done(
        "/account/consents",
        vec![pair("topic", "name_shown"), pair("given", "yes")],
    )
    .await;
    done("/journey/attestation", vec![pair("name", "Amina")]).await;
    let kept = app
        .post(
            &world.fill("/staff/retention/{participant}/keep"),
            &[("reason", "Revue annuelle")],
            Some(&world.sessions["worker"]),
        )
        .await;
    assert!(
        kept.location().contains("ok=record_kept"),
        "{}",
        kept.location()
    );
    let today = chrono::Utc::now().format("%Y-%m-%d").to_string();
    let outcome = app
        .post(
            &world.fill("/staff/participants/{participant}/outcomes"),
            &[
                ("outcome", "3"),
                ("day", &today),
                ("workshop", ""),
                ("note", "Amina commence sa formation"),
            ],
            Some(&world.sessions["worker"]),
        )
        .await;
    assert!(
        outcome.location().contains("ok=outcome_recorded"),
        "{}",
        outcome.location()
    );
    let record = world.fill("/staff/participants/{participant}");
    let read = app.get(&record, Some(&world.sessions["worker"])).await;
    assert_eq!(read.status, StatusCode::OK);
    world
}

async fn a_participant_reads_and_downloads_all_their_data(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let world = amina_everywhere(&app).await;
    let amina = world.sessions["participant"].as_str();
    let data = json_of(&app, "/account/data.json", amina).await;
    let partner = json_of(&app, "/account/data.json", &world.sessions["partner"]).await;
    for (table, column, treatment) in PERSON_COLUMNS {
        if let PersonColumn::Exported(section) = treatment {
            assert!(
                filled(&data, section) || filled(&partner, section),
                "{table}.{column}: the section {section} is empty"
            );
        }
    }
    assert_eq!(data["record"]["name"], "Amina");
    assert_eq!(data["record"]["card_code"], "AMN-4KP");
    assert_eq!(data["signed_feedback"][0]["comment"], "Signé de ma main");
    assert_eq!(data["audit"][0]["action"], "participant.view");
    assert_eq!(partner["record"]["role"], "partner");
    let account = app.get("/account", Some(&world.sessions["partner"])).await;
    assert!(
        account.body.contains("href=\"/account/data\""),
        "staff and partners reach their own data from their account"
    );
    let text = serde_json::to_string(&data).unwrap();
    for secret in ["pin", "password", "token", "ballot"] {
        assert!(
            !text.contains(&format!("\"{secret}")),
            "no {secret} in the file"
        );
    }
    assert!(
        !serde_json::to_string(&partner).unwrap().contains("Amina"),
        "a partner's data names no participant"
    );

    let page = app.get("/account/data", Some(amina)).await;
    assert_eq!(page.status, StatusCode::OK);
    for text in [
        "<h1>Mes données</h1>",
        "AMN-4KP",
        "Signé de ma main",
        "le vote est secret",
        "href=\"/account/data.json\"",
        "Inscriptions aux ateliers",
        "A consulté le dossier",
    ] {
        assert!(page.body.contains(text), "the page shows {text}");
    }
}

async fn staff_read_a_participants_data_and_it_is_audited(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let worker = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    let amina = app.user_id(AMINA).await;
    let audited = |action: &'static str| {
        let app = &app;
        async move {
            app.number(&format!(
                "SELECT COUNT(*) FROM audit_log WHERE action = '{action}' AND subject_id = {amina}"
            ))
            .await
        }
    };
    let page = app
        .get(&format!("/staff/participants/{amina}/data"), Some(&worker))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("Les données d&#x27;Amina") || page.body.contains("Les données d'Amina")
    );
    assert!(
        page.body
            .contains(&format!("href=\"/staff/participants/{amina}/data.json\""))
    );
    assert_eq!(audited("participant.data_view").await, 1);
    let data = json_of(
        &app,
        &format!("/staff/participants/{amina}/data.json"),
        &worker,
    )
    .await;
    assert_eq!(data["record"]["name"], "Amina");
    assert_eq!(audited("participant.data_download").await, 1);
    let again = json_of(
        &app,
        "/account/data.json",
        &app.login_card(AMINA, "1234").await,
    )
    .await;
    let actions: Vec<&str> = again["audit"]
        .as_array()
        .unwrap()
        .iter()
        .map(|line| line["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions,
        ["participant.data_download", "participant.data_view"],
        "Amina sees who read her data"
    );
}

async fn nobody_reads_someone_elses_data(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let amina = app.user_id(AMINA).await;
    let sophie = app.user_id("sophie@trame.demo").await;
    let marc = app.login_card("MRC5HQ", "1234").await;
    let partner = app
        .login_staff("neonat@trame.demo", "demo-partner-pass")
        .await;
    let worker = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    for (session, path, status) in [
        (
            &marc,
            format!("/staff/participants/{amina}/data.json"),
            StatusCode::FORBIDDEN,
        ),
        (
            &marc,
            format!("/staff/participants/{amina}/data"),
            StatusCode::FORBIDDEN,
        ),
        (
            &partner,
            format!("/staff/participants/{amina}/data.json"),
            StatusCode::FORBIDDEN,
        ),
        (
            &partner,
            format!("/staff/participants/{amina}/data"),
            StatusCode::FORBIDDEN,
        ),
        (
            &worker,
            format!("/staff/participants/{sophie}/data.json"),
            StatusCode::NOT_FOUND,
        ),
        (
            &worker,
            format!("/staff/participants/{sophie}/data"),
            StatusCode::NOT_FOUND,
        ),
        (
            &worker,
            "/staff/participants/999999/data.json".to_string(),
            StatusCode::NOT_FOUND,
        ),
    ] {
        let reply = app.get(&path, Some(session)).await;
        assert_eq!(reply.status, status, "{path}");
        assert!(
            !reply.body.contains("AMN-4KP"),
            "{path} shows nothing of Amina"
        );
    }
    let server_fn = app
        .post(
            "/api/privacy/participant",
            &[("id", &amina.to_string())],
            Some(&marc),
        )
        .await;
    assert_eq!(server_fn.status, StatusCode::FORBIDDEN);
    let anonymous = app.get("/account/data.json", None).await;
    assert!(anonymous.location().starts_with("/login"));
    assert_eq!(
        app.number("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'participant.data%'")
            .await,
        0,
        "a refused read is not a read"
    );
}
