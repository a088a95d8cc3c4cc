//! The reads behind a person's data: one statement per section, whatever their history's
//! length. They join other domains' tables and write none.

mod activity;
mod record;

pub use activity::*;
pub use record::*;
