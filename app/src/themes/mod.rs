//! Workshop themes: participants propose them (a short title, a few words, a pictogram),
//! social workers publish or decline them with a kind reason. Published themes are what the
//! group will vote on.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

pub mod moderation_page;
pub mod page;

#[cfg(feature = "ssr")]
pub mod handlers;

/// The pictograms a theme can carry: a picture for people who read little.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Pictogram {
    Sewing,
    Cooking,
    Gardening,
    Computers,
    Walk,
    Music,
    Crafts,
    Visits,
    Repairs,
    TalkingGroup,
    Sport,
    Other,
}

impl Pictogram {
    pub const ALL: [Pictogram; 12] = [
        Pictogram::Sewing,
        Pictogram::Cooking,
        Pictogram::Gardening,
        Pictogram::Computers,
        Pictogram::Walk,
        Pictogram::Music,
        Pictogram::Crafts,
        Pictogram::Visits,
        Pictogram::Repairs,
        Pictogram::TalkingGroup,
        Pictogram::Sport,
        Pictogram::Other,
    ];

    /// The value stored and posted.
    pub fn key(self) -> &'static str {
        match self {
            Pictogram::Sewing => "sewing",
            Pictogram::Cooking => "cooking",
            Pictogram::Gardening => "gardening",
            Pictogram::Computers => "computers",
            Pictogram::Walk => "walk",
            Pictogram::Music => "music",
            Pictogram::Crafts => "crafts",
            Pictogram::Visits => "visits",
            Pictogram::Repairs => "repairs",
            Pictogram::TalkingGroup => "talking_group",
            Pictogram::Sport => "sport",
            Pictogram::Other => "other",
        }
    }

    pub fn parse(key: &str) -> Option<Pictogram> {
        Pictogram::ALL.into_iter().find(|p| p.key() == key)
    }

    pub fn symbol(self) -> &'static str {
        match self {
            Pictogram::Sewing => "🧵",
            Pictogram::Cooking => "🍳",
            Pictogram::Gardening => "🌱",
            Pictogram::Computers => "💻",
            Pictogram::Walk => "🚶",
            Pictogram::Music => "🎵",
            Pictogram::Crafts => "✂️",
            Pictogram::Visits => "🤝",
            Pictogram::Repairs => "🔧",
            Pictogram::TalkingGroup => "💬",
            Pictogram::Sport => "⚽",
            Pictogram::Other => "✨",
        }
    }

    /// Translation key of its name.
    pub fn label_key(self) -> String {
        format!("picto.{}", self.key())
    }
}

/// Where a proposal stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    /// Waiting for a social worker; the author may still change or withdraw it.
    Proposed,
    Published,
    Declined,
    Withdrawn,
    /// Joined with another idea that says the same; its supporters and votes went there.
    Merged,
}

impl Status {
    pub fn key(self) -> &'static str {
        match self {
            Status::Proposed => "proposed",
            Status::Published => "published",
            Status::Declined => "declined",
            Status::Withdrawn => "withdrawn",
            Status::Merged => "merged",
        }
    }

    pub fn parse(key: &str) -> Option<Status> {
        [
            Status::Proposed,
            Status::Published,
            Status::Declined,
            Status::Withdrawn,
            Status::Merged,
        ]
        .into_iter()
        .find(|s| s.key() == key)
    }
}

/// A theme as shown on a page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Theme {
    pub id: i64,
    pub title: String,
    pub description: String,
    pub pictogram: Pictogram,
    pub status: Status,
    pub decline_reason: Option<String>,
    /// Shown to staff only: who proposed it (first name or pseudonym).
    pub author: Option<String>,
    /// Entered at the counter by this social worker.
    pub assisted_by: Option<String>,
    /// Merged: the title of the idea it was joined with.
    pub merged_into: Option<String>,
    /// The group chose it (or the idea it was merged into): it becomes a workshop.
    pub chosen: bool,
    /// How many participants said "me too" (or proposed an idea merged into it).
    pub supporters: i64,
    /// The viewer is one of them.
    pub supported: bool,
}

pub const TITLE_MAX: usize = 80;
pub const DESCRIPTION_MAX: usize = 500;
pub const REASON_MAX: usize = 500;

/// A theme's title: 1 to `TITLE_MAX` characters once trimmed, on one line.
pub fn parse_title(input: &str) -> Result<String, &'static str> {
    let title = input.trim();
    if title.is_empty() {
        Err("title_required")
    } else if title.chars().count() > TITLE_MAX || title.chars().any(char::is_control) {
        Err("title_too_long")
    } else {
        Ok(title.to_string())
    }
}

/// A theme's few words of description (may be empty), at most `DESCRIPTION_MAX` characters.
pub fn parse_description(input: &str) -> Result<String, &'static str> {
    let text = input.trim();
    if text.chars().count() > DESCRIPTION_MAX {
        Err("description_too_long")
    } else {
        Ok(text.to_string())
    }
}

/// The text a social worker gives when declining: required, so the author knows why.
pub fn parse_reason(input: &str) -> Result<String, &'static str> {
    let text = input.trim();
    if text.is_empty() {
        Err("reason_required")
    } else if text.chars().count() > REASON_MAX {
        Err("reason_too_long")
    } else {
        Ok(text.to_string())
    }
}

#[cfg(feature = "ssr")]
use crate::auth::Role;

#[cfg(feature = "ssr")]
const THEME_COLUMNS: &str = "t.id, t.title, t.description, t.pictogram, t.status, \
     t.decline_reason, author.display_name AS author, helper.display_name AS assisted_by, \
     merged.title AS merged_title, \
     (SELECT COUNT(*) FROM workshops w WHERE w.theme_id = COALESCE(t.merged_into, t.id)) \
     AS chosen, \
     (SELECT COUNT(*) FROM theme_supporters s WHERE s.theme_id = t.id) AS supporters";

/// Themes matching `where_clause` (which may use `$1`, bound to `bind`), newest first.
/// Authors' names only `with_author`; `supported` is set for the themes `viewer` supports.
#[cfg(feature = "ssr")]
pub(crate) async fn fetch_themes(
    where_clause: &str,
    bind: Option<i64>,
    with_author: bool,
    viewer: i64,
) -> Result<Vec<Theme>, AppError> {
    use sqlx::Row;
    let state = crate::state::app_state()?;
    let sql = format!(
        "SELECT {THEME_COLUMNS} FROM themes t JOIN users author ON author.id = t.author_id \
         LEFT JOIN users helper ON helper.id = t.assisted_by \
         LEFT JOIN themes merged ON merged.id = t.merged_into WHERE {where_clause} \
         ORDER BY t.id DESC"
    );
    let mut query = sqlx::query(&sql);
    if let Some(value) = bind {
        query = query.bind(value);
    }
    let rows = query.fetch_all(state.db.read()).await?;
    let supported: Vec<i64> =
        sqlx::query_scalar("SELECT theme_id FROM theme_supporters WHERE user_id = $1")
            .bind(viewer)
            .fetch_all(state.db.read())
            .await?;
    rows.iter()
        .map(|row| {
            let id: i64 = row.try_get("id")?;
            let pictogram: String = row.try_get("pictogram")?;
            let status: String = row.try_get("status")?;
            Ok(Theme {
                id,
                title: row.try_get("title")?,
                description: row.try_get("description")?,
                pictogram: Pictogram::parse(&pictogram).unwrap_or(Pictogram::Other),
                status: Status::parse(&status).unwrap_or(Status::Withdrawn),
                decline_reason: row.try_get("decline_reason")?,
                author: if with_author {
                    row.try_get("author")?
                } else {
                    None
                },
                assisted_by: row.try_get("assisted_by")?,
                merged_into: row.try_get("merged_title")?,
                chosen: row.try_get::<i64, _>("chosen")? > 0,
                supporters: row.try_get("supporters")?,
                supported: supported.contains(&id),
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(AppError::from)
}

/// The viewer's own proposals, whatever became of them. Participants only.
#[server(endpoint = "themes/mine")]
pub async fn my_themes() -> Result<Vec<Theme>, AppError> {
    crate::error::with_status(my_themes_body()).await
}

#[cfg(feature = "ssr")]
async fn my_themes_body() -> Result<Vec<Theme>, AppError> {
    let viewer = crate::request::require_viewer()?;
    viewer.require(&[Role::Participant])?;
    fetch_themes("t.author_id = $1", Some(viewer.id), false, viewer.id).await
}

/// Published themes: the group's ideas. Participants and staff; never partners.
#[server(endpoint = "themes/published")]
pub async fn published_themes() -> Result<Vec<Theme>, AppError> {
    crate::error::with_status(published_themes_body()).await
}

#[cfg(feature = "ssr")]
async fn published_themes_body() -> Result<Vec<Theme>, AppError> {
    let viewer = crate::request::require_viewer()?;
    viewer.require(&[Role::Participant, Role::Worker, Role::Admin])?;
    fetch_themes("t.status = 'published'", None, false, viewer.id).await
}

/// Proposals waiting for moderation, with their authors. Staff only.
#[server(endpoint = "themes/to_moderate")]
pub async fn proposals_to_moderate() -> Result<Vec<Theme>, AppError> {
    crate::error::with_status(proposals_to_moderate_body()).await
}

#[cfg(feature = "ssr")]
async fn proposals_to_moderate_body() -> Result<Vec<Theme>, AppError> {
    let viewer = crate::request::require_viewer()?;
    viewer.require(&[Role::Worker, Role::Admin])?;
    fetch_themes("t.status = 'proposed'", None, true, viewer.id).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pictograms_round_trip() {
        for picto in Pictogram::ALL {
            assert_eq!(Pictogram::parse(picto.key()), Some(picto));
        }
        assert_eq!(Pictogram::parse("rocket"), None);
    }

    #[test]
    fn titles_descriptions_and_reasons_are_bounded() {
        assert_eq!(parse_title("  Couture  "), Ok("Couture".into()));
        assert_eq!(parse_title(" "), Err("title_required"));
        assert_eq!(parse_title(&"a".repeat(5000)), Err("title_too_long"));
        assert_eq!(parse_title("a\nb"), Err("title_too_long"));
        assert_eq!(parse_description(""), Ok(String::new()));
        assert_eq!(
            parse_description(&"a".repeat(501)),
            Err("description_too_long")
        );
        assert_eq!(parse_reason(""), Err("reason_required"));
    }
}
