//! Every form of Trame, with a valid value for each field: the fuzz test sends malformed
//! values to one field at a time, the others valid. And every page, by role.

/// Who sends a form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Who {
    Anonymous,
    Participant,
    Worker,
    Admin,
    Partner,
}

/// One form: who sends it, where, and a valid value for each field. Paths and values may hold
/// placeholders the test replaces with ids of the demo data it prepared:
/// {participant} (id of a participant, Amina), {workshop} (a workshop with sessions to come,
/// Amina registered), {session} (a future session of {workshop}), {past_session} (a past session
/// of {workshop}), {other_workshop} (another workshop with sessions to come, nobody registered),
/// {theme} (a published idea), {my_theme} (an idea proposed by Amina still waiting),
/// {round} (an open voting round), {closed_round} (a closed round), {room}, {skill},
/// {project}, {goal} (a goal of {project}), {milestone} (a step of {project} not reached),
/// {contribution} (a pending contribution of {project}), {account} (a partner account id),
/// {day} (a future date YYYY-MM-DD), {past_day} (yesterday YYYY-MM-DD),
/// {opens} and {closes} (datetime-local values: now, and in a week).
///
/// Two more, which the forms below need: {other_theme} (a second published idea, so a round
/// has the two it requires) and {worker} (id of a social worker, Sophie: facilitators are
/// staff). Assumed of the prepared data: {theme} is not Amina's own idea (she cannot support
/// it), {round} is an *approval* round over {theme} (a faces round reads `grade_<id>` = 0 to
/// faces - 1 instead of `choice_<id>`), {closed_round} held {theme}, {project} is not closed,
/// and `Who::Partner` is a partner of {project}.
pub struct Form {
    pub who: Who,
    pub path: &'static str,
    pub fields: &'static [(&'static str, &'static str)],
    /// The fields holding free text a person types (shown back when the form is refused).
    pub text: &'static [&'static str],
}

// Laid out by hand, a few lines a form (rustfmt would spread it over 600 lines).
#[rustfmt::skip]
pub const FORMS: &[Form] = &[
    // ------------------------------------------------------------ logging in, language
    // A valid login: malformed values count as failed attempts (throttled per account).
    Form {
        who: Who::Anonymous, path: "/login",
        fields: &[("email", "sophie@trame.demo"), ("password", "demo-worker-pass"),
            ("next", "/staff/participants")],
        text: &["email"],
    },
    Form {
        who: Who::Anonymous, path: "/login/card",
        fields: &[("code", "AMN-4KP"), ("pin", "1234")], text: &[],
    },
    Form {
        who: Who::Anonymous, path: "/lang",
        fields: &[("lang", "en"), ("back", "/")], text: &[],
    },
    // One's own secret: a wrong current one counts as a failed login (throttled the same way).
    Form {
        who: Who::Worker, path: "/account/password",
        fields: &[("current", "demo-worker-pass"), ("new", "a-new-long-password")], text: &[],
    },
    Form {
        who: Who::Participant, path: "/account/pin",
        fields: &[("current", "1234"), ("new", "4321")], text: &[],
    },
    // Attestations: the name to print (empty: the person's own).
    Form {
        who: Who::Participant, path: "/journey/attestation",
        fields: &[("name", "Amina Benali")], text: &[],
    },
    Form {
        who: Who::Worker, path: "/staff/participants/{participant}/attestation",
        fields: &[("name", "")], text: &[],
    },
    Form {
        who: Who::Anonymous, path: "/reset/not-a-token",
        fields: &[("new", "a-new-long-password")], text: &[],
    },
    // ------------------------------------------------------------ people
    Form {
        who: Who::Worker, path: "/staff/participants",
        fields: &[("name", "Zoé")], text: &["name"],
    },
    Form {
        who: Who::Worker, path: "/staff/participants/{participant}/card",
        fields: &[("confirmed", "yes")], text: &[],
    },
    Form {
        who: Who::Worker, path: "/staff/participants/{participant}/unlock",
        fields: &[], text: &[],
    },
    // A refused name comes back as `?error=` only: what was typed is not shown back.
    Form {
        who: Who::Worker, path: "/staff/participants/{participant}/name",
        fields: &[("name", "Amina")], text: &[],
    },
    // Closes Amina's record and ends her sessions: reopen it after.
    Form {
        who: Who::Worker, path: "/staff/participants/{participant}/close",
        fields: &[("confirmed", "yes")], text: &[],
    },
    Form {
        who: Who::Worker, path: "/staff/participants/{participant}/reopen",
        fields: &[], text: &[],
    },
    // `organisation` is kept for partners only; the password needs 12 characters or more.
    Form {
        who: Who::Admin, path: "/admin/accounts",
        fields: &[("name", "Léa Martin"), ("email", "lea@trame.demo"), ("role", "worker"),
            ("password", "a-long-enough-pass"), ("organisation", "")],
        text: &["name", "email", "organisation"],
    },
    Form {
        who: Who::Admin, path: "/admin/accounts",
        fields: &[("name", "Jules Renard"), ("email", "jules@partner.demo"), ("role", "partner"),
            ("password", "a-long-enough-pass"), ("organisation", "Maison médicale du Centre")],
        text: &["name", "email", "organisation"],
    },
    Form {
        who: Who::Admin, path: "/admin/centre",
        fields: &[("name", "CPAS de Sambreville"), ("address", "Place Communale 1, 5060 Sambreville")],
        text: &["name", "address"],
    },
    // Ends the account's sessions: send it after the partner's own forms.
    Form { who: Who::Admin, path: "/admin/accounts/{account}/deactivate", fields: &[("confirmed", "yes")], text: &[] },
    // ------------------------------------------------------------ ideas
    Form {
        who: Who::Participant, path: "/themes",
        fields: &[("title", "Atelier vélo"), ("description", "Réparer nos vélos ensemble."),
            ("pictogram", "repairs")],
        text: &["title", "description"],
    },
    // At the counter: the same, for a participant.
    Form {
        who: Who::Worker, path: "/themes",
        fields: &[("title", "Atelier vélo"), ("description", "Réparer nos vélos ensemble."),
            ("pictogram", "repairs"), ("participant", "{participant}")],
        text: &["title", "description"],
    },
    Form {
        who: Who::Participant, path: "/themes/{my_theme}/edit",
        fields: &[("title", "Balade le long de la Sambre"),
            ("description", "Marcher ensemble le samedi."), ("pictogram", "walk")],
        text: &["title", "description"],
    },
    Form { who: Who::Participant, path: "/themes/{my_theme}/withdraw", fields: &[("confirmed", "yes")], text: &[] },
    // `yes` supports, anything else takes the support back.
    Form {
        who: Who::Participant, path: "/themes/{theme}/support",
        fields: &[("want", "yes")], text: &[],
    },
    Form { who: Who::Worker, path: "/staff/themes/{my_theme}/publish", fields: &[], text: &[] },
    // Sent from its confirmation page, where a refused reason is shown back.
    Form {
        who: Who::Worker, path: "/staff/themes/{my_theme}/decline",
        fields: &[("confirmed", "yes"), ("reason", "Une idée proche existe déjà : rejoignez-la !")],
        text: &["reason"],
    },
    Form {
        who: Who::Worker, path: "/staff/themes/{my_theme}/merge",
        fields: &[("into", "{theme}")], text: &[],
    },
    // ------------------------------------------------------------ votes
    Form {
        who: Who::Participant, path: "/votes/{round}",
        fields: &[("choice_{theme}", "1")], text: &[],
    },
    // `max_choices` is read for `approval`, `faces` (3 or 5) for `faces`; `live` when not empty.
    Form {
        who: Who::Worker, path: "/staff/votes",
        fields: &[("title", "Quel atelier au printemps ?"), ("theme", "{theme}"),
            ("theme", "{other_theme}"), ("method", "approval"), ("max_choices", "1"),
            ("opens", "{opens}"), ("closes", "{closes}"), ("live", "1")],
        text: &["title"],
    },
    Form {
        who: Who::Worker, path: "/staff/votes",
        fields: &[("title", "Quel atelier en été ?"), ("theme", "{theme}"),
            ("theme", "{other_theme}"), ("method", "faces"), ("faces", "5"), ("opens", ""),
            ("closes", "{closes}")],
        text: &["title"],
    },
    Form {
        who: Who::Worker, path: "/staff/votes/{round}/ballot",
        fields: &[("participant", "{participant}"), ("choice_{theme}", "1")], text: &[],
    },
    Form { who: Who::Worker, path: "/staff/votes/{round}/close", fields: &[("confirmed", "yes")], text: &[] },
    Form {
        who: Who::Worker, path: "/staff/votes/{closed_round}/workshop",
        fields: &[("theme", "{theme}")], text: &[],
    },
    // ------------------------------------------------------------ rooms and closure days
    Form {
        who: Who::Admin, path: "/admin/rooms",
        fields: &[("name", "Salle polyvalente"), ("capacity", "20"),
            ("accessibility", "Rez-de-chaussée, sans marche.")],
        text: &["name", "accessibility"],
    },
    // Capacity 1 to 500; the name must not be another room's.
    Form {
        who: Who::Admin, path: "/admin/rooms/{room}",
        fields: &[("name", "Salle des fêtes"), ("capacity", "14"),
            ("accessibility", "Premier étage, ascenseur.")],
        text: &["name", "accessibility"],
    },
    Form {
        who: Who::Admin, path: "/admin/closures",
        fields: &[("day", "{day}"), ("label", "Journée pédagogique")], text: &["label"],
    },
    // The path segment is the day itself (YYYY-MM-DD).
    Form { who: Who::Admin, path: "/admin/closures/{day}/remove", fields: &[], text: &[] },
    // ------------------------------------------------------------ workshops
    // Kind `cycle`, `open` or `oneoff`; capacity 1 to 200 and at most the room's (8 to 14 in
    // the demo); `room` and `facilitator_2` may be empty.
    Form {
        who: Who::Worker, path: "/staff/workshops",
        fields: &[("title", "Couture pour débutants"),
            ("description", "Apprendre les points de base."), ("pictogram", "sewing"),
            ("kind", "cycle"), ("capacity", "8"), ("room", "{room}"), ("facilitator_1", "{worker}"),
            ("facilitator_2", "")],
        text: &["title", "description"],
    },
    Form {
        who: Who::Worker, path: "/staff/workshops/{workshop}",
        fields: &[("title", "Groupe de parole"),
            ("description", "Parler de ce qui va et de ce qui pèse."),
            ("pictogram", "talking_group"), ("kind", "open"), ("capacity", "8"), ("room", "{room}"),
            ("facilitator_1", "{worker}"), ("facilitator_2", "")],
        text: &["title", "description"],
    },
    // `until` is read only when `end` is `until`, `count` (1 to 60) otherwise; minutes 15 to
    // 600; `confirm` = 1 saves despite a room or facilitator booked at the same time.
    Form {
        who: Who::Worker, path: "/staff/workshops/{workshop}/schedule",
        fields: &[("frequency", "weekly"), ("start", "{day}"), ("time", "14:00"), ("minutes", "90"),
            ("end", "count"), ("count", "4"), ("confirm", "1")],
        text: &[],
    },
    Form {
        who: Who::Worker, path: "/staff/workshops/{workshop}/schedule",
        fields: &[("frequency", "fortnightly"), ("start", "{day}"), ("time", "09:30"),
            ("minutes", "120"), ("end", "until"), ("until", "{day}"), ("confirm", "1")],
        text: &[],
    },
    Form {
        who: Who::Worker, path: "/staff/workshops/{workshop}/sessions",
        fields: &[("date", "{day}"), ("time", "16:00"), ("minutes", "60"), ("confirm", "1")],
        text: &[],
    },
    Form {
        who: Who::Worker, path: "/staff/sessions/{session}/move",
        fields: &[("date", "{day}"), ("time", "10:30"), ("minutes", "90"), ("confirm", "1")],
        text: &[],
    },
    // Cancels {session} for good: later forms on it are refused.
    Form {
        who: Who::Worker, path: "/staff/sessions/{session}/cancel",
        fields: &[("reason", "L'animatrice est malade, désolée !")], text: &["reason"],
    },
    // ------------------------------------------------------------ taking part
    Form {
        who: Who::Worker, path: "/staff/workshops/{other_workshop}/people",
        fields: &[("participant", "{participant}")], text: &[],
    },
    Form {
        who: Who::Worker, path: "/staff/workshops/{workshop}/people/{participant}/remove",
        fields: &[], text: &[],
    },
    Form {
        who: Who::Worker, path: "/staff/workshops/{workshop}/people/{participant}/move",
        fields: &[("to", "{other_workshop}")], text: &[],
    },
    // `mark_<user>`: present, excused or absent.
    Form {
        who: Who::Worker, path: "/staff/sessions/{past_session}/attendance",
        fields: &[("mark_{participant}", "present")], text: &[],
    },
    Form {
        who: Who::Worker, path: "/staff/sessions/{past_session}/attendance",
        fields: &[("all", "present")], text: &[],
    },
    Form {
        who: Who::Participant, path: "/workshops/{other_workshop}/register",
        fields: &[], text: &[],
    },
    Form { who: Who::Participant, path: "/workshops/{workshop}/leave", fields: &[("confirmed", "yes")], text: &[] },
    // `yes`: "I can't come this time"; anything else: "I can come after all".
    Form {
        who: Who::Participant, path: "/sessions/{session}/away",
        fields: &[("want", "yes")], text: &[],
    },
    // Face 0 to 2; `sign` when not empty. A refused comment is not shown back.
    Form {
        who: Who::Participant, path: "/sessions/{past_session}/feedback",
        fields: &[("face", "2"), ("comment", "Merci, c'était chouette."), ("sign", "1")], text: &[],
    },
    Form { who: Who::Participant, path: "/agenda/link", fields: &[], text: &[] },
    // ------------------------------------------------------------ skills and projects
    // The pictogram is up to 8 characters with no ASCII letter or digit (an emoji).
    Form {
        who: Who::Admin, path: "/admin/skills",
        fields: &[("pictogram", "🎨"), ("name_fr", "Peinture"), ("name_nl", "Schilderen"),
            ("name_en", "Painting")],
        text: &["pictogram", "name_fr", "name_nl", "name_en"],
    },
    // `retired` = 1 retires {skill}; anything else keeps it in use.
    Form {
        who: Who::Admin, path: "/admin/skills/{skill}",
        fields: &[("pictogram", "🧵"), ("name_fr", "Couture"), ("name_nl", "Naaien"),
            ("name_en", "Sewing"), ("retired", "0")],
        text: &["pictogram", "name_fr", "name_nl", "name_en"],
    },
    // The outcomes catalogue takes the same fields as the skills'.
    Form {
        who: Who::Admin, path: "/admin/outcomes",
        fields: &[("pictogram", "🏠"), ("name_fr", "Logement trouvé"),
            ("name_nl", "Woning gevonden"), ("name_en", "Housing found")],
        text: &["pictogram", "name_fr", "name_nl", "name_en"],
    },
    // An outcome in use, a day not after today, optionally a workshop, a short note.
    Form {
        who: Who::Worker, path: "/staff/participants/{participant}/outcomes",
        fields: &[("outcome", "1"), ("day", "{past_day}"), ("workshop", "{workshop}"),
            ("note", "Visite faite")],
        text: &["note"],
    },
    // Kind grocery, visits, toys, clothes or other; status preparing, active or closed;
    // `public_page` = 1 or not; `partner_<id>` boxes must be active partners.
    Form {
        who: Who::Worker, path: "/staff/projects",
        fields: &[("name", "Jardin solidaire"), ("kind", "other"),
            ("description", "Cultiver des légumes pour l'épicerie sociale."),
            ("status", "preparing"), ("public_page", "1"), ("partner", "{account}")],
        text: &["name", "description"],
    },
    // Replaces the project's partners: {account} must stay the partner who thanks.
    Form {
        who: Who::Worker, path: "/staff/projects/{project}",
        fields: &[("name", "Doudous pour la néonatologie"), ("kind", "toys"),
            ("description", "Coudre des doudous pour les bébés nés trop tôt."),
            ("status", "active"), ("public_page", "1"), ("partner", "{account}")],
        text: &["name", "description"],
    },
    // Unit items, visits, kg, parcels or hours; target 1 to 100 000.
    Form {
        who: Who::Worker, path: "/staff/projects/{project}/goals",
        fields: &[("label", "Doudous livrés"), ("unit", "items"), ("target", "60"),
            ("due", "{day}")],
        text: &["label"],
    },
    Form {
        who: Who::Worker, path: "/staff/projects/{project}/milestones",
        fields: &[("step", "Troisième livraison"), ("day", "{day}")], text: &["step"],
    },
    Form {
        who: Who::Worker, path: "/staff/milestones/{milestone}/reached",
        fields: &[], text: &[],
    },
    Form {
        who: Who::Worker, path: "/staff/projects/{project}/skills",
        fields: &[("need", "{skill}")], text: &[],
    },
    // Quantity 0 to 1 000 (more than 0 with a goal), minutes 0 to 720, a day in the last 366
    // days; `goal` and `session` may be empty; `confirm` = 1 confirms it at once.
    Form {
        who: Who::Worker, path: "/staff/projects/{project}/contributions",
        fields: &[("participant", "{participant}"), ("goal", "{goal}"), ("quantity", "3"),
            ("minutes", "120"), ("day", "{past_day}"), ("session", "{past_session}"),
            ("skill", "{skill}"), ("note", "Trois doudous finis à la maison."), ("confirm", "1")],
        text: &["note"],
    },
    Form {
        who: Who::Worker, path: "/staff/contributions/{contribution}/confirm",
        fields: &[], text: &[],
    },
    Form {
        who: Who::Worker, path: "/staff/contributions/{contribution}/decline",
        fields: &[], text: &[],
    },
    // The session must be one of a workshop Amina has a place in.
    Form {
        who: Who::Participant, path: "/projects/{project}/contributions",
        fields: &[("goal", "{goal}"), ("quantity", "2"), ("minutes", "60"), ("day", "{past_day}"),
            ("session", "{past_session}"), ("skill", "{skill}"),
            ("note", "Deux doudous cousus.")],
        text: &["note"],
    },
    Form {
        who: Who::Participant, path: "/journey/skills",
        fields: &[("have", "{skill}"), ("ask", "{skill}")], text: &[],
    },
    Form {
        who: Who::Partner, path: "/partner/projects/{project}/thanks",
        fields: &[("message", "Merci pour les doudous, les parents sont touchés !")],
        text: &["message"],
    },
];

/// Every page, by role, with its ids.
pub const PAGES: &[(Who, &str)] = &[
    (Who::Participant, "/"),
    (Who::Participant, "/themes"),
    (Who::Participant, "/votes/{round}"),
    (Who::Participant, "/workshops"),
    (Who::Participant, "/workshops/{workshop}"),
    (Who::Participant, "/agenda"),
    (Who::Participant, "/programme"),
    (Who::Participant, "/projects"),
    (Who::Participant, "/projects/{project}"),
    (Who::Participant, "/journey"),
    (Who::Participant, "/journey/attestation"),
    (Who::Participant, "/confirm/leave-workshop/{workshop}"),
    (Who::Participant, "/confirm/withdraw-idea/{my_theme}"),
    (Who::Worker, "/"),
    (Who::Worker, "/themes"),
    (Who::Worker, "/confirm/close-vote/{round}"),
    (Who::Worker, "/confirm/new-card/{participant}"),
    (Who::Worker, "/confirm/close-record/{participant}"),
    (Who::Worker, "/confirm/decline-idea/{my_theme}"),
    (Who::Worker, "/staff/participants"),
    (Who::Worker, "/staff/participants/{participant}"),
    (Who::Worker, "/staff/participants/{participant}/card"),
    (Who::Worker, "/staff/cards"),
    (Who::Worker, "/staff/participants/{participant}/journey"),
    (Who::Worker, "/staff/participants/{participant}/attestation"),
    (Who::Worker, "/staff/themes"),
    (Who::Worker, "/staff/votes"),
    (Who::Worker, "/staff/votes/{round}"),
    (Who::Worker, "/staff/workshops"),
    (Who::Worker, "/staff/workshops/{workshop}"),
    (Who::Worker, "/staff/sessions/{past_session}/attendance"),
    (Who::Worker, "/staff/sessions/{past_session}/sheet"),
    (Who::Worker, "/staff/projects"),
    (Who::Worker, "/staff/projects/{project}"),
    (Who::Partner, "/partner"),
    (Who::Partner, "/partner/projects/{project}"),
    (Who::Anonymous, "/public/projects/{project}"),
    (Who::Anonymous, "/login"),
    (Who::Participant, "/account"),
    (Who::Anonymous, "/check"),
    (Who::Worker, "/account"),
    (Who::Admin, "/admin/skills"),
    (Who::Admin, "/admin/rooms"),
    (Who::Admin, "/admin/accounts"),
    (Who::Admin, "/admin/centre"),
    (Who::Admin, "/admin/audit"),
    (Who::Admin, "/confirm/close-account/{account}"),
    (Who::Admin, "/admin/outcomes"),
    (Who::Worker, "/staff/participants/{participant}/outcomes"),
    (Who::Worker, "/staff/report"),
    (
        Who::Worker,
        "/staff/report?period=dates&from={past_day}&to={past_day}&share=1",
    ),
    (Who::Partner, "/partner/report"),
];
