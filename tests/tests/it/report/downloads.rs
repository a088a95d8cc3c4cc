//! The report's files: the spreadsheet read back as a spreadsheet application reads it
//! (numbers are numbers, days are dates), the CSV file (byte-order mark, no formula), and the
//! per-participant list (staff only, audited, never in the shareable version).

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use trame_tests::{Backend, TestApp, on_both_backends};

use super::known;

on_both_backends!(
    the_spreadsheet_holds_numbers_and_dates,
    the_csv_file_opens_right_and_holds_no_formula,
    the_list_by_participant_is_for_staff_and_audited,
);

async fn the_spreadsheet_holds_numbers_and_dates(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let known = known(&app).await;
    let file = app
        .get("/staff/report.xlsx?period=2019-03", Some(&known.worker))
        .await;
    assert_eq!(file.status, 200);
    assert!(
        file.headers["content-disposition"]
            .to_str()
            .unwrap()
            .contains("trame-impact-2019-03-01-2019-03-31.xlsx")
    );
    let mut book = Xlsx::new(Cursor::new(file.bytes)).expect("a spreadsheet");
    let names = book.sheet_names();
    assert_eq!(
        names,
        [
            "Rapport d'impact",
            "Personnes",
            "Ateliers",
            "Co-construction",
            "Projets solidaires",
            "Résultats",
            "Après un cycle"
        ]
    );
    let front = book.worksheet_range("Rapport d'impact").unwrap();
    // 1 March 2019 is day 43525 of Excel's calendar, read as a date.
    assert!(
        matches!(front.get((3, 1)), Some(Data::DateTime(d)) if d.as_f64() == 43525.0),
        "{:?}",
        front.get((3, 1))
    );
    let people = book.worksheet_range("Personnes").unwrap();
    let row = |label: &str| {
        people
            .rows()
            .find(|row| row[0].to_string().starts_with(label))
            .unwrap_or_else(|| panic!("{label}"))
            .to_vec()
    };
    let active = row("Participants actifs");
    assert_eq!(active[2], Data::Float(7.0));
    assert_eq!(active[3], Data::Float(2.0));
    let workshops = book.worksheet_range("Ateliers").unwrap();
    let rate = workshops
        .rows()
        .find(|row| row[0] == Data::String("Taux de présence".into()))
        .unwrap()
        .to_vec();
    assert_eq!(rate[1], Data::String("%".into()));
    assert_eq!(rate[2], Data::Float(77.8));
    // Shareable: the hidden figures are words.
    let shared = app
        .get(
            "/staff/report.xlsx?period=2019-03&share=1",
            Some(&known.worker),
        )
        .await;
    let mut book = Xlsx::new(Cursor::new(shared.bytes)).unwrap();
    let people = book.worksheet_range("Personnes").unwrap();
    let new = people
        .rows()
        .find(|row| row[0].to_string().starts_with("dont nouveaux"))
        .unwrap()
        .to_vec();
    assert_eq!(new[2], Data::String("moins de 5".into()));
}

async fn the_csv_file_opens_right_and_holds_no_formula(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let known = known(&app).await;
    let file = app
        .get("/staff/report.csv?period=2019-03", Some(&known.worker))
        .await;
    assert_eq!(file.status, 200);
    assert!(
        file.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    assert!(file.bytes.starts_with(b"\xEF\xBB\xBF"), "a byte-order mark");
    let text = String::from_utf8(file.bytes).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.contains(&"\"Personnes\";\"Participants actifs (au moins une séance, une contribution ou un vote)\";\"\";7;2"));
    assert!(lines.contains(&"\"Projets solidaires\";\"Heures données\";\"heures\";1,5;0,3"));
    // The project's name starts with "=": it is text, never a formula.
    assert!(
        lines.contains(
            &"\"Projets solidaires\";\"'=Doudous 2019 — Doudous cousus\";\"pièces\";15;4"
        ),
        "{text}"
    );
    assert!(text.ends_with("\r\n"));
}

async fn the_list_by_participant_is_for_staff_and_audited(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let known = known(&app).await;
    let audited = "SELECT COUNT(*) FROM audit_log WHERE action = 'report.participants_download'";
    assert_eq!(app.number(audited).await, 0);
    let file = app
        .get(
            "/staff/report/participants.csv?period=2019-03",
            Some(&known.worker),
        )
        .await;
    assert_eq!(file.status, 200);
    assert_eq!(app.number(audited).await, 1);
    let text = String::from_utf8(file.bytes).unwrap();
    // Amina: two sessions, her contribution still pending, her pre-return visit.
    assert!(
        text.lines()
            .any(|l| l == "\"Amina\";2;0;0;\"Visite de pré-reprise\""),
        "{text}"
    );
    // Fatou: absent, but 10 pieces in an hour.
    assert!(text.lines().any(|l| l == "\"Fatou\";0;1;1;\"\""), "{text}");
    assert_eq!(
        text.lines().count(),
        1 + 7,
        "a header and the seven people: {text}"
    );
    let shared = app
        .get(
            "/staff/report/participants.csv?period=2019-03&share=1",
            Some(&known.worker),
        )
        .await;
    assert_eq!(shared.status, 400);
    assert_eq!(
        app.number(audited).await,
        1,
        "a refused download is not audited"
    );
}
