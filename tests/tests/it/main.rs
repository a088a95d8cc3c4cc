//! All integration tests, in one binary: HTTP tests against the real router and database
//! tests, each on SQLite and on PostgreSQL.

mod accounts;
mod architecture;
mod attestations;
mod auth;
mod backups;
mod confirmations;
mod consents;
mod database;
mod erasure;
mod home;
mod outcomes;
mod paging;
mod people;
mod privacy;
mod probes;
mod projects;
mod report;
mod retention;
mod security;
mod themes;
mod votes;
mod workshops;
