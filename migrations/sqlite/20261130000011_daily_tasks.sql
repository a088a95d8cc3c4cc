-- The last day each daily task ran, so that with several server instances it runs once.
CREATE TABLE daily_tasks (
    task TEXT NOT NULL PRIMARY KEY,
    last_day TEXT NOT NULL
);
