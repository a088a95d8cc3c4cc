//! Messages carried back to a page after a form (`?error=...` or `?ok=...`), shown in the
//! user's language. Only known codes are shown; anything else in the address is ignored.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::i18n::use_locale;

/// Error codes a form may send back, each with a text under `error.`.
const ERRORS: &[&str] = &[
    "login_failed",
    "throttled",
    "unauthenticated",
    "name_required",
    "name_too_long",
    "email_invalid",
    "email_taken",
    "password_short",
    "current_wrong",
    "address_too_long",
    "pin_invalid",
    "reset_invalid",
    "role_invalid",
    "cannot_deactivate_self",
    "title_required",
    "title_too_long",
    "description_too_long",
    "pictogram_required",
    "participant_required",
    "reason_required",
    "reason_too_long",
    "already_moderated",
    "merge_invalid",
    "own_idea",
    "themes_too_few",
    "theme_unavailable",
    "method_invalid",
    "max_choices_invalid",
    "faces_invalid",
    "time_invalid",
    "closes_before_opens",
    "closes_in_past",
    "round_not_open",
    "round_closed",
    "round_not_closed",
    "no_choice",
    "too_many_choices",
    "not_in_round",
    "grade_invalid",
    "already_workshop",
    "not_the_winner",
    "room_name_required",
    "room_name_too_long",
    "room_name_taken",
    "capacity_invalid",
    "notes_too_long",
    "date_invalid",
    "label_required",
    "label_too_long",
    "kind_invalid",
    "room_invalid",
    "capacity_over_room",
    "facilitator_invalid",
    "facilitator_required",
    "frequency_invalid",
    "duration_invalid",
    "end_before_start",
    "count_invalid",
    "sessions_too_many",
    "rule_no_date",
    "session_in_past",
    "oneoff_single",
    "booking_clash",
    "session_cancelled",
    "workshop_over",
    "already_registered",
    "not_registered",
    "move_target_invalid",
    "session_over",
    "session_not_yet",
    "session_not_started",
    "face_required",
    "comment_too_long",
    "feedback_given",
    "mark_invalid",
    "day_closed",
    "pictogram_invalid",
    "skill_names_required",
    "skill_name_too_long",
    "project_kind_invalid",
    "status_invalid",
    "partner_invalid",
    "project_label_required",
    "project_label_too_long",
    "unit_invalid",
    "target_invalid",
    "skill_invalid",
    "project_closed",
    "goal_invalid",
    "goal_required",
    "quantity_invalid",
    "minutes_invalid",
    "contribution_empty",
    "date_in_future",
    "date_too_old",
    "session_invalid",
    "note_too_long",
    "contribution_decided",
    "message_required",
    "message_too_long",
];

/// Success codes, each with a text under `ok.`.
const OKS: &[&str] = &[
    "password_changed",
    "centre_saved",
    "pin_changed",
    "password_reset",
    "reset_link",
    "logged_out",
    "account_created",
    "account_deactivated",
    "participant_renamed",
    "participant_closed",
    "participant_reopened",
    "card_unlocked",
    "theme_proposed",
    "theme_entered",
    "theme_updated",
    "theme_withdrawn",
    "theme_published",
    "theme_declined",
    "theme_merged",
    "support_added",
    "support_removed",
    "round_created",
    "ballot_saved",
    "ballot_recorded",
    "round_closed_now",
    "workshop_created",
    "room_saved",
    "closure_saved",
    "closure_removed",
    "workshop_saved",
    "sessions_added",
    "session_moved",
    "session_cancelled",
    "registered",
    "waiting_listed",
    "left",
    "removed",
    "away_noted",
    "away_removed",
    "feedback_saved",
    "attendance_saved",
    "calendar_link_made",
    "skill_saved",
    "project_saved",
    "goal_added",
    "milestone_added",
    "milestone_reached",
    "skills_saved",
    "contribution_recorded",
    "contribution_confirmed",
    "contribution_declined",
    "thanks_sent",
];

/// A query parameter of the current page.
pub fn query(name: &str) -> Option<String> {
    use_query_map().read_untracked().get(name)
}

/// The error or confirmation sent back by the last form, if any.
#[component]
pub fn Notice() -> impl IntoView {
    let locale = use_locale();
    let error = query("error").filter(|code| ERRORS.contains(&code.as_str()));
    let ok = query("ok").filter(|code| OKS.contains(&code.as_str()));
    view! {
        {error
            .map(|code| {
                view! {
                    <div class="notice notice-error" role="alert">
                        <span class="picto" aria-hidden="true">
                            "⚠️"
                        </span>
                        {locale.t(&format!("error.{code}"))}
                    </div>
                }
            })}
        {ok
            .map(|code| {
                view! {
                    <div class="notice notice-ok" role="status">
                        <span class="picto" aria-hidden="true">
                            "✅"
                        </span>
                        {locale.t(&format!("ok.{code}"))}
                    </div>
                }
            })}
    }
}
