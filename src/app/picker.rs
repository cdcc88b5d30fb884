//! Find (`/`) and filter (`f`): type to narrow a list, Enter to choose.

use super::action::Action;
use super::form::{FieldKey, edit_text};
use super::lanes::Filter;
use super::model::{Model, PickerMode, Tone};
pub(crate) use super::state::mode::Choice;
use crate::domain::Campaign;
use crate::i18n::{Lang, Text};

/// The matching lines for what was typed: tasks by title, short title, id, sponsor and
/// units; or filters by their label. Case-insensitive.
pub fn results(model: &Model, max: usize) -> Vec<(Choice, String)> {
    let Some(picker) = model.picker() else {
        return Vec::new();
    };
    let query = picker.input.text().trim().to_lowercase();
    let campaign = model.campaign();
    match picker.mode {
        PickerMode::Search => campaign
            .tasks
            .iter()
            .enumerate()
            .filter(|(_, t)| query.is_empty() || haystack(campaign, t).contains(&query))
            .take(max)
            .map(|(i, t)| (Choice::Task(i), format!("{} {}", t.id, t.title)))
            .collect(),
        PickerMode::Filter => Filter::all(campaign)
            .into_iter()
            .map(|f| {
                let label = f.label(campaign);
                // A criterion already in the filter: choosing it again takes it off.
                let set = model
                    .filter
                    .as_ref()
                    .is_some_and(|on| on.parts().contains(&&f));
                let mark = if set { "✓ " } else { "" };
                let shown = format!("{mark}{}", label.get(model.lang));
                (f, shown, label)
            })
            .filter(|(_, _, label)| {
                query.is_empty()
                    || label.zh.to_lowercase().contains(&query)
                    || label.en.to_lowercase().contains(&query)
            })
            .take(max)
            .map(|(f, shown, _)| (Choice::Filter(f), shown))
            .collect(),
        PickerMode::Jump => campaign
            .tasks
            .iter()
            .enumerate()
            .filter(|(_, t)| {
                query.is_empty()
                    || t.id.to_lowercase().contains(&query)
                    || super::sort::id_pieces(&t.id) == super::sort::id_pieces(&query)
            })
            .take(max)
            .map(|(i, t)| (Choice::Task(i), format!("{} {}", t.id, t.title)))
            .collect(),
        PickerMode::Status(index) => super::status_choices::lines(model, index, &query)
            .into_iter()
            .take(max)
            .collect(),
        PickerMode::Author => super::who::people(model, &query)
            .into_iter()
            .take(max)
            .map(|(id, line)| (Choice::Person(id), line))
            .collect(),
    }
}

fn haystack(campaign: &Campaign, t: &crate::domain::Task) -> String {
    let mut s = format!("{} {} {}", t.id, t.title, t.short.as_deref().unwrap_or(""));
    if let Some(p) = t.leader.as_deref().and_then(|p| campaign.person(p)) {
        s.push(' ');
        s.push_str(&p.name);
    }
    for u in t.lead_unit.iter().chain(&t.co_units) {
        s.push(' ');
        s.push_str(u);
        if let Some(unit) = campaign.unit(u) {
            s.push(' ');
            s.push_str(&unit.name);
        }
    }
    s.to_lowercase()
}

/// Keys while the list is open.
pub(crate) fn input(model: &mut Model, action: Action) {
    let Some(picker) = model.picker_mut() else {
        return;
    };
    match action {
        Action::Type(c) => {
            picker.input.insert(&c.to_string());
            picker.pick = 0;
        }
        Action::Field(FieldKey::Cancel) => {
            if picker.mode == PickerMode::Author {
                super::who::cancelled(model);
            } else {
                model.browse();
            }
        }
        Action::Field(FieldKey::Down | FieldKey::NextField) => picker.pick += 1,
        Action::Field(FieldKey::Up | FieldKey::PrevField) => {
            picker.pick = picker.pick.saturating_sub(1);
        }
        Action::Field(FieldKey::Submit) => {
            let (pick, mode) = (picker.pick, picker.mode);
            let typed = picker.input.text().to_owned();
            let found = super::jump::find_id(model.campaign(), &typed);
            // The typed id counts until the highlight is moved down the list.
            let by_id = match found {
                super::jump::Found::One(index) if pick == 0 => Some(index),
                _ => None,
            };
            if mode == PickerMode::Jump {
                let listed = results(model, usize::MAX).into_iter().nth(pick);
                model.browse();
                match (by_id, listed) {
                    (Some(index), _) => super::jump::jump(model, index),
                    (None, Some((Choice::Task(index), _)))
                        if pick > 0 || found == super::jump::Found::None =>
                    {
                        super::jump::jump(model, index);
                    }
                    _ => super::jump::jump_to_typed(model, &typed),
                }
                return;
            }
            if let (PickerMode::Search, Some(index)) = (mode, by_id) {
                model.browse();
                super::jump::jump(model, index);
                return;
            }
            let chosen = results(model, usize::MAX).into_iter().nth(pick);
            if mode == PickerMode::Author && chosen.is_none() {
                return;
            }
            // The list of people closes when the person is recorded as chosen.
            if mode != PickerMode::Author {
                model.browse();
            }
            match chosen {
                Some((Choice::Person(id), _)) => super::who::chosen(model, id),
                Some((Choice::Task(index), _)) => model.reveal_task(index),
                // Chosen in `update::status` (it edits); nothing to do here.
                Some((Choice::Status(_), _)) => {}
                Some((Choice::Filter(filter), _)) => {
                    model.filter = Filter::combine(model.filter.take(), filter);
                    model.refresh();
                    match &model.filter {
                        Some(filter) => {
                            let label = filter.label(model.campaign());
                            let (zh, en) = (label.zh, label.en);
                            model.say(Tone::Info, crate::tr!("筛选:{zh}", "filter: {en}"));
                        }
                        None => model.say(Tone::Info, Text::new("已清除筛选", "filter cleared")),
                    }
                }
                None => model.say(
                    Tone::Warning,
                    Text::new("没有匹配的结果", "nothing matches"),
                ),
            }
        }
        Action::Field(key) => {
            edit_text(&mut picker.input, key);
            picker.pick = 0;
        }
        _ => {}
    }
    let count = results(model, usize::MAX).len();
    if let Some(picker) = model.picker_mut() {
        picker.pick = picker.pick.min(count.saturating_sub(1));
    }
}

/// The title of the open list.
pub(crate) fn title(mode: PickerMode, lang: Lang) -> &'static str {
    match (mode, lang) {
        (PickerMode::Jump, Lang::Zh) => "跳到任务:输入编号(如 T08、t8),Enter 前往",
        (PickerMode::Jump, Lang::En) => "Go to a task: type its id (T08, t8), Enter goes there",
        (PickerMode::Author, Lang::Zh) => "你是谁?选择你的名字(记录、销号以此署名;Esc 取消)",
        (PickerMode::Author, Lang::En) => {
            "Who are you? Choose your name (notes and sign-offs carry it; Esc cancels)"
        }
        (PickerMode::Search, Lang::Zh) => "查找任务(名称、简称、编号、包保领导、单位)",
        (PickerMode::Search, Lang::En) => "Find a task (title, short title, id, sponsor, units)",
        (PickerMode::Filter, Lang::Zh) => "筛选(条件可叠加:Enter 加上,✓ 者再选去掉)",
        (PickerMode::Filter, Lang::En) => "Filter (criteria add up: Enter adds, again removes ✓)",
        (PickerMode::Status(_), Lang::Zh) => "设置状态:一步到位,只记一条历史(✗ 不符合销号规则)",
        (PickerMode::Status(_), Lang::En) => {
            "Set the status in one step, one history line (✗: the sign-off rules forbid it)"
        }
    }
}
