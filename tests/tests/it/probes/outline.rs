//! Every page's outline, as a screen reader lists it: one `h1`, heading levels that never
//! skip (an `h2` followed by an `h4`), and no table header cell left empty. Also: staff who
//! open a participant's own journey address are sent to the participant list.

use http::StatusCode;
use trame_tests::{Backend, TestApp, on_both_backends};

use super::{
    catalogue::{PAGES, Who},
    world::World,
};

on_both_backends!(
    every_page_has_one_title_and_an_outline_without_gaps,
    staff_opening_a_participants_journey_reach_the_list,
);

/// The levels of the page's headings, in order.
fn heading_levels(html: &str) -> Vec<u8> {
    html.match_indices("<h")
        .filter_map(|(at, _)| {
            let rest = &html.as_bytes()[at + 2..];
            match rest {
                [level @ b'1'..=b'6', b'>' | b' ', ..] => Some(level - b'0'),
                _ => None,
            }
        })
        .collect()
}

/// The text of each table header cell, tags removed.
fn header_cells(html: &str) -> Vec<String> {
    html.match_indices("<th")
        .filter(|(at, _)| matches!(html.as_bytes().get(at + 3), Some(b'>' | b' ')))
        .map(|(at, _)| {
            let open_end = at + html[at..].find('>').expect("a closed tag") + 1;
            let close = open_end + html[open_end..].find("</th>").expect("a closed cell");
            let mut text = String::new();
            let mut in_tag = false;
            for c in html[open_end..close].chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => text.push(c),
                    _ => {}
                }
            }
            text.trim().to_string()
        })
        .collect()
}

#[test]
fn outlines_are_read_from_the_markup() {
    let html = r#"<h1 class="a">T</h1><h2>x</h2><header><hr><h3>y</h3><table><th scope="col"><span>Nom</span></th><th></th></table>"#;
    assert_eq!(heading_levels(html), vec![1, 2, 3]);
    assert_eq!(header_cells(html), vec!["Nom".to_string(), String::new()]);
}

async fn every_page_has_one_title_and_an_outline_without_gaps(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let world = World::prepare(&app).await;
    for (who, page) in PAGES {
        let path = world.fill(page);
        let reply = app.get(&path, world.session(*who)).await;
        assert_eq!(reply.status, StatusCode::OK, "{path} as {who:?}");
        let levels = heading_levels(&reply.body);
        assert_eq!(levels.first(), Some(&1), "{path} as {who:?}: {levels:?}");
        assert_eq!(
            levels.iter().filter(|level| **level == 1).count(),
            1,
            "one h1 on {path} as {who:?}: {levels:?}"
        );
        for pair in levels.windows(2) {
            assert!(
                pair[1] <= pair[0] + 1,
                "{path} as {who:?} skips a heading level: {levels:?}"
            );
        }
        for cell in header_cells(&reply.body) {
            assert!(
                !cell.is_empty(),
                "an empty header cell on {path} as {who:?}"
            );
        }
    }
}

async fn staff_opening_a_participants_journey_reach_the_list(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let world = World::prepare(&app).await;
    for path in ["/journey", "/journey/attestation"] {
        let reply = app.get(path, world.session(Who::Worker)).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{path}");
        assert_eq!(reply.location(), "/staff/participants");
        // A participant still reads their own.
        let own = app.get(path, world.session(Who::Participant)).await;
        assert_eq!(own.status, StatusCode::OK, "{path}");
    }
}
