//! A report from the period's aggregates: each figure beside the previous period's, in the
//! reader's language; then, for a shareable report, the small-count rule on each period.

use std::collections::BTreeMap;

use super::{
    Figure, Measure, Section, Shown,
    db::{Scope, figures},
    raw::{Breadth, Raw, gather},
    small::{Tie, protect},
};
use crate::{db::Db, error::AppError, i18n::Locale};

/// Sections filled figure by figure, with the ties between counts the rule needs.
struct Builder {
    locale: Locale,
    sections: Vec<Section>,
    ties: Vec<Tie>,
    rates: Vec<(String, String, String)>,
}

impl Builder {
    fn section(&mut self, id: &str) {
        self.sections.push(Section {
            id: id.to_string(),
            title: self.locale.t(&format!("report.section.{id}")),
            figures: Vec::new(),
        });
    }

    fn add(
        &mut self,
        id: String,
        label: String,
        measure: Measure,
        values: (f64, f64),
        whole: Option<&str>,
    ) {
        if let Some(whole) = whole {
            self.ties.push(Tie::Within(whole.to_string(), id.clone()));
        }
        if let Some(section) = self.sections.last_mut() {
            section.figures.push(Figure {
                id,
                label,
                measure,
                now: Shown::Number(values.0),
                before: Shown::Number(values.1),
                whole: whole.map(str::to_string),
            });
        }
    }

    /// A count whose label is `report.<id>`.
    fn count(&mut self, id: &str, values: (i64, i64), whole: Option<&str>) {
        let label = self.locale.t(&format!("report.{id}"));
        self.add(
            id.to_string(),
            label,
            Measure::Count,
            (values.0 as f64, values.1 as f64),
            whole,
        );
    }

    fn hours(&mut self, id: &str, values: (f64, f64)) {
        let label = self.locale.t(&format!("report.{id}"));
        self.add(id.to_string(), label, Measure::Hours, values, None);
    }

    /// `top` of `bottom`, as a percentage (empty when `bottom` is none).
    fn rate(&mut self, id: &str, top: (&str, (i64, i64)), bottom: (&str, (i64, i64))) {
        let label = self.locale.t(&format!("report.{id}"));
        let percent = |t: i64, b: i64| {
            if b == 0 {
                f64::NAN
            } else {
                (t as f64 * 1000.0 / b as f64).round() / 10.0
            }
        };
        let values = (percent(top.1.0, bottom.1.0), percent(top.1.1, bottom.1.1));
        self.add(id.to_string(), label, Measure::Percent, values, None);
        self.rates
            .push((id.to_string(), top.0.to_string(), bottom.0.to_string()));
    }
}

/// The two periods' values of one field.
fn pair<T>(now: &Raw, before: &Raw, field: impl Fn(&Raw) -> T) -> (T, T) {
    (field(now), field(before))
}

/// Rows of both periods by key, in the order they come (now first), with each period's value.
fn merged<R, K: Ord + Clone>(
    now: &[R],
    before: &[R],
    key: impl Fn(&R) -> K,
    value: impl Fn(&R) -> i64,
) -> Vec<(R, i64, i64)>
where
    R: Clone,
{
    let mut order: Vec<K> = Vec::new();
    let mut rows: BTreeMap<K, (R, i64, i64)> = BTreeMap::new();
    for (i, list) in [now, before].into_iter().enumerate() {
        for row in list {
            let k = key(row);
            let entry = rows.entry(k.clone()).or_insert_with(|| {
                order.push(k);
                (row.clone(), 0, 0)
            });
            if i == 0 {
                entry.1 = value(row);
            } else {
                entry.2 = value(row);
            }
        }
    }
    order.into_iter().filter_map(|k| rows.remove(&k)).collect()
}

fn people(b: &mut Builder, now: &Raw, before: &Raw, breadth: Breadth) {
    b.section("people");
    let p = |f: fn(&figures::PeopleRow) -> i64| pair(now, before, |r| f(&r.people));
    b.count("people.active", p(|r| r.active), None);
    b.count("people.new", p(|r| r.new), Some("people.active"));
    if breadth != Breadth::Project {
        b.count("people.attended", p(|r| r.attended), Some("people.active"));
    }
    if breadth != Breadth::Workshop || now.people.contributed + before.people.contributed > 0 {
        b.count(
            "people.contributed",
            p(|r| r.contributed),
            Some("people.active"),
        );
    }
    if breadth == Breadth::Centre {
        b.count("people.voted", p(|r| r.voted), Some("people.active"));
    }
}

fn workshops(b: &mut Builder, now: &Raw, before: &Raw) {
    b.section("workshops");
    b.count(
        "workshops.held",
        pair(now, before, |r| r.sessions.held),
        None,
    );
    b.count(
        "workshops.cancelled",
        pair(now, before, |r| r.sessions.cancelled),
        None,
    );
    let hours = |r: &Raw| r.sessions.seconds as f64 / 3600.0;
    b.hours("workshops.hours", pair(now, before, hours));
    let marked = pair(now, before, |r| r.marks.marked);
    let present = pair(now, before, |r| r.marks.present);
    b.count("workshops.marked", marked, None);
    b.count("workshops.present", present, Some("workshops.marked"));
    b.rate(
        "workshops.rate",
        ("workshops.present", present),
        ("workshops.marked", marked),
    );
    b.count(
        "workshops.taken",
        pair(now, before, |r| r.places.taken),
        None,
    );
    b.count(
        "workshops.waiting",
        pair(now, before, |r| r.places.waiting),
        None,
    );
    let total = pair(now, before, |r| r.faces.iter().sum::<i64>());
    b.count("workshops.feedback", total, None);
    let faces = [
        "workshops.face_happy",
        "workshops.face_neutral",
        "workshops.face_sad",
    ];
    for (id, face) in faces.iter().zip([2, 1, 0]) {
        b.count(id, pair(now, before, |r| r.faces[face]), None);
    }
    let parts = faces.iter().map(|f| f.to_string()).collect();
    b.ties
        .push(Tie::Total("workshops.feedback".to_string(), parts));
}

fn coconstruction(b: &mut Builder, now: &Raw, before: &Raw) {
    b.section("coconstruction");
    b.count(
        "ideas.proposed",
        pair(now, before, |r| r.ideas.proposed),
        None,
    );
    b.count(
        "ideas.published",
        pair(now, before, |r| r.ideas.published),
        Some("ideas.proposed"),
    );
    b.count(
        "ideas.chosen",
        pair(now, before, |r| r.ideas.chosen),
        Some("ideas.proposed"),
    );
    b.count("votes.held", pair(now, before, |r| r.votes.held), None);
    b.count(
        "votes.ballots",
        pair(now, before, |r| r.votes.ballots),
        None,
    );
    let voted = pair(now, before, |r| r.people.voted);
    let active = pair(now, before, |r| r.people.active);
    b.rate(
        "votes.turnout",
        ("people.voted", voted),
        ("people.active", active),
    );
}

fn projects(b: &mut Builder, now: &Raw, before: &Raw) {
    b.section("projects");
    for (goal, n, m) in merged(&now.goals, &before.goals, |g| g.id, |g| g.quantity) {
        let label = format!("{} — {}", goal.project, goal.label);
        b.add(
            format!("goal.{}", goal.id),
            label,
            Measure::Quantity(goal.unit),
            (n as f64, m as f64),
            None,
        );
    }
    let minutes = |r: &Raw| r.work.minutes as f64 / 60.0;
    b.hours("projects.hours", pair(now, before, minutes));
    b.count(
        "projects.contributions",
        pair(now, before, |r| r.work.contributions),
        None,
    );
    b.count(
        "projects.contributors",
        pair(now, before, |r| r.work.contributors),
        None,
    );
    b.count(
        "skills.people",
        pair(now, before, |r| r.skills.people),
        Some("projects.contributors"),
    );
    b.count(
        "skills.recognised",
        pair(now, before, |r| r.skills.skills),
        None,
    );
}

fn outcomes(b: &mut Builder, now: &Raw, before: &Raw) {
    b.section("outcomes");
    let total = |r: &Raw| r.outcomes.iter().map(|o| o.records).sum::<i64>();
    b.count("outcomes.total", pair(now, before, total), None);
    let mut parts = Vec::new();
    for (outcome, n, m) in merged(&now.outcomes, &before.outcomes, |o| o.id, |o| o.records) {
        let id = format!("outcome.{}", outcome.id);
        let label = format!("{} {}", outcome.pictogram, outcome.name);
        b.add(
            id.clone(),
            label,
            Measure::Count,
            (n as f64, m as f64),
            None,
        );
        parts.push(id);
    }
    b.ties.push(Tie::Total("outcomes.total".to_string(), parts));
    b.section("cycles");
    let mut seen = Vec::new();
    for (cycle, n, m) in merged(
        &now.cycles,
        &before.cycles,
        |c| (c.workshop, c.outcome),
        |c| c.people,
    ) {
        let whole = format!("cycle.{}", cycle.workshop);
        if !seen.contains(&cycle.workshop) {
            seen.push(cycle.workshop);
            let label = b
                .locale
                .tv("report.cycle_attendees", &[("workshop", &cycle.title)]);
            let a = cycle.attendees as f64;
            b.add(whole.clone(), label, Measure::Count, (a, a), None);
        }
        let id = format!("cycle.{}.{}", cycle.workshop, cycle.outcome);
        let label = format!("{} — {}", cycle.title, cycle.name);
        // The same people are counted in the outcome's figure.
        b.ties.push(Tie::Within(
            format!("outcome.{}", cycle.outcome),
            id.clone(),
        ));
        b.add(
            id,
            label,
            Measure::Count,
            (n as f64, m as f64),
            Some(&whole),
        );
    }
}

/// The sections of a report for `now` and `before`, in `locale`; with `shareable`, small
/// counts are hidden.
pub async fn sections(
    db: &Db,
    scopes: (&Scope, &Scope),
    breadth: Breadth,
    locale: Locale,
    shareable: bool,
) -> Result<Vec<Section>, AppError> {
    // The two periods are read at once, each on its own connection.
    let (now, before) = futures::try_join!(
        gather(db, scopes.0, breadth, locale),
        gather(db, scopes.1, breadth, locale)
    )?;
    let mut b = Builder {
        locale,
        sections: Vec::new(),
        ties: Vec::new(),
        rates: Vec::new(),
    };
    if breadth != Breadth::Partner {
        people(&mut b, &now, &before, breadth);
    }
    if matches!(breadth, Breadth::Centre | Breadth::Workshop) {
        workshops(&mut b, &now, &before);
    }
    if breadth == Breadth::Centre {
        coconstruction(&mut b, &now, &before);
    }
    projects(&mut b, &now, &before);
    if matches!(breadth, Breadth::Centre | Breadth::Workshop) {
        outcomes(&mut b, &now, &before);
    }
    for section in &mut b.sections {
        for figure in &mut section.figures {
            for shown in [&mut figure.now, &mut figure.before] {
                if matches!(shown, Shown::Number(n) if n.is_nan()) {
                    *shown = Shown::Empty;
                }
            }
        }
    }
    if shareable {
        hide_small(&mut b);
    }
    Ok(b.sections)
}

/// The small-count rule on each period's figures.
fn hide_small(b: &mut Builder) {
    let all = || b.sections.iter().flat_map(|s| s.figures.iter());
    let counts: Vec<String> = all()
        .filter(|f| f.measure == Measure::Count)
        .map(|f| f.id.clone())
        .collect();
    let mut now: BTreeMap<String, Shown> = all().map(|f| (f.id.clone(), f.now)).collect();
    let mut before: BTreeMap<String, Shown> = all().map(|f| (f.id.clone(), f.before)).collect();
    protect(&mut now, &counts, &b.ties, &b.rates);
    protect(&mut before, &counts, &b.ties, &b.rates);
    for section in &mut b.sections {
        for figure in &mut section.figures {
            figure.now = now[&figure.id];
            figure.before = before[&figure.id];
        }
    }
}
