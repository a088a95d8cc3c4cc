//! Writing many rows fast, the same way on both backends, and a small seeded random source.

use sqlx::AnyConnection;

/// One value of a row.
#[derive(Clone, Debug)]
pub enum Value {
    Int(i64),
    Text(String),
    NoInt,
    NoText,
}

impl From<i64> for Value {
    fn from(n: i64) -> Self {
        Value::Int(n)
    }
}

impl From<&str> for Value {
    fn from(text: &str) -> Self {
        Value::Text(text.to_string())
    }
}

impl From<String> for Value {
    fn from(text: String) -> Self {
        Value::Text(text)
    }
}

impl From<Option<i64>> for Value {
    fn from(n: Option<i64>) -> Self {
        n.map_or(Value::NoInt, Value::Int)
    }
}

impl From<Option<String>> for Value {
    fn from(text: Option<String>) -> Self {
        text.map_or(Value::NoText, Value::Text)
    }
}

/// A row, from values of mixed types: `row![id, "text", Some(3)]`.
macro_rules! row {
    ($($value:expr),* $(,)?) => { vec![$($crate::fill::rows::Value::from($value)),*] };
}

/// Inserts `rows` into `table` in batches of multi-row `INSERT`s (numbered `$n`
/// parameters, which both backends read).
pub async fn insert(
    conn: &mut AnyConnection,
    table: &str,
    columns: &[&str],
    rows: Vec<Vec<Value>>,
) -> Result<(), sqlx::Error> {
    // Well under the limits of parameters a statement (a few thousand reads fastest).
    let per_batch = (2_000 / columns.len()).max(1);
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let batch: Vec<Vec<Value>> = rows.by_ref().take(per_batch).collect();
        let tuples: Vec<String> = (0..batch.len())
            .map(|r| {
                let numbers: Vec<String> = (1..=columns.len())
                    .map(|c| format!("${}", r * columns.len() + c))
                    .collect();
                format!("({})", numbers.join(", "))
            })
            .collect();
        let sql = format!(
            "INSERT INTO {table} ({}) VALUES {}",
            columns.join(", "),
            tuples.join(", ")
        );
        let mut query = sqlx::query(&sql);
        for value in batch.into_iter().flatten() {
            query = match value {
                Value::Int(n) => query.bind(n),
                Value::Text(text) => query.bind(text),
                Value::NoInt => query.bind(None::<i64>),
                Value::NoText => query.bind(None::<String>),
            };
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

/// The ids of `table` above `after`, in order: the rows just inserted.
pub async fn ids_after(
    conn: &mut AnyConnection,
    table: &str,
    after: i64,
) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar(&format!("SELECT id FROM {table} WHERE id > $1 ORDER BY id"))
        .bind(after)
        .fetch_all(&mut *conn)
        .await
}

/// The largest id of `table` so far.
pub async fn last_id(conn: &mut AnyConnection, table: &str) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(&format!("SELECT COALESCE(MAX(id), 0) FROM {table}"))
        .fetch_one(&mut *conn)
        .await
}

/// SplitMix64: a small, seeded random source, so that a scale gives the same centre twice.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A number in `low..=high`.
    pub fn between(&mut self, low: i64, high: i64) -> i64 {
        assert!(low <= high, "an empty range: {low}..={high}");
        low + (self.next() % (high - low + 1) as u64) as i64
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// `count` distinct items of `items` (all of them if fewer).
    pub fn sample<T: Copy>(&mut self, items: &[T], count: usize) -> Vec<T> {
        let mut pool = items.to_vec();
        let count = count.min(pool.len());
        for i in 0..count {
            let j = i + self.below(pool.len() - i);
            pool.swap(i, j);
        }
        pool.truncate(count);
        pool
    }

    /// A random key of 32 hex digits (ballots: nothing links it to a voter).
    pub fn key(&mut self) -> String {
        format!("{:016x}{:016x}", self.next(), self.next())
    }
}
