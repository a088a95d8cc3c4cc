//! Pieces of view that idea pages, vote pages and workshop forms share.

use leptos::prelude::*;

use super::{DESCRIPTION_MAX, Pictogram, TITLE_MAX, Theme};
use crate::{
    i18n::{Locale, use_locale},
    ui::raw_text::raw_text,
};

/// A theme's picture, title and words, as a heading and text.
pub fn theme_summary(locale: Locale, theme: &Theme) -> impl IntoView + use<> {
    let written = locale.content_lang();
    let description = (!theme.description.is_empty()).then(|| {
        let text = theme.description.clone();
        view! { <p lang=written>{text}</p> }
    });
    view! {
        <h3 class="theme-title">
            <span class="tile-picto" aria-hidden="true">{theme.pictogram.symbol()}</span>
            <span lang=written>{theme.title.clone()}</span>
        </h3>
        <p class="hint">{locale.t(&theme.pictogram.label_key())}</p>
        {description}
    }
}

/// A choice of pictogram: large tiles, each a picture and its word, as radio buttons.
#[component]
pub fn PictogramPicker(selected: Option<Pictogram>, id_prefix: String) -> impl IntoView {
    let locale = use_locale();
    let options = Pictogram::ALL
        .into_iter()
        .map(|picto| {
            let id = format!("{id_prefix}-{}", picto.key());
            view! {
                <div class="picto-option">
                    <input
                        type="radio"
                        name="pictogram"
                        id=id.clone()
                        value=picto.key()
                        checked=selected == Some(picto)
                        required
                    />
                    <label for=id>
                        <span class="tile-picto" aria-hidden="true">{picto.symbol()}</span>
                        <span>{locale.t(&picto.label_key())}</span>
                    </label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="picto-picker">
            <legend>{locale.t("themes.field_pictogram")}</legend>
            {options}
        </fieldset>
    }
}

/// The title and description fields of a theme form.
#[component]
pub fn ThemeFields(title: String, description: String, id_prefix: String) -> impl IntoView {
    let locale = use_locale();
    let title_id = format!("{id_prefix}-title");
    let hint_id = format!("{id_prefix}-title-hint");
    let description_id = format!("{id_prefix}-description");
    view! {
        <label for=title_id.clone()>{locale.t("themes.field_title")}</label>
        <input
            id=title_id
            name="title"
            type="text"
            required
            maxlength=TITLE_MAX.to_string()
            value=title
            aria-describedby=hint_id.clone()
        />
        <p id=hint_id class="hint">{locale.t("themes.title_hint")}</p>
        <label for=description_id.clone()>{locale.t("themes.field_description")}</label>
        <textarea id=description_id name="description" rows="3" maxlength=DESCRIPTION_MAX.to_string()>
            {raw_text(&description)}
        </textarea>
    }
}
