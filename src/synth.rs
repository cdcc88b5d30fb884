//! Synthetic campaigns of any size, for benchmarks and scale tests: deterministic, valid,
//! shaped like a real file (comments, Chinese text, multi-line arrays of inline tables).

use std::fmt::Write as _;
use std::path::Path;

use chrono::{Days, NaiveDate};

/// A tiny deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

const VERBS: [&str; 8] = [
    "完成", "推进", "开展", "落实", "启动", "实施", "组织", "建成",
];
const THINGS: [&str; 10] = [
    "厂房主体施工",
    "征迁协议签订",
    "管网改造",
    "道路提升工程",
    "变电站建设",
    "安置房腾空",
    "用地报批",
    "设备安装调试",
    "学校扩建",
    "供热管网更换",
];
const CATEGORIES: [&str; 8] = [
    "重点项目",
    "征迁攻坚",
    "要素保障",
    "民生实事",
    "营商环境",
    "产业招商",
    "城市更新",
    "生态治理",
];
const UNITS: usize = 40;
const PEOPLE: usize = 80;

fn date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// A valid format-1 campaign with `tasks` tasks (about 600 bytes each).
pub fn campaign_toml(tasks: usize, seed: u64) -> String {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let start = NaiveDate::from_ymd_opt(2026, 9, 1).unwrap_or_default();
    let today = start + Days::new(60);
    let mut out = String::with_capacity(tasks * 650 + 8192);
    let _ = writeln!(out, "# 合成测试活动:{tasks} 项任务(由 bairi::synth 生成)\n");
    out.push_str(
        "schema_version = 1\n\n[campaign]\nname = \"合成测试百日攻坚行动\"\nshort = \"合成测试\"\n",
    );
    out.push_str("start = 2026-09-01\ndays = 100\ntimezone = \"Asia/Shanghai\"\n\n");
    out.push_str("[rules.leaderboard]\nyellow_card_bottom = 2\n\n");
    for (i, name) in CATEGORIES.iter().enumerate() {
        let _ = writeln!(out, "[[categories]]\nid = \"c{i}\"\nname = \"{name}\"\n");
    }
    for i in 0..UNITS {
        let _ = writeln!(
            out,
            "[[units]]\nid = \"u{i:02}\"\nname = \"第{i}责任单位\"\n"
        );
    }
    for i in 0..PEOPLE {
        let _ = writeln!(
            out,
            "[[people]]\nid = \"p{i:02}\"\nname = \"测试人员{i}\"\nunit = \"u{:02}\"\n",
            i % UNITS
        );
    }
    for t in 0..tasks {
        write_task(&mut out, &mut rng, t, start, today);
    }
    out
}

fn write_task(out: &mut String, rng: &mut Rng, t: usize, start: NaiveDate, today: NaiveDate) {
    let verb = VERBS[rng.below(VERBS.len() as u64) as usize];
    let thing = THINGS[rng.below(THINGS.len() as u64) as usize];
    let deadline = start + Days::new(40 + rng.below(59));
    let count = 2 + rng.below(4);
    let span = (deadline - start).num_days().max(1) as u64;
    let mut dues: Vec<NaiveDate> = (0..count)
        .map(|_| start + Days::new(1 + rng.below(span)))
        .collect();
    dues.sort_unstable();
    let mut all_done = true;
    let mut milestones = String::new();
    for (n, due) in dues.iter().enumerate() {
        let done = *due < today && rng.below(10) < 8;
        all_done &= done;
        let _ = write!(
            milestones,
            "  {{ title = \"第{}阶段{thing}\", due = {}, done = {done}",
            n + 1,
            date(*due)
        );
        if done {
            let on = (*due + Days::new(rng.below(4))).min(today);
            let _ = write!(milestones, ", done_on = {}", date(on));
        }
        milestones.push_str(" },\n");
    }
    let status = match (all_done, rng.below(10)) {
        (true, 0..=4) => "待销号",
        (_, 0) => "未启动",
        (_, 1) => "受阻",
        _ => "推进中",
    };
    let unit = rng.below(UNITS as u64);
    let _ = writeln!(
        out,
        "[[tasks]]\nid = \"T{t:05}\"\ntitle = \"{verb}{thing}(第{t}项)\""
    );
    let _ = writeln!(
        out,
        "category   = \"c{}\"",
        rng.below(CATEGORIES.len() as u64)
    );
    let _ = writeln!(
        out,
        "leader     = \"p{:02}\"\nlead_unit  = \"u{unit:02}\"",
        rng.below(PEOPLE as u64)
    );
    let _ = writeln!(
        out,
        "co_units   = [\"u{:02}\"]\nowner      = \"p{:02}\"",
        (unit + 1) % UNITS as u64,
        rng.below(PEOPLE as u64)
    );
    let _ = writeln!(
        out,
        "status     = \"{status}\"   # 状态\npriority   = {}",
        1 + rng.below(3)
    );
    let _ = writeln!(
        out,
        "investment = {}\ndeadline   = {}\nprogress   = {}",
        100 + rng.below(50_000),
        date(deadline),
        rng.below(101)
    );
    let _ = writeln!(out, "milestones = [\n{milestones}]");
    let day = start + Days::new(rng.below(60));
    let _ = writeln!(
        out,
        "log = [\n  {{ date = {}, by = \"p00\", kind = \"站会\", text = \"{thing}按计划推进,现场协调解决施工问题。\" }},\n]",
        date(day)
    );
    if rng.below(4) == 0 && status != "待销号" {
        let due = start + Days::new(30 + rng.below(60));
        let _ = writeln!(
            out,
            "\n[[tasks.problems]]\nid = \"T{t:05}-P1\"\ntext = \"{thing}涉及审批手续,需协调\"\nkind = \"手续审批\"\nblocking = true\nraised = {}\nowner = \"u{unit:02}\"\ndue = {}\nresolved = false",
            date(start + Days::new(20)),
            date(due)
        );
    }
    out.push('\n');
}

/// Writes a synthetic campaign to `path`.
pub fn write_to(path: &Path, tasks: usize, seed: u64) -> std::io::Result<()> {
    std::fs::write(path, campaign_toml(tasks, seed))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::load::{Today, load_str};

    #[test]
    fn generated_campaigns_are_valid_and_scale() {
        let text = campaign_toml(200, 7);
        let today = Today::Date(NaiveDate::from_ymd_opt(2026, 11, 1).unwrap());
        let loaded = load_str(&text, today)
            .unwrap_or_else(|r| panic!("{:#?}", &r.diagnostics[..3.min(r.diagnostics.len())]));
        assert_eq!(loaded.campaign.tasks.len(), 200);
        assert!(loaded.warnings.is_empty(), "{:#?}", &loaded.warnings[..1]);
        let per_task = (campaign_toml(400, 7).len() - text.len()) / 200;
        assert!((400..900).contains(&per_task), "{per_task} bytes a task");
        assert_eq!(campaign_toml(50, 3), campaign_toml(50, 3));
    }
}
