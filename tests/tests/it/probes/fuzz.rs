//! Malformed values sent to every form (one field at a time, the others valid), every server
//! function and every page address, as each role: never a server error, never a panic, no
//! typed markup written back raw, and nothing changed by a refused request.

use std::sync::{
    Once,
    atomic::{AtomicUsize, Ordering},
};

use http::StatusCode;
use trame_tests::{Backend, Reply, TestApp, on_both_backends};

use super::{
    catalogue::{FORMS, Form, PAGES, Who},
    changes,
    world::World,
};

on_both_backends!(
    malformed_values_break_nothing,
    markup_in_an_idea_stays_text_all_the_way_to_its_workshop,
);

/// Markup a hostile person types or puts in a link; none of it may come back as markup.
pub const MARKUP: [&str; 3] = [
    "</textarea><h1>x</h1>",
    "\"><svg onload=alert(1)>",
    "<script>alert(1)</script>",
];

/// The markup's tell-tales, as they would read if written back raw.
const RAW: [&str; 3] = ["<h1>x</h1>", "<svg onload", "<script>alert"];

/// Values a clumsy or hostile person sends instead of what a field expects.
fn malformed() -> Vec<String> {
    let mut values: Vec<String> = [
        "",
        "-1",
        "0",
        "99999999999999999999",
        "+262142-12-31",
        "2026-02-30",
        "25:61",
        "\u{0}\u{202e}\u{200b}x",
        "%_' OR 1=1 --",
        "1e9",
    ]
    .map(String::from)
    .to_vec();
    values.push("é".repeat(10_000));
    values.extend(MARKUP.map(String::from));
    values
}

static PANICS: AtomicUsize = AtomicUsize::new(0);

/// Counts panics anywhere in the process, tasks of the server included.
fn count_panics() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            PANICS.fetch_add(1, Ordering::SeqCst);
            previous(info);
        }));
    });
}

/// Whether a reply is a refusal: an error page or a redirect with a problem.
fn refused(reply: &Reply) -> bool {
    reply.status.is_client_error() || reply.location().contains("error=")
}

fn check_page(reply: &Reply, what: &str) {
    assert!(!reply.status.is_server_error(), "{what}: {}", reply.status);
    let html = reply
        .headers
        .get(http::header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    if html {
        for raw in RAW {
            if let Some(at) = reply.body.find(raw) {
                let around: String = reply.body[at..].chars().take(300).collect();
                panic!("{what}: raw markup {raw:?} in the page: …{around}…");
            }
        }
    }
}

/// Forms that end something (a record, a session, an account) go last, so the others meet
/// the world as it was prepared.
fn ending(form: &Form) -> bool {
    [
        "/close",
        "/cancel",
        "/deactivate",
        "/remove",
        "/leave",
        "/withdraw",
        "/move",
    ]
    .iter()
    .any(|end| form.path.ends_with(end))
}

/// Requests sent and refused, for the figures the test prints.
#[derive(Default)]
struct Tally {
    sent: usize,
    refused: usize,
}

async fn fuzz_form(app: &TestApp, world: &World, form: &Form, tally: &mut Tally) {
    let session = world.session(form.who);
    let path = world.fill(form.path);
    let valid: Vec<(String, String)> = form
        .fields
        .iter()
        .map(|(name, value)| (world.fill(name), world.fill(value)))
        .collect();
    for (index, (name, _)) in valid.iter().enumerate() {
        for bad in malformed() {
            let mut fields = valid.clone();
            fields[index].1 = bad.clone();
            let pairs: Vec<(&str, &str)> = fields
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            let before = changes::count(app).await;
            let reply = app.post(&path, &pairs, session).await;
            tally.sent += 1;
            let what = format!(
                "POST {path} {name}={:?}",
                bad.chars().take(30).collect::<String>()
            );
            check_page(&reply, &what);
            if refused(&reply) {
                tally.refused += 1;
                assert_eq!(
                    changes::count(app).await,
                    before,
                    "{what}: refused, yet changed"
                );
            }
            if MARKUP.contains(&bad.as_str()) && reply.status == StatusCode::SEE_OTHER {
                let page = app.follow(&reply, session).await;
                check_page(&page, &format!("{what}, then GET {}", reply.location()));
                // Sent back with what was typed: the text is there, as text.
                let kept =
                    reply.cookie("trame_draft").is_some() && form.text.contains(&name.as_str());
                if kept && bad == MARKUP[0] {
                    assert!(
                        page.body
                            .contains("&lt;/textarea&gt;&lt;h1&gt;x&lt;/h1&gt;"),
                        "{what}: what was typed is not shown back"
                    );
                }
            }
        }
    }
}

/// Server functions and their arguments (the values to try are put in place of `{}`).
const SERVER_FNS: &[(&str, &str)] = &[
    ("projects/get", "id={}"),
    ("projects/partner", "id={}"),
    ("projects/public", "id={}"),
    ("projects/journey", "user={}"),
    ("votes/round", "id={}"),
    ("workshops/get", "id={}"),
    ("workshops/clashes", "ids[0]={}&ids[1]=1"),
    ("workshops/sheet", "session={}"),
    ("workshops/agenda", "period={}&everyone=false"),
    ("workshops/agenda", "period=month&everyone={}"),
    ("participants/get", "id={}"),
    ("participants/card", "id={}"),
    ("confirm/describe", "kind=close-vote&id={}"),
    ("confirm/describe", "kind={}&id=1"),
];

async fn malformed_values_break_nothing(backend: Backend) {
    count_panics();
    let panics = PANICS.load(Ordering::SeqCst);
    let app = TestApp::spawn(backend).await;
    let world = World::prepare(&app).await;
    changes::watch(&app).await;

    let (last, first): (Vec<&Form>, Vec<&Form>) = FORMS.iter().partition(|form| ending(form));
    let mut tally = Tally::default();
    for form in first.into_iter().chain(last) {
        fuzz_form(&app, &world, form, &mut tally).await;
    }
    eprintln!(
        "fuzz ({backend:?}): {} forms, {} malformed posts, {} refused",
        FORMS.len(),
        tally.sent,
        tally.refused
    );

    let odd_ids = ["abc", "-1", "0", "99999999999999999999", "1e3", "%00"];
    let roles = [
        Who::Participant,
        Who::Worker,
        Who::Admin,
        Who::Partner,
        Who::Anonymous,
    ];
    for (endpoint, args) in SERVER_FNS {
        for value in odd_ids.iter().map(|v| v.to_string()).chain(malformed()) {
            let body = args.replace("{}", &trame_tests::encode(&value));
            for who in roles {
                let reply = app
                    .post_raw(&format!("/api/{endpoint}"), &body, world.session(who))
                    .await;
                check_page(&reply, &format!("/api/{endpoint} {body:.60}"));
            }
        }
    }
    for (who, page) in PAGES {
        let session = world.session(*who);
        let reply = app.get(&world.fill(page), session).await;
        check_page(&reply, page);
        if page.contains('{') {
            for odd in odd_ids {
                let path = page
                    .split('/')
                    .map(|part| if part.starts_with('{') { odd } else { part })
                    .collect::<Vec<_>>()
                    .join("/");
                check_page(&app.get(&path, session).await, &path);
            }
        }
    }
    for page in ["/agenda", "/programme"] {
        for period in malformed().iter().chain(&["+262142-12".to_string()]) {
            let path = format!("{page}?period={}", trame_tests::encode(period));
            check_page(
                &app.get(&path, world.session(Who::Participant)).await,
                &path,
            );
        }
    }
    assert_eq!(
        PANICS.load(Ordering::SeqCst),
        panics,
        "a panic happened during the probes"
    );
}

async fn markup_in_an_idea_stays_text_all_the_way_to_its_workshop(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let world = World::prepare(&app).await;
    let (worker, amina) = (world.session(Who::Worker), world.session(Who::Participant));
    let idea = [
        ("title", MARKUP[2]),
        ("description", MARKUP[0]),
        ("pictogram", "sewing"),
    ];
    let proposed = app.post("/themes", &idea, amina).await;
    assert_eq!(proposed.location(), "/themes?ok=theme_proposed");
    let id: i64 = sqlx::query_scalar("SELECT MAX(id) FROM themes")
        .fetch_one(app.db().read())
        .await
        .unwrap();
    let published = app
        .post(&format!("/staff/themes/{id}/publish"), &[], worker)
        .await;
    assert!(
        published.location().contains("ok=theme_published"),
        "{}",
        published.location()
    );
    let closes = world.fill("{closes}");
    let (ours, other) = (id.to_string(), world.fill("{theme}"));
    let round = [
        ("title", MARKUP[1]),
        ("method", "approval"),
        ("max_choices", "1"),
        ("opens", ""),
        ("closes", closes.as_str()),
        ("theme", ours.as_str()),
        ("theme", other.as_str()),
    ];
    let created = app.post("/staff/votes", &round, worker).await;
    let round_id = created
        .location()
        .trim_start_matches("/staff/votes/")
        .split('?')
        .next()
        .unwrap()
        .to_string();
    let choice = format!("choice_{id}");
    app.post(&format!("/votes/{round_id}"), &[(&choice, "1")], amina)
        .await;
    app.post(
        &format!("/staff/votes/{round_id}/close"),
        &[("confirmed", "yes")],
        worker,
    )
    .await;
    let made = app
        .post(
            &format!("/staff/votes/{round_id}/workshop"),
            &[("theme", &id.to_string())],
            worker,
        )
        .await;
    assert!(
        made.location().contains("ok=workshop_created"),
        "{}",
        made.location()
    );
    let workshop = app.follow(&made, worker).await;
    check_page(&workshop, "the workshop made from the idea");
    assert!(
        workshop
            .body
            .contains("&lt;/textarea&gt;&lt;h1&gt;x&lt;/h1&gt;</textarea>"),
        "the idea's words are in the workshop's form, as text"
    );
    for (page, session) in [
        ("/themes".to_string(), amina),
        ("/staff/themes".to_string(), worker),
        (format!("/votes/{round_id}"), amina),
        (format!("/staff/votes/{round_id}"), worker),
        ("/staff/workshops".to_string(), worker),
        ("/workshops".to_string(), amina),
    ] {
        check_page(&app.get(&page, session).await, &page);
    }
}
