//! Guessing PINs and passwords: bursts sent together are counted like guesses sent one by
//! one, a stranger's guesses do not lock a person out, and a login takes as long whether or
//! not the code exists.

use std::time::{Duration, Instant};

use app::auth::throttle::{ACCOUNT, PAIR};
use futures::future::join_all;
use trame_tests::{Backend, Reply, TestApp, on_both_backends};

on_both_backends!(
    a_burst_of_guesses_checks_only_the_attempts_left,
    a_strangers_guesses_do_not_lock_the_person_out,
    unknown_codes_take_as_long_and_read_the_same,
);

/// A card login from `address` (the test app trusts the proxy's `X-Forwarded-For`).
async fn card_login(app: &TestApp, code: &str, pin: &str, address: &str) -> Reply {
    app.post_with(
        "/login/card",
        &[("code", code), ("pin", pin)],
        None,
        &[
            ("sec-fetch-site", "same-origin"),
            ("x-forwarded-for", address),
        ],
    )
    .await
}

/// How a login attempt ended, from its redirect.
#[derive(Debug, PartialEq, Eq)]
enum Ended {
    LoggedIn,
    Checked,
    Throttled,
}

fn ended(reply: &Reply) -> Ended {
    let location = reply.location();
    if location == "/" && reply.session_cookie().is_some_and(|t| !t.is_empty()) {
        Ended::LoggedIn
    } else if location.starts_with("/login?error=login_failed") {
        Ended::Checked
    } else if location.starts_with("/login?error=throttled") {
        Ended::Throttled
    } else {
        panic!("unexpected answer to a login: {} {location}", reply.status)
    }
}

async fn spawn(backend: Backend) -> TestApp {
    TestApp::spawn_with(backend, |config| config.trust_proxy = true).await
}

async fn a_burst_of_guesses_checks_only_the_attempts_left(backend: Backend) {
    let app = &spawn(backend).await;
    // 50 wrong PINs at once: only the attempts the bucket holds are checked.
    let burst = (0..50).map(|n| async move {
        card_login(app, "AMN4KP", &format!("{:04}", 5000 + n), "203.0.113.1").await
    });
    let answers: Vec<Ended> = join_all(burst).await.iter().map(ended).collect();
    let checked = answers.iter().filter(|a| **a == Ended::Checked).count();
    assert_eq!(checked as i64, PAIR.burst, "{answers:?}");
    assert!(!answers.contains(&Ended::LoggedIn));

    // Four wrong PINs, then a burst of 100 holding the right one: at most one more is
    // checked, whatever the order they arrive in.
    for n in 0..4 {
        assert_eq!(
            ended(&card_login(app, "JPR7XZ", &format!("99{n:02}"), "203.0.113.2").await),
            Ended::Checked
        );
    }
    let burst = (0..100).map(|n| {
        let pin = if n == 57 {
            "1234".to_string()
        } else {
            format!("{:04}", 6000 + n)
        };
        async move { card_login(app, "JPR7XZ", &pin, "203.0.113.2").await }
    });
    let answers: Vec<Ended> = join_all(burst).await.iter().map(ended).collect();
    let past_the_limit = answers.iter().filter(|a| **a != Ended::Throttled).count();
    assert!(past_the_limit <= 1, "{answers:?}");

    // Once the limit is reached, a burst holding the right PIN never logs in.
    for n in 0..5 {
        card_login(app, "FTU3MW", &format!("88{n:02}"), "203.0.113.3").await;
    }
    let burst = (0..30).map(|n| {
        let pin = if n % 10 == 3 {
            "1234".to_string()
        } else {
            format!("{:04}", 7000 + n)
        };
        async move { card_login(app, "FTU3MW", &pin, "203.0.113.3").await }
    });
    let answers: Vec<Ended> = join_all(burst).await.iter().map(ended).collect();
    assert!(
        answers.iter().all(|a| *a == Ended::Throttled),
        "{answers:?}"
    );

    // The same holds for staff passwords.
    let burst = (0..40).map(|n| {
        let password = format!("guess-{n}");
        async move {
            app.post_with(
                "/login",
                &[("email", "karim@trame.demo"), ("password", &password)],
                None,
                &[
                    ("sec-fetch-site", "same-origin"),
                    ("x-forwarded-for", "203.0.113.4"),
                ],
            )
            .await
        }
    });
    let checked = join_all(burst)
        .await
        .iter()
        .filter(|r| r.location().starts_with("/login?error=login_failed"))
        .count();
    assert_eq!(checked as i64, PAIR.burst);
}

async fn a_strangers_guesses_do_not_lock_the_person_out(backend: Backend) {
    let app = &spawn(backend).await;
    // Someone guesses Amina's PIN from elsewhere until refused...
    for n in 0..(PAIR.burst + 3) {
        card_login(app, "AMN4KP", &format!("50{n:02}"), "198.51.100.9").await;
    }
    assert_eq!(
        ended(&card_login(app, "AMN4KP", "5099", "198.51.100.9").await),
        Ended::Throttled
    );
    // ...and Amina, on the centre's tablet, still logs in.
    assert_eq!(
        ended(&card_login(app, "AMN4KP", "1234", "192.0.2.10").await),
        Ended::LoggedIn
    );

    // Guesses from many addresses spend the account's own attempts: then every address is
    // slowed down, Amina's included...
    for n in 0..ACCOUNT.burst {
        card_login(
            app,
            "AMN4KP",
            &format!("60{n:02}"),
            &format!("198.51.100.{}", 20 + n),
        )
        .await;
    }
    assert_eq!(
        ended(&card_login(app, "AMN4KP", "1234", "192.0.2.10").await),
        Ended::Throttled
    );
    // ...until a social worker, who knows her, unlocks the card at the counter.
    let worker = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    let amina = app.user_id("AMN4KP").await;
    let record = app
        .get(&format!("/staff/participants/{amina}"), Some(&worker))
        .await;
    assert!(
        record.body.contains("Débloquer la carte"),
        "the record says the card is locked"
    );
    let unlocked = app
        .post(
            &format!("/staff/participants/{amina}/unlock"),
            &[],
            Some(&worker),
        )
        .await;
    assert_eq!(
        unlocked.location(),
        format!("/staff/participants/{amina}?ok=card_unlocked")
    );
    let audited: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'participant.card_unlock' AND subject_id = $1",
    )
    .bind(amina)
    .fetch_one(app.db().read())
    .await
    .unwrap();
    assert_eq!(audited, 1);
    assert_eq!(
        ended(&card_login(app, "AMN4KP", "1234", "192.0.2.10").await),
        Ended::LoggedIn
    );
    let record = app
        .get(&format!("/staff/participants/{amina}"), Some(&worker))
        .await;
    assert!(!record.body.contains("Débloquer la carte"));
    // Only staff unlock cards.
    let participant = app.login_card("JPR7XZ", "1234").await;
    let refused = app
        .post(
            &format!("/staff/participants/{amina}/unlock"),
            &[],
            Some(&participant),
        )
        .await;
    assert_eq!(refused.status, http::StatusCode::FORBIDDEN);
}

/// The median of some durations.
fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

async fn unknown_codes_take_as_long_and_read_the_same(backend: Backend) {
    let app = &spawn(backend).await;
    let existing = ["AMN4KP", "JPR7XZ", "FTU3MW", "MRC5HQ", "LCY8DV", "PPL6TN"];
    let unknown = ["ZZZ9ZZ", "QQQ2QQ", "XKX3KX", "WWW4WW", "VQV5QV", "HHH6HH"];
    let mut known_times = Vec::new();
    let mut unknown_times = Vec::new();
    // Alternate, so that whatever else the machine does weighs on both alike.
    for round in 0..3 {
        for (n, (known, stranger)) in existing.iter().zip(unknown).enumerate() {
            let address = format!("192.0.2.{}", 100 + round * 10 + n);
            let start = Instant::now();
            let known_reply = card_login(app, known, "0000", &address).await;
            known_times.push(start.elapsed());
            let start = Instant::now();
            let unknown_reply = card_login(app, stranger, "0000", &address).await;
            unknown_times.push(start.elapsed());
            // The answers are the same but for the typed code kept for the form.
            assert_eq!(known_reply.status, unknown_reply.status);
            assert_eq!(known_reply.location(), unknown_reply.location());
            assert_eq!(known_reply.location(), "/login?error=login_failed#card");
        }
    }
    for email in ["karim@trame.demo", "nobody@trame.demo"] {
        let reply = app
            .post_with(
                "/login",
                &[("email", email), ("password", "not it at all")],
                None,
                &[
                    ("sec-fetch-site", "same-origin"),
                    ("x-forwarded-for", "192.0.2.200"),
                ],
            )
            .await;
        assert_eq!(reply.location(), "/login?error=login_failed#staff");
    }
    let (known, unknown) = (median(known_times), median(unknown_times));
    eprintln!(
        "login with a wrong PIN ({backend:?}): existing code {known:?}, unknown code {unknown:?} (medians of 18)"
    );
    // A benchmark-style bound: only a gap of ten times or more fails.
    let ratio = known.as_secs_f64() / unknown.as_secs_f64();
    assert!(
        (0.1..10.0).contains(&ratio),
        "existing {known:?}, unknown {unknown:?}"
    );
}
