//! What a form sends back to its page: a problem (`?error=`) or what was done (`?ok=`), each
//! a variant written into the address by its code and shown in the reader's language from the
//! key `error.<code>` or `ok.<code>`. An address with any other code shows nothing.

use std::fmt;

macro_rules! codes {
    ($(#[$doc:meta])* $name:ident, $prefix:literal, $($variant:ident = $code:literal,)+) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $name {
            $($variant,)+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// As written in the address.
            pub fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code,)+
                }
            }

            pub fn parse(code: &str) -> Option<$name> {
                match code {
                    $($code => Some($name::$variant),)+
                    _ => None,
                }
            }

            /// The key of its text.
            pub fn key(self) -> String {
                format!("{}.{}", $prefix, self.code())
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}

codes! {
    /// Why a form was sent back.
    Problem, "error",
    LoginFailed = "login_failed",
    Throttled = "throttled",
    Unauthenticated = "unauthenticated",
    NameRequired = "name_required",
    NameTooLong = "name_too_long",
    EmailInvalid = "email_invalid",
    EmailTaken = "email_taken",
    PasswordShort = "password_short",
    CurrentWrong = "current_wrong",
    AddressTooLong = "address_too_long",
    PinInvalid = "pin_invalid",
    ResetInvalid = "reset_invalid",
    RoleInvalid = "role_invalid",
    CannotDeactivateSelf = "cannot_deactivate_self",
    TitleRequired = "title_required",
    TitleTooLong = "title_too_long",
    DescriptionTooLong = "description_too_long",
    PictogramRequired = "pictogram_required",
    ParticipantRequired = "participant_required",
    ReasonRequired = "reason_required",
    ReasonTooLong = "reason_too_long",
    AlreadyModerated = "already_moderated",
    MergeInvalid = "merge_invalid",
    OwnIdea = "own_idea",
    ThemesTooFew = "themes_too_few",
    ThemeUnavailable = "theme_unavailable",
    MethodInvalid = "method_invalid",
    MaxChoicesInvalid = "max_choices_invalid",
    FacesInvalid = "faces_invalid",
    TimeInvalid = "time_invalid",
    ClosesBeforeOpens = "closes_before_opens",
    ClosesInPast = "closes_in_past",
    RoundNotOpen = "round_not_open",
    RoundClosed = "round_closed",
    RoundNotClosed = "round_not_closed",
    NoChoice = "no_choice",
    TooManyChoices = "too_many_choices",
    NotInRound = "not_in_round",
    GradeInvalid = "grade_invalid",
    AlreadyWorkshop = "already_workshop",
    NotTheWinner = "not_the_winner",
    RoomNameRequired = "room_name_required",
    RoomNameTooLong = "room_name_too_long",
    RoomNameTaken = "room_name_taken",
    CapacityInvalid = "capacity_invalid",
    NotesTooLong = "notes_too_long",
    DateInvalid = "date_invalid",
    LabelRequired = "label_required",
    LabelTooLong = "label_too_long",
    KindInvalid = "kind_invalid",
    RoomInvalid = "room_invalid",
    CapacityOverRoom = "capacity_over_room",
    FacilitatorInvalid = "facilitator_invalid",
    FacilitatorRequired = "facilitator_required",
    FrequencyInvalid = "frequency_invalid",
    DurationInvalid = "duration_invalid",
    EndBeforeStart = "end_before_start",
    CountInvalid = "count_invalid",
    SessionsTooMany = "sessions_too_many",
    RuleNoDate = "rule_no_date",
    SessionInPast = "session_in_past",
    OneoffSingle = "oneoff_single",
    BookingClash = "booking_clash",
    SessionCancelled = "session_cancelled",
    WorkshopOver = "workshop_over",
    AlreadyRegistered = "already_registered",
    NotRegistered = "not_registered",
    MoveTargetInvalid = "move_target_invalid",
    SessionOver = "session_over",
    SessionNotYet = "session_not_yet",
    SessionNotStarted = "session_not_started",
    FaceRequired = "face_required",
    CommentTooLong = "comment_too_long",
    FeedbackGiven = "feedback_given",
    MarkInvalid = "mark_invalid",
    DayClosed = "day_closed",
    PictogramInvalid = "pictogram_invalid",
    SkillNamesRequired = "skill_names_required",
    SkillNameTooLong = "skill_name_too_long",
    ProjectKindInvalid = "project_kind_invalid",
    StatusInvalid = "status_invalid",
    PartnerInvalid = "partner_invalid",
    ProjectLabelRequired = "project_label_required",
    ProjectLabelTooLong = "project_label_too_long",
    UnitInvalid = "unit_invalid",
    TargetInvalid = "target_invalid",
    SkillInvalid = "skill_invalid",
    ProjectClosed = "project_closed",
    GoalInvalid = "goal_invalid",
    GoalRequired = "goal_required",
    QuantityInvalid = "quantity_invalid",
    MinutesInvalid = "minutes_invalid",
    ContributionEmpty = "contribution_empty",
    DateInFuture = "date_in_future",
    DateTooOld = "date_too_old",
    SessionInvalid = "session_invalid",
    NoteTooLong = "note_too_long",
    ContributionDecided = "contribution_decided",
    MessageRequired = "message_required",
    MessageTooLong = "message_too_long",
    ErasureReasonMissing = "erasure_reason_missing",
    ErasureReasonTooLong = "erasure_reason_too_long",
    ErasureAlreadyAsked = "erasure_already_asked",
    AlreadyErased = "already_erased",
    ErasureDecided = "erasure_decided",
    RetentionMonths = "retention_months",
    KeepReasonMissing = "keep_reason_missing",
    KeepReasonTooLong = "keep_reason_too_long",
    ConsentUnknown = "consent_unknown",
    OutcomeRequired = "outcome_required",
    OutcomeRetired = "outcome_retired",
    OutcomeWorkshopInvalid = "outcome_workshop_invalid",
    RecordClosed = "record_closed",
    PeriodInvalid = "period_invalid",
    PeriodEndsBeforeStart = "period_ends_before_start",
    PeriodTooLong = "period_too_long",
    ReportTwoScopes = "report_two_scopes",
}

codes! {
    /// What a form did.
    Done, "ok",
    PasswordChanged = "password_changed",
    CentreSaved = "centre_saved",
    PinChanged = "pin_changed",
    PasswordReset = "password_reset",
    ResetLink = "reset_link",
    LoggedOut = "logged_out",
    AccountCreated = "account_created",
    AccountDeactivated = "account_deactivated",
    ParticipantRenamed = "participant_renamed",
    ParticipantClosed = "participant_closed",
    ParticipantReopened = "participant_reopened",
    CardUnlocked = "card_unlocked",
    ThemeProposed = "theme_proposed",
    ThemeEntered = "theme_entered",
    ThemeUpdated = "theme_updated",
    ThemeWithdrawn = "theme_withdrawn",
    ThemePublished = "theme_published",
    ThemeDeclined = "theme_declined",
    ThemeMerged = "theme_merged",
    SupportAdded = "support_added",
    SupportRemoved = "support_removed",
    RoundCreated = "round_created",
    BallotSaved = "ballot_saved",
    BallotRecorded = "ballot_recorded",
    RoundClosedNow = "round_closed_now",
    WorkshopCreated = "workshop_created",
    RoomSaved = "room_saved",
    ClosureSaved = "closure_saved",
    ClosureRemoved = "closure_removed",
    WorkshopSaved = "workshop_saved",
    SessionsAdded = "sessions_added",
    SessionMoved = "session_moved",
    SessionCancelled = "session_cancelled",
    Registered = "registered",
    WaitingListed = "waiting_listed",
    Left = "left",
    Removed = "removed",
    AwayNoted = "away_noted",
    AwayRemoved = "away_removed",
    FeedbackSaved = "feedback_saved",
    AttendanceSaved = "attendance_saved",
    CalendarLinkMade = "calendar_link_made",
    SkillSaved = "skill_saved",
    ProjectSaved = "project_saved",
    GoalAdded = "goal_added",
    MilestoneAdded = "milestone_added",
    MilestoneReached = "milestone_reached",
    SkillsSaved = "skills_saved",
    ContributionRecorded = "contribution_recorded",
    ContributionConfirmed = "contribution_confirmed",
    ContributionDeclined = "contribution_declined",
    ThanksSent = "thanks_sent",
    ErasureAsked = "erasure_asked",
    RecordErased = "record_erased",
    ErasureRefused = "erasure_refused",
    RetentionSaved = "retention_saved",
    RecordKept = "record_kept",
    ConsentSaved = "consent_saved",
    OutcomeSaved = "outcome_saved",
    OutcomeRecorded = "outcome_recorded",
    OutcomeChoiceSaved = "outcome_choice_saved",
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    #[test]
    fn every_code_reads_back_and_has_a_text_in_every_language() {
        for locale in [Locale::Fr, Locale::Nl, Locale::En] {
            for problem in Problem::ALL {
                assert_eq!(Problem::parse(problem.code()), Some(*problem));
                assert_ne!(
                    locale.t(&problem.key()),
                    problem.key(),
                    "{problem} in {locale:?}"
                );
            }
            for done in Done::ALL {
                assert_eq!(Done::parse(done.code()), Some(*done));
                assert_ne!(locale.t(&done.key()), done.key(), "{done} in {locale:?}");
            }
        }
        assert_eq!(Problem::parse("nonsense"), None);
        // A code without a text reads as its key: what the checks above catch.
        assert_eq!(Locale::Nl.t("error.nonsense"), "error.nonsense");
    }
}
