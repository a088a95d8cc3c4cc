//! Workshop themes: participants propose them (a short title, a few words, a pictogram),
//! social workers publish or decline them with a kind reason. Published themes are what the
//! group will vote on.

use crate::notices::Problem;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::{error::AppError, paging::Paged};

pub mod archive_page;
pub mod moderation_page;
pub mod page;
pub mod views;

#[cfg(feature = "ssr")]
pub(crate) mod db;
#[cfg(feature = "ssr")]
pub mod handlers;
#[cfg(feature = "ssr")]
pub mod listing;
#[cfg(feature = "ssr")]
pub mod moderation;

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
pub fn parse_title(input: &str) -> Result<String, Problem> {
    let title = input.trim();
    if title.is_empty() {
        Err(Problem::TitleRequired)
    } else if title.chars().count() > TITLE_MAX || title.chars().any(char::is_control) {
        Err(Problem::TitleTooLong)
    } else {
        Ok(title.to_string())
    }
}

/// A theme's few words of description (may be empty), at most `DESCRIPTION_MAX` characters.
pub fn parse_description(input: &str) -> Result<String, Problem> {
    let text = input.trim();
    if text.chars().count() > DESCRIPTION_MAX {
        Err(Problem::DescriptionTooLong)
    } else {
        Ok(text.to_string())
    }
}

/// The text a social worker gives when declining: required, so the author knows why.
pub fn parse_reason(input: &str) -> Result<String, Problem> {
    let text = input.trim();
    if text.is_empty() {
        Err(Problem::ReasonRequired)
    } else if text.chars().count() > REASON_MAX {
        Err(Problem::ReasonTooLong)
    } else {
        Ok(text.to_string())
    }
}

#[cfg(feature = "ssr")]
use crate::access::Role;

/// The ideas of the themes page at once: the viewer's own (still open, or answered in the
/// last weeks), a page of the group's open ideas (`search` in their titles), and the ideas a
/// vote chose lately. Participants and staff; never partners.
#[server(endpoint = "themes/board")]
pub async fn idea_board(search: String, page: i64) -> Result<IdeasView, AppError> {
    crate::guard::serve(
        |reader: crate::guard::Reader<crate::guard::Member>| async move {
            let (db, viewer) = (reader.db(), reader.who.id);
            let mine = if reader.who.role == Role::Participant {
                listing::my_recent_ideas(db, viewer).await?
            } else {
                Vec::new()
            };
            Ok(IdeasView {
                mine,
                open: listing::open_ideas(db, viewer, &search, page).await?,
                chosen: listing::recently_chosen(db, viewer).await?,
            })
        },
    )
    .await
}

/// What the themes page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IdeasView {
    pub mine: Vec<Theme>,
    pub open: Paged<Theme>,
    pub chosen: Vec<Theme>,
}

/// The archive: a page of the ideas the group is done with (`search` in their titles), and
/// a page of the viewer's own earlier ideas (participants). Never partners.
#[server(endpoint = "themes/archive")]
pub async fn idea_archive(
    search: String,
    page: i64,
    mine_page: i64,
) -> Result<(Paged<Theme>, Option<Paged<Theme>>), AppError> {
    crate::guard::serve(
        |reader: crate::guard::Reader<crate::guard::Member>| async move {
            let (db, viewer) = (reader.db(), reader.who.id);
            let mine = if reader.who.role == Role::Participant {
                Some(listing::my_earlier_ideas(db, viewer, mine_page).await?)
            } else {
                None
            };
            Ok((listing::past_ideas(db, viewer, &search, page).await?, mine))
        },
    )
    .await
}

/// A page of the proposals waiting for moderation (with their authors, oldest first), and a
/// page of the open ideas (`search` in their titles). Staff only.
#[server(endpoint = "themes/moderation")]
pub async fn moderation_board(
    search: String,
    page: i64,
    waiting_page: i64,
) -> Result<(Paged<Theme>, Paged<Theme>), AppError> {
    crate::guard::serve(
        |reader: crate::guard::Reader<crate::guard::Staff>| async move {
            let (db, viewer) = (reader.db(), reader.who.id);
            Ok((
                listing::waiting_ideas(db, viewer, waiting_page).await?,
                listing::open_ideas(db, viewer, &search, page).await?,
            ))
        },
    )
    .await
}

/// An idea waiting or open, and a page of the open ideas it may join (`search` in their
/// titles). Staff only.
#[server(endpoint = "themes/merge_targets")]
pub async fn merge_targets(
    id: i64,
    search: String,
    page: i64,
) -> Result<(Theme, Paged<Theme>), AppError> {
    crate::guard::serve(
        |reader: crate::guard::Reader<crate::guard::Staff>| async move {
            let (db, viewer) = (reader.db(), reader.who.id);
            let theme = listing::idea(db, viewer, id)
                .await?
                .filter(|t| {
                    t.status == Status::Proposed || (t.status == Status::Published && !t.chosen)
                })
                .ok_or(AppError::NotFound)?;
            let mut targets = listing::open_ideas(db, viewer, &search, page).await?;
            targets.items.retain(|t| t.id != id);
            Ok((theme, targets))
        },
    )
    .await
}

/// The open ideas a new vote may offer: the most supported. Staff only.
#[server(endpoint = "themes/candidates")]
pub async fn vote_candidates() -> Result<Vec<Theme>, AppError> {
    crate::guard::serve(
        |reader: crate::guard::Reader<crate::guard::Staff>| async move {
            listing::vote_candidates(reader.db(), reader.who.id).await
        },
    )
    .await
}

/// This domain's form endpoints (POST only, but for the downloads and feeds that are GETs).
#[cfg(feature = "ssr")]
pub fn routes() -> axum::Router<crate::state::AppState> {
    use axum::routing::post;
    axum::Router::new()
        .route("/themes", post(handlers::propose))
        .route("/themes/{id}/edit", post(handlers::edit))
        .route("/themes/{id}/withdraw", post(handlers::withdraw))
        .route("/themes/{id}/support", post(handlers::support))
        .route("/staff/themes/{id}/{action}", post(moderation::moderate))
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
        assert_eq!(parse_title(" "), Err(Problem::TitleRequired));
        assert_eq!(parse_title(&"a".repeat(5000)), Err(Problem::TitleTooLong));
        assert_eq!(parse_title("a\nb"), Err(Problem::TitleTooLong));
        assert_eq!(parse_description(""), Ok(String::new()));
        assert_eq!(
            parse_description(&"a".repeat(501)),
            Err(Problem::DescriptionTooLong)
        );
        assert_eq!(parse_reason(""), Err(Problem::ReasonRequired));
    }
}
