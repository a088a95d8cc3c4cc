//! Roles and people: who may see and change what, access cards, accounts, the audit log.

use http::StatusCode;
use trame_tests::{Backend, TestApp};

mod cards;
mod records;
mod roles;
