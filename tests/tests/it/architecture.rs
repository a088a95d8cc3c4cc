//! The shape ARCHITECTURE.md describes, checked on the source: layers import only downwards
//! (no module imports one that imports it back), only the router imports pages, no source
//! file is over 400 lines, and no SQL text is built at run time.

use std::{
    collections::{BTreeMap, BTreeSet},
    fs,
    path::{Path, PathBuf},
};

/// The longest a source file may be.
const LINES_MAX: usize = 400;

fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
    found.sort();
    found
}

fn app_src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../app/src")
}

/// A file's text without its unit tests.
fn code_of(path: &Path) -> String {
    let text = fs::read_to_string(path).unwrap();
    match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

fn is_page(name: &str) -> bool {
    name == "page" || name.ends_with("_page")
}

/// The layer a file belongs to: its top module, or `<top>::pages` for a page.
fn node_of(relative: &Path) -> Option<String> {
    let parts: Vec<String> = relative
        .with_extension("")
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    match parts.as_slice() {
        [top] if top == "lib" => None,
        [top] => Some(top.clone()),
        [top, .., file] if is_page(file) => Some(format!("{top}::pages")),
        [top, ..] => Some(top.clone()),
        [] => None,
    }
}

/// The first two segments of every path that `text` names after `crate::` (through `use`
/// groups too).
fn crate_paths(text: &str) -> Vec<(String, Option<String>)> {
    let mut paths = Vec::new();
    for (at, _) in text.match_indices("crate::") {
        let before = text[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        collect(&text[at + "crate::".len()..], &mut Vec::new(), &mut paths);
    }
    paths
}

/// Reads a path (or a `{…}` group of paths) at the start of `rest`, below `prefix`.
fn collect(rest: &str, prefix: &mut Vec<String>, out: &mut Vec<(String, Option<String>)>) -> usize {
    let bytes = rest.as_bytes();
    let mut i = 0;
    let depth = prefix.len();
    loop {
        if bytes.get(i) == Some(&b'{') {
            i += 1;
            loop {
                while bytes
                    .get(i)
                    .is_some_and(|b| b.is_ascii_whitespace() || *b == b',')
                {
                    i += 1;
                }
                if bytes.get(i).is_none_or(|b| *b == b'}') {
                    i += 1;
                    break;
                }
                i += collect(&rest[i..], prefix, out);
            }
            prefix.truncate(depth);
            return i;
        }
        let start = i;
        while bytes
            .get(i)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
        {
            i += 1;
        }
        if i > start {
            prefix.push(rest[start..i].to_string());
        }
        if rest[i..].starts_with("::") {
            i += 2;
            continue;
        }
        if let Some(top) = prefix.first() {
            out.push((top.clone(), prefix.get(1).cloned()));
        }
        prefix.truncate(depth);
        return i.max(1);
    }
}

/// Who imports whom, between layers, with one file that does it.
fn layer_graph() -> BTreeMap<String, BTreeMap<String, String>> {
    let root = app_src();
    let tops: BTreeSet<String> = sources(&root)
        .iter()
        .filter_map(|p| node_of(p.strip_prefix(&root).unwrap()))
        .map(|n| n.split("::").next().unwrap().to_string())
        .collect();
    // The page files, as `(top, file)`.
    let pages: BTreeSet<(String, String)> = sources(&root)
        .iter()
        .filter_map(|p| {
            let relative = p.strip_prefix(&root).unwrap().with_extension("");
            let parts: Vec<String> = relative
                .iter()
                .map(|c| c.to_string_lossy().into_owned())
                .collect();
            match parts.as_slice() {
                [top, file] if is_page(file) => Some((top.clone(), file.clone())),
                _ => None,
            }
        })
        .collect();
    let mut graph: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for path in sources(&root) {
        let relative = path.strip_prefix(&root).unwrap().to_path_buf();
        let Some(from) = node_of(&relative) else {
            continue;
        };
        let own_top = from.split("::").next().unwrap().to_string();
        let code = code_of(&path);
        let mut targets = crate_paths(&code);
        // `super::x` in a domain's file names a sibling of that domain.
        if relative.components().count() > 1 {
            for (at, _) in code.match_indices("super::") {
                let mut found = Vec::new();
                collect(&code[at + "super::".len()..], &mut Vec::new(), &mut found);
                targets.extend(
                    found
                        .into_iter()
                        .map(|(first, _)| (own_top.clone(), Some(first))),
                );
            }
        }
        for (top, second) in targets {
            if !tops.contains(&top) {
                continue;
            }
            let to = match second {
                Some(second) if pages.contains(&(top.clone(), second.clone())) => {
                    format!("{top}::pages")
                }
                _ => top,
            };
            if to != from {
                graph
                    .entry(from.clone())
                    .or_default()
                    .entry(to)
                    .or_insert_with(|| relative.display().to_string());
            }
        }
    }
    graph
}

#[test]
fn layers_import_only_downwards() {
    let graph = layer_graph();
    // Depth-first search for a way back to where it started.
    fn way_back(
        graph: &BTreeMap<String, BTreeMap<String, String>>,
        node: &str,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            return Some(path[at..].to_vec());
        }
        if !done.insert(node.to_string()) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flat_map(|to| to.keys()) {
            if let Some(cycle) = way_back(graph, next, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        let mut path = Vec::new();
        if let Some(cycle) = way_back(&graph, node, &mut path, &mut done) {
            let steps: Vec<String> = cycle
                .iter()
                .zip(cycle.iter().cycle().skip(1))
                .map(|(a, b)| format!("{a} -> {b} ({})", graph[a][b]))
                .collect();
            panic!("modules import each other back: {}", steps.join(", "));
        }
    }
}

#[test]
fn files_of_a_domain_import_each_other_one_way() {
    let root = app_src();
    let mut graph: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for path in sources(&root) {
        let relative = path.strip_prefix(&root).unwrap();
        let parts: Vec<String> = relative
            .with_extension("")
            .iter()
            .map(|c| c.to_string_lossy().into_owned())
            .collect();
        let [domain, file] = parts.as_slice() else {
            continue;
        };
        if file == "mod" {
            continue;
        }
        let code = code_of(&path);
        let mut siblings = Vec::new();
        for (at, _) in code.match_indices("super::") {
            let mut found = Vec::new();
            collect(&code[at + "super::".len()..], &mut Vec::new(), &mut found);
            siblings.extend(found.into_iter().map(|(first, _)| first));
        }
        siblings.extend(
            crate_paths(&code)
                .into_iter()
                .filter(|(top, _)| top == domain)
                .filter_map(|(_, second)| second),
        );
        for sibling in siblings {
            if sibling != *file && root.join(domain).join(format!("{sibling}.rs")).exists() {
                graph
                    .entry(format!("{domain}::{file}"))
                    .or_default()
                    .insert(
                        format!("{domain}::{sibling}"),
                        relative.display().to_string(),
                    );
            }
        }
    }
    for (from, targets) in &graph {
        for to in targets.keys() {
            assert!(
                !graph.get(to).is_some_and(|back| back.contains_key(from)),
                "{from} and {to} import each other"
            );
        }
    }
    assert!(graph["workshops::staff_page"].contains_key("workshops::planning_form"));
}

#[test]
fn only_the_router_imports_pages() {
    for (from, targets) in layer_graph() {
        for (to, file) in targets {
            assert!(
                !to.ends_with("::pages") || from == "shell",
                "{file} ({from}) imports the pages of {to}"
            );
        }
    }
}

#[test]
fn no_source_file_is_long() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    for dir in ["app/src", "server/src"] {
        for path in sources(&root.join(dir)) {
            let lines = fs::read_to_string(&path).unwrap().lines().count();
            assert!(
                lines <= LINES_MAX,
                "{} has {lines} lines (at most {LINES_MAX})",
                path.display()
            );
        }
    }
}

#[test]
fn no_sql_is_built_at_run_time() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    for dir in ["app/src", "server/src"] {
        for path in sources(&root.join(dir)) {
            let code = code_of(&path);
            for call in ["query(", "query_as(", "query_scalar(", "query_as::<"] {
                for (at, _) in code.match_indices(call) {
                    let argument = code[at + call.len()..].trim_start();
                    let argument = argument
                        .strip_prefix("_, ")
                        .map(|rest| rest.split_once(">(").map_or(rest, |(_, a)| a))
                        .unwrap_or(argument)
                        .trim_start();
                    assert!(
                        !argument.starts_with('&') && !argument.starts_with("format!"),
                        "{}: SQL built at run time near `{}`",
                        path.display(),
                        &code[at..(at + 60).min(code.len())]
                    );
                }
            }
        }
    }
}

/// Statements are written in `db` modules only (a `db.rs` or a `db/` folder of a domain, and
/// the leaf `db/`); the demo seeds every table and is the one exception.
#[test]
fn sql_lives_in_db_modules() {
    let root = app_src();
    for path in sources(&root) {
        let relative = path.strip_prefix(&root).unwrap();
        let in_db = relative.iter().any(|part| part == "db" || part == "db.rs");
        if in_db || relative.starts_with("demo") {
            continue;
        }
        let code = code_of(&path);
        assert!(
            !code.contains("sqlx::query"),
            "{}: SQL outside a db module: name the query in the domain's db",
            relative.display()
        );
    }
}

/// Which domain writes each table: no other module does (the demo seeds every table).
const OWNERS: &[(&str, &[&str])] = &[
    ("audit", &["audit_log"]),
    ("auth", &["sessions", "login_throttle"]),
    ("db", &["daily_tasks"]),
    ("draft", &["form_drafts"]),
    (
        "privacy",
        &[
            "erasure_requests",
            "retention_settings",
            "retention_reviews",
            "consents",
        ],
    ),
    ("people", &["users", "centre", "password_resets"]),
    ("outcomes", &["outcomes", "participant_outcomes"]),
    ("themes", &["themes", "theme_supporters"]),
    (
        "votes",
        &[
            "vote_rounds",
            "round_themes",
            "round_voters",
            "ballot_marks",
        ],
    ),
    (
        "workshops",
        &[
            "workshops",
            "workshop_sessions",
            "workshop_facilitators",
            "registrations",
            "attendance",
            "session_absences",
            "session_feedback",
            "feedback_givers",
            "rooms",
            "closure_days",
            "calendar_links",
        ],
    ),
    (
        "projects",
        &[
            "projects",
            "project_partners",
            "project_skills",
            "project_goals",
            "goal_months",
            "project_contributors",
            "project_thanks",
            "milestones",
            "contributions",
            "contribution_skills",
            "skills",
            "user_skills",
            "attestations",
        ],
    ),
];

/// The tables `code` inserts into, updates or deletes from.
fn written_tables(code: &str) -> Vec<String> {
    let mut tables = Vec::new();
    for verb in ["INSERT INTO ", "UPDATE ", "DELETE FROM "] {
        for (at, _) in code.match_indices(verb) {
            let table: String = code[at + verb.len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            // `DO UPDATE SET` in an upsert names no table; comments are not SQL.
            let line_start = code[..at].rfind('\n').map_or(0, |n| n + 1);
            if !table.is_empty() && table != "SET" && !code[line_start..at].trim().starts_with("//")
            {
                tables.push(table);
            }
        }
    }
    tables
}

#[test]
fn each_table_is_written_by_its_owner_only() {
    let root = app_src();
    let owner_of = |table: &str| {
        OWNERS
            .iter()
            .find(|(_, tables)| tables.contains(&table))
            .map(|(owner, _)| *owner)
    };
    for path in sources(&root) {
        let relative = path.strip_prefix(&root).unwrap();
        let top = relative
            .iter()
            .next()
            .unwrap()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_string();
        if top == "demo" {
            continue;
        }
        for table in written_tables(&code_of(&path)) {
            let owner = owner_of(&table)
                .unwrap_or_else(|| panic!("{}: table {table} has no owner", relative.display()));
            assert_eq!(
                owner,
                top,
                "{} writes {table}, which {owner} owns",
                relative.display()
            );
        }
    }
}

#[test]
fn no_two_types_share_a_name() {
    let root = app_src();
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for path in sources(&root) {
        let relative = path.strip_prefix(&root).unwrap().display().to_string();
        for line in code_of(&path).lines() {
            let line = line
                .trim_start_matches("pub ")
                .trim_start_matches("pub(crate) ")
                .trim_start_matches("pub(super) ");
            let Some(rest) = ["struct ", "enum ", "trait ", "type "]
                .iter()
                .find_map(|kind| line.strip_prefix(kind))
            else {
                continue;
            };
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if let Some(first) = seen.insert(name.clone(), relative.clone()) {
                panic!("{name} is a type in {first} and in {relative}");
            }
        }
    }
    assert!(seen.contains_key("Refusal") && seen.contains_key("Reader"));
}

#[test]
fn the_checks_see_what_they_check() {
    // The reader of paths finds grouped imports and pages.
    let paths = crate_paths("use crate::{a::b, c::{d_page::X, e}};\nlet x = crate::f::g();");
    assert!(paths.contains(&("a".into(), Some("b".into()))));
    assert!(paths.contains(&("c".into(), Some("d_page".into()))));
    assert!(paths.contains(&("c".into(), Some("e".into()))));
    assert!(paths.contains(&("f".into(), Some("g".into()))));
    assert_eq!(
        node_of(Path::new("workshops/staff_page.rs")).as_deref(),
        Some("workshops::pages")
    );
    assert_eq!(node_of(Path::new("ui/layout.rs")).as_deref(), Some("ui"));
    assert_eq!(
        written_tables(
            "query(\"INSERT INTO a (x) VALUES ($1) ON CONFLICT DO UPDATE SET x = 1\")\n\
             /// One UPDATE to the record\n\"DELETE FROM b WHERE\""
        ),
        ["a", "b"]
    );
    let graph = layer_graph();
    assert!(graph["shell"].contains_key("workshops::pages"));
    assert!(graph["workshops"].contains_key("access"));
}
