//! The web security baseline: cross-site requests, headers, sizes, languages, health.

use axum::body::Body;
use http::{Request, StatusCode, header};
use trame_tests::{Backend, TestApp, on_both_backends};

on_both_backends!(
    cross_site_posts_are_refused,
    pages_carry_security_headers_and_a_nonce,
    bad_and_oversized_requests_get_clear_answers,
    language_follows_choice_then_browser,
    health_checks_the_database,
    built_assets_are_cached_long_and_compressed,
    https_sites_ask_browsers_to_stay_on_https,
    redirects_go_only_to_plain_local_paths,
);

async fn cross_site_posts_are_refused(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let credentials = [
        ("email", "sophie@trame.demo"),
        ("password", "demo-worker-pass"),
    ];
    let forged = [
        vec![("sec-fetch-site", "cross-site")],
        vec![("sec-fetch-site", "same-site")],
        vec![("origin", "https://evil.example")],
        vec![("origin", "null")],
    ];
    for headers in forged {
        let reply = app.post_with("/login", &credentials, None, &headers).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{headers:?}");
        assert!(reply.session_cookie().is_none());
        assert!(reply.body.contains("autre site"));
    }
    // Server functions too.
    let worker = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    let reply = app
        .post_with(
            "/api/participants/list",
            &[],
            Some(&worker),
            &[("sec-fetch-site", "cross-site")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    // The same site, by Origin, is accepted.
    let reply = app
        .post_with(
            "/login",
            &credentials,
            None,
            &[("origin", "http://127.0.0.1:3000")],
        )
        .await;
    assert_eq!(reply.location(), "/");
    // GET never changes state: there is no GET logout.
    let reply = app.get("/logout", Some(&worker)).await;
    assert_eq!(reply.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(app.get("/", Some(&worker)).await.status, StatusCode::OK);
}

async fn pages_carry_security_headers_and_a_nonce(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let page = app.get("/login", None).await;
    assert_eq!(page.status, StatusCode::OK);
    let header = |name: &str| {
        page.headers
            .get(name)
            .unwrap()
            .to_str()
            .unwrap()
            .to_string()
    };
    let csp = header("content-security-policy");
    assert!(csp.contains("frame-ancestors 'none'"));
    assert!(csp.contains("default-src 'self'"));
    assert!(
        !csp.contains("wasm-unsafe-eval"),
        "no page runs WebAssembly: none may"
    );
    assert_eq!(header("x-content-type-options"), "nosniff");
    assert_eq!(header("referrer-policy"), "same-origin");
    assert_eq!(header("cache-control"), "no-store");
    assert!(page.headers.contains_key("x-request-id"));
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .unwrap();
    assert!(
        page.body.contains(&format!("nonce=\"{nonce}\"")),
        "scripts carry the nonce"
    );
    assert!(!page.body.contains("<script>"), "no script without a nonce");
    // A new nonce on every response.
    let again = app.get("/login", None).await;
    assert_ne!(
        again
            .headers
            .get("content-security-policy")
            .unwrap()
            .to_str()
            .unwrap(),
        csp
    );
}

async fn bad_and_oversized_requests_get_clear_answers(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let big = "a".repeat(server::BODY_LIMIT + 1);
    let reply = app
        .post("/login", &[("email", &big), ("password", "x")], None)
        .await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(reply.body.contains("trop long"));
    // Server functions read their bodies themselves: limited all the same.
    let worker = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    let reply = app
        .post(
            "/api/participants/list",
            &[("padding", &big)],
            Some(&worker),
        )
        .await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(reply.body.contains("trop long"));

    let garbage = Request::post("/login/card")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header("sec-fetch-site", "same-origin")
        .body(Body::from("%%%&&&=="))
        .unwrap();
    assert_eq!(app.send(garbage).await.status, StatusCode::BAD_REQUEST);
    let wrong_type = Request::post("/login")
        .header(header::CONTENT_TYPE, "application/json")
        .header("sec-fetch-site", "same-origin")
        .body(Body::from("{}"))
        .unwrap();
    let reply = app.send(wrong_type).await;
    assert!(reply.status.is_client_error(), "{}", reply.status);

    let missing = app.get("/nowhere", None).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(missing.body.contains("Cette page n"));
    let bad_lang = app
        .post("/lang", &[("lang", "xx"), ("back", "/login")], None)
        .await;
    assert_eq!(bad_lang.status, StatusCode::BAD_REQUEST);
}

async fn language_follows_choice_then_browser(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    // The login page opened from a card's QR code sends its code back with the choice.
    let scanned = app.get("/login?code=AMN4KP", None).await;
    assert!(
        scanned
            .body
            .contains(r#"name="back" value="/login?code=AMN4KP""#),
        "{}",
        scanned.body
    );
    let reply = app
        .post(
            "/lang",
            &[("lang", "nl"), ("back", "/login?code=AMN4KP")],
            None,
        )
        .await;
    assert_eq!(reply.location(), "/login?code=AMN4KP");
    let cookie = reply.headers.get("set-cookie").unwrap().to_str().unwrap();
    assert!(cookie.starts_with("trame_lang=nl;"));
    // Never to another site.
    let reply = app
        .post("/lang", &[("lang", "en"), ("back", "//evil.example")], None)
        .await;
    assert_eq!(reply.location(), "/");

    let get = |cookie: Option<&str>, accept: Option<&str>| {
        let mut request = Request::get("/login");
        if let Some(c) = cookie {
            request = request.header(header::COOKIE, c);
        }
        if let Some(a) = accept {
            request = request.header(header::ACCEPT_LANGUAGE, a);
        }
        request.body(Body::empty()).unwrap()
    };
    let dutch = app.send(get(Some("trame_lang=nl"), Some("en"))).await;
    assert!(dutch.body.contains("<html lang=\"nl\""));
    assert!(dutch.body.contains("Ik heb een kaart"));
    let english = app.send(get(None, Some("de, en;q=0.8"))).await;
    assert!(english.body.contains("<html lang=\"en\""));
    assert!(english.body.contains("I have a card"));
    // What the centre wrote (in French) is marked French on a Dutch page, not on a French one.
    let amina = app.login_card("AMN4KP", "1234").await;
    let page_in = |lang: &'static str, path: &'static str| {
        let app = &app;
        let cookie = format!("trame_session={amina}; trame_lang={lang}");
        async move {
            let request = Request::get(path)
                .header(header::COOKIE, cookie)
                .body(Body::empty())
                .unwrap();
            app.send(request).await.body
        }
    };
    let ideas = |lang: &'static str| page_in(lang, "/themes");
    assert!(
        ideas("nl")
            .await
            .contains("<span lang=\"fr\">Potager partagé</span>")
    );
    assert!(!ideas("fr").await.contains("lang=\"fr\">Potager"));
    assert!(
        page_in("en", "/workshops")
            .await
            .contains("lang=\"fr\">Couture du lundi")
    );
    // Chosen while logged in, the language follows the person to the next login, even on a
    // device that shows another language.
    let amina = app.login_card("AMN4KP", "1234").await;
    app.post("/lang", &[("lang", "en"), ("back", "/")], Some(&amina))
        .await;
    let login = app
        .post("/login/card", &[("code", "AMN4KP"), ("pin", "1234")], None)
        .await;
    let cookies: Vec<_> = login
        .headers
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .collect();
    assert!(
        cookies.iter().any(|c| c.starts_with("trame_lang=en;")),
        "{cookies:?}"
    );
    let other = app
        .post("/login/card", &[("code", "JPR7XZ"), ("pin", "1234")], None)
        .await;
    assert!(
        other
            .headers
            .get_all("set-cookie")
            .iter()
            .all(|c| !c.to_str().unwrap().starts_with("trame_lang"))
    );

    let french = app.send(get(None, None)).await;
    assert!(french.body.contains("<html lang=\"fr\""));
    assert!(french.body.contains("J&#x27;ai une carte") || french.body.contains("J'ai une carte"));
}

async fn health_checks_the_database(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let reply = app.get("/health", None).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.body, "ok");
    app.db().close().await;
    let reply = app.get("/health", None).await;
    assert_eq!(reply.status, StatusCode::SERVICE_UNAVAILABLE);
}

async fn built_assets_are_cached_long_and_compressed(backend: Backend) {
    let site = std::env::temp_dir().join(format!("trame_site_{}_{backend:?}", std::process::id()));
    std::fs::create_dir_all(site.join("pkg")).unwrap();
    let script = "export function hydrate() {}\n".repeat(100);
    std::fs::write(site.join("pkg/trame.js"), &script).unwrap();
    std::fs::write(
        site.join("pkg/trame.css"),
        "body { margin: 0 }\n".repeat(100),
    )
    .unwrap();
    let site_root = site.display().to_string();
    let app = TestApp::spawn_with(backend, |config| config.site_root = site_root).await;

    let request = Request::get("/pkg/trame.js")
        .header(header::ACCEPT_ENCODING, "gzip")
        .body(Body::empty())
        .unwrap();
    let reply = app.send(request).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(
        reply.headers.get(header::CACHE_CONTROL).unwrap(),
        "public, max-age=31536000, immutable"
    );
    assert_eq!(reply.headers.get(header::CONTENT_ENCODING).unwrap(), "gzip");
    assert!(reply.body.len() < script.len() / 4, "compressed");

    let style = app.get("/style.css", None).await;
    assert_eq!(style.status, StatusCode::OK);
    assert_eq!(
        style.headers.get(header::CACHE_CONTROL).unwrap(),
        "public, max-age=3600"
    );
    assert!(style.body.starts_with("body { margin: 0 }"));
    // Built assets are never sniffed into another type either.
    for reply in [&reply, &style] {
        assert_eq!(
            reply.headers.get("x-content-type-options").unwrap(),
            "nosniff"
        );
    }
    std::fs::remove_dir_all(&site).ok();
}

async fn https_sites_ask_browsers_to_stay_on_https(backend: Backend) {
    let plain = TestApp::spawn(backend).await;
    assert!(
        !plain
            .get("/login", None)
            .await
            .headers
            .contains_key("strict-transport-security")
    );
    let app = TestApp::spawn_with(backend, |config| {
        config.public_url = Some("https://trame.cpas.example".into())
    })
    .await;
    for path in ["/login", "/health", "/style.css", "/nowhere"] {
        let reply = app.get(path, None).await;
        assert_eq!(
            reply.headers.get("strict-transport-security").unwrap(),
            "max-age=31536000",
            "{path}"
        );
    }
}

async fn redirects_go_only_to_plain_local_paths(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    for next in [
        "/\t/evil.example",
        "/\n/evil.example",
        "//evil.example",
        "/\\evil.example",
        "https://evil.example",
    ] {
        let reply = app
            .post(
                "/login",
                &[
                    ("email", "sophie@trame.demo"),
                    ("password", "demo-worker-pass"),
                    ("next", next),
                ],
                None,
            )
            .await;
        assert_eq!(reply.location(), "/", "{next:?}");
        let reply = app
            .post("/lang", &[("lang", "en"), ("back", next)], None)
            .await;
        assert_eq!(reply.location(), "/", "{next:?}");
    }
}
