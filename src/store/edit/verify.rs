//! What an edit adds must name what the file has: a person id in `[[people]]`, a unit id in
//! `[[units]]`. Checked before the edit, so a wrong `author` is refused with the list to
//! choose from instead of writing a file that no one can open.

use crate::domain::Campaign;
use crate::i18n::Text;
use crate::store::file::Refusal;
use crate::tr;

/// How many people a refusal on the board lists (a status line is one line).
const SHOWN: usize = 8;

/// `Ok` when `id` is a person of the campaign.
pub(crate) fn person(campaign: &Campaign, id: &str) -> Result<(), Refusal> {
    if campaign.people.iter().any(|p| p.id == id) {
        return Ok(());
    }
    let id = crate::sanitize::inert(id);
    let list = people(campaign, SHOWN);
    Err(Refusal(if campaign.people.is_empty() {
        tr!(
            "人员 `{id}` 不在本活动的 [[people]] 中,而活动还没有任何人员;请先在文件中添加 [[people]],再把配置中的 author 设为其编号",
            "person `{id}` is not in this campaign's [[people]], which lists no one yet; add [[people]] to the file, then set `author` in the config to an id"
        )
    } else {
        Text::new(
            format!(
                "人员 `{id}` 不在本活动的 [[people]] 中,未修改;请把配置中的 author(或命令行 --by)设为其中之一:{}",
                list.zh
            ),
            format!(
                "person `{id}` is not in this campaign's [[people]]; nothing changed; set `author` in the config (or --by) to one of: {}",
                list.en
            ),
        )
    }))
}

/// `Ok` when `id` is a unit of the campaign.
pub(crate) fn unit(campaign: &Campaign, id: &str) -> Result<(), Refusal> {
    if campaign.units.iter().any(|u| u.id == id) {
        return Ok(());
    }
    let id = crate::sanitize::inert(id);
    Err(Refusal(tr!(
        "单位 `{id}` 不在本活动的 [[units]] 中,未修改",
        "unit `{id}` is not in this campaign's [[units]]; nothing changed"
    )))
}

/// `li_mx 李明轩, zhao_dh 赵德海, …`: the first `limit` people (all when `limit` is 0).
pub(crate) fn people(campaign: &Campaign, limit: usize) -> Text {
    let all = campaign.people.len();
    let shown = if limit == 0 { all } else { limit.min(all) };
    let list: Vec<String> = campaign.people[..shown]
        .iter()
        .map(|p| {
            let name = crate::sanitize::inert(&p.name);
            format!("{} {name}", p.id)
        })
        .collect();
    let list = list.join(", ");
    let more = all - shown;
    if more == 0 {
        Text::same(list)
    } else {
        tr!("{list} 等(另有 {more} 人)", "{list} and {more} more")
    }
}
