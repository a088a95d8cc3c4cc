//! The reads behind a person's data, one statement per section whatever their history's
//! length (they join other domains' tables), and the erasure requests, the one table
//! privacy writes.

mod activity;
mod consents;
mod erasures;
mod record;
mod retention;

pub use activity::*;
pub use consents::*;
pub use erasures::*;
pub use record::*;
pub use retention::*;
