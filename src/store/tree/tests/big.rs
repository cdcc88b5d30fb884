//! A large TOML text of campaign shape for the tree's tests, written here so that the store's
//! tests need nothing from above the store (`crate::synth` sits above it).

use std::fmt::Write;

/// `tasks` tasks (ids `T00000`, `T00001`, …) with the shapes a campaign uses: dotted and
/// aligned keys, dates, inline tables in arrays, multi-line and literal strings, comments and
/// arrays of tables; varied by `seed`.
pub(crate) fn campaign_shaped(tasks: usize, seed: u64) -> String {
    let mut out = String::from(
        "# 大文件测试\nschema_version = 1\n\n[campaign]\nname = \"测试行动\"\nstart = 2026-09-01\ndays = 100\ntimezone = \"Asia/Shanghai\"\n\n[rules.leaderboard]\nyellow_card_bottom = 2\n\n[[units]]\nid = \"u00\"\nname = \"第0责任单位\"\n\n",
    );
    let mut n = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut next = |below: u64| {
        n ^= n << 13;
        n ^= n >> 7;
        n ^= n << 17;
        n % below
    };
    for t in 0..tasks {
        let day = 1 + next(28);
        let done = next(2) == 0;
        let _ = writeln!(
            out,
            "[[tasks]]\nid = \"T{t:05}\"\ntitle = \"推进第{t}项重点工作\"\ncategory   = \"c{}\"\nlead_unit  = \"u00\"\ndeadline = 2026-11-{day:02}\nstatus = \"推进中\" # 状态\nmilestones = [\n  {{ title = \"第1阶段\", due = 2026-10-{day:02}, done = {done} }},\n  {{ title = \"第2阶段\", due = 2026-11-{day:02}, done = false }},\n]\nnotes = \"\"\"\n第{t}项:已召开专题会议,\n明确责任分工,倒排工期,挂图作战,每周调度一次进展情况。\"\"\"\nsource = 'literal \\ {t}'\n",
            next(5)
        );
        if next(3) == 0 {
            let _ = writeln!(
                out,
                "[[tasks.reviews]]\non = 2026-10-{day:02}\nlight.value = \"red\"\nsaid = \"滞后,需加快进度\"\n"
            );
        }
    }
    out
}
