//! `bench-fill --database-url URL [--scale 1] [--seed 7]`: fills a new database with a large
//! centre's history (see `trame_tests::fill`), for the page benchmark. The database is
//! migrated and given the demo data first (so the demo logins work); it must be empty.
//! Prints, as `key=value` lines, what the benchmark opens: the busiest workshop and
//! project, and a calendar feed's token.

use std::time::Instant;

use app::db::Db;

fn arg(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let Some(url) = arg(&args, "--database-url") else {
        eprintln!("usage: bench-fill --database-url URL [--scale 1] [--seed 7]");
        std::process::exit(2);
    };
    let scale: f64 = arg(&args, "--scale").map_or(Ok(1.0), |s| s.parse())?;
    let seed: u64 = arg(&args, "--seed").map_or(Ok(7), |s| s.parse())?;
    let began = Instant::now();
    let db = Db::connect(&url).await?;
    db.migrate().await?;
    if !app::demo::seed_if_empty(&db, chrono_tz::Europe::Brussels).await? {
        return Err("the database is not empty: fill a new one".into());
    }
    let landmarks = trame_tests::fill::fill(&db, scale, seed).await?;
    let counts = [
        "users",
        "workshops",
        "workshop_sessions",
        "registrations",
        "attendance",
        "themes",
        "vote_rounds",
        "contributions",
        "audit_log",
    ];
    for table in counts {
        let n: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
            .fetch_one(db.read())
            .await?;
        eprintln!("{table}: {n}");
    }
    eprintln!("filled in {:.1} s", began.elapsed().as_secs_f64());
    println!("workshop={}", landmarks.workshop);
    println!("project={}", landmarks.project);
    println!("calendar={}", landmarks.calendar);
    db.close().await;
    Ok(())
}
