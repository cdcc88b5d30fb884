//! Keys while a form is open: typing, moving between fields, drop-downs, submitting.

use super::*;

pub(super) fn form_input(model: &mut Model, action: Action) -> Vec<Effect> {
    let Mode::Form(form) = &mut model.mode else {
        return Vec::new();
    };
    let key = match action {
        Action::Type(c) => {
            form.type_char(c);
            return Vec::new();
        }
        Action::Field(key) => key,
        _ => return Vec::new(),
    };
    match form.key(key, &model.store.campaign) {
        Some(false) => {
            model.take_form();
            review::form_closed(model, false);
        }
        Some(true) => {
            let Some(values) = form.check(&model.store.campaign) else {
                return Vec::new();
            };
            let purpose = form.purpose.clone();
            match verbs::submit(model, purpose, &values) {
                Ok(effects) => {
                    if model.form().is_none() {
                        review::form_closed(model, true);
                    }
                    return effects;
                }
                Err(why) => {
                    if let Some(form) = model.form_mut() {
                        form.error = Some((form.focus, why));
                    }
                }
            }
        }
        None => {}
    }
    Vec::new()
}
