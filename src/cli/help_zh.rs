//! The command line's help in Chinese: clap's texts replaced, argument by argument.

use clap::{Arg, ArgAction, Command};

const ABOUT: &str = "百日攻坚看板:在终端里管理百日攻坚活动的任务、节点、红黄绿灯和擂台榜";

/// Help for each argument id, wherever it appears.
const ARGS: &[(&str, &str)] = &[
    ("lang", "界面语言:zh 或 en(默认按系统语言环境)"),
    ("file", "活动文件"),
    ("today", "以此日期(YYYY-MM-DD)为“今天”,默认为活动时区的今天"),
    ("config", "使用此配置文件,而不是默认位置的配置"),
    (
        "no_color",
        "不使用颜色(同 NO_COLOR):选中项和灯色靠反显、粗体和符号区分",
    ),
    (
        "ascii",
        "用 ASCII 字符画边框和符号(适用于制表符显示为双宽的字体)",
    ),
    (
        "format",
        "输出格式:json(计算结果)、markdown、csv、text(可直接粘贴到工作群的文字简报;加 --view 则为该视图的编号纯文本)、xlsx(Excel 工作簿,每个视图一张表;须加 --out)",
    ),
    ("task", "任务编号"),
    (
        "status",
        "状态:英文键或中文(未启动 推进中 受阻 待销号 已销号)",
    ),
    ("milestone", "节点:序号(从1起)或节点编号"),
    ("undo", "取消勾选"),
    (
        "text",
        "内容(记录、承诺、督办或问题;follow-up 默认写明连续红灯的节点)",
    ),
    ("problem", "问题编号(如 T03-P2)"),
    ("sponsor", "只列该领导包保的任务(人员编号)"),
    (
        "light",
        "只列该灯色的任务:red 红、yellow 黄、green 绿、done 已销号",
    ),
    ("overdue", "只列已超时限且未完成的任务"),
    ("result", "解决结果(列入成果清单)"),
    ("blocking", "该问题是堵点(阻碍任务推进)"),
    (
        "field",
        "字段:progress 进度(0–100)、priority 优先级(1–3)、deadline 完成时限、start 开始日期、title 名称、short 简称、category 分类、leader 包保领导、lead_unit 牵头单位、owner 责任人、investment 投资、target 目标",
    ),
    ("value", "新值(可选字段写 \"\" 即删除)"),
    ("title", "任务名称"),
    ("category", "分类编号;report 中只列该分类的任务"),
    ("lead_unit", "牵头单位(单位编号)"),
    ("deadline", "完成时限(YYYY-MM-DD)"),
    ("start", "开始日期(YYYY-MM-DD),默认今天"),
    ("leader", "包保领导(人员编号)"),
    ("owner", "责任人(人员编号)"),
    (
        "milestones",
        "节点,写成 标题@日期(如 \"完成征收@2026-09-01\");可重复",
    ),
    ("by", "记录人(人员编号)"),
    ("shell", "shell 类型:bash、zsh 或 fish"),
    ("checkpoint", "攻坚节点序号(默认为今天之前最近的一个)"),
    (
        "view",
        "报告内容:board 总览、standup 站会、leaderboard 擂台榜、weekly 本周、summary 总结、ledger 台账(markdown/csv 默认 board;text 不加则为简报;xlsx 不加则六张表都有)",
    ),
    (
        "out",
        "写入此普通文件,而不是标准输出(`-` 即标准输出);不能是活动文件或其备份;xlsx 必须指定",
    ),
    ("n", "要恢复的备份序号(见列表)"),
    ("seconds", "每页停留秒数(默认为配置中的 present_seconds)"),
    ("bom", "CSV 以 UTF-8 BOM 开头,便于 Excel 打开"),
    (
        "kind",
        "publish:竞赛(两周一竞赛)或 督评(一月一督评);problem:问题类型(派单、督办、资金、用地……)",
    ),
    ("note", "备注"),
    (
        "unit",
        "单位编号:pledge 为作出承诺的单位;follow-up、problem 为责任单位(follow-up 默认牵头单位);report 中只列该单位牵头的任务",
    ),
    (
        "due",
        "期限(YYYY-MM-DD):承诺期限、督办或问题的整改限期(承诺和督办默认为下一个攻坚节点)",
    ),
    ("kept", "把第 N 条承诺(按文件顺序,从1起)标为已践诺"),
    ("broken", "把第 N 条承诺(按文件顺序,从1起)标为未践诺"),
    ("base", "共同祖先版本(git 的 %O)"),
    ("ours", "本方版本(git 的 %A),合并结果写回这里"),
    ("theirs", "对方版本(git 的 %B)"),
    ("path", "文件在仓库中的路径(git 的 %P),用于提示"),
    ("help", "显示帮助"),
    ("version", "显示版本"),
];

const SUBCOMMANDS: &[(&str, &str)] = &[
    ("check", "检查活动文件:列出每个错误和警告及其行号、列号"),
    ("report", "输出计算结果:倒计时、红黄绿灯及原因、擂台榜"),
    ("move", "把任务移到某个状态(遵守销号规则)"),
    ("tick", "勾选节点(序号或编号);--undo 取消勾选"),
    ("note", "在任务记录中追加一条"),
    (
        "pledge",
        "记录单位的承诺(承诺践诺),或在督评时把第 N 条承诺标为已践诺/未践诺",
    ),
    (
        "follow-up",
        "下达督办:为任务登记一条 督办 类问题(责任单位、整改限期、督办人 --by)",
    ),
    ("problem", "为任务登记问题(问题清单),输出新问题的编号"),
    ("resolve", "解决问题并写明结果(列入成果清单)"),
    (
        "set",
        "修改任务的一个字段:进度、优先级、时限、开始日期、名称、简称、分类、包保领导、牵头单位、责任人、投资、目标",
    ),
    ("add", "新增任务(开始日期默认今天),输出新任务的编号"),
    ("new", "写一个带注释的活动模板(第1天为今天),可直接通过检查"),
    (
        "restore",
        "列出活动文件的带时间戳备份(新的在前),或恢复第 N 份",
    ),
    (
        "present",
        "大屏展示模式:只读,大字倒计时、擂台榜和红灯清单轮播",
    ),
    (
        "publish",
        "发布擂台榜:把某个攻坚节点的排名冻结写入 [[reviews]](默认为最近一个已过的节点)",
    ),
    (
        "sync",
        "通过 git 同步:提交本机修改、拉取、按任务合并、推送(首次使用时自动设置仓库)",
    ),
    (
        "merge-driver",
        "git 合并驱动(%O %A %B %P):按任务和字段合并,结果写入本方文件",
    ),
    ("completions", "输出 shell 补全脚本:bash、zsh 或 fish"),
    ("man", "输出 man 手册页"),
    ("help", "显示帮助"),
];

const TEMPLATE: &str = "{about-with-newline}\n用法:{usage}\n\n{all-args}{after-help}";

fn localize_args(mut cmd: Command) -> Command {
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        if let Some((_, zh)) = ARGS.iter().find(|(k, _)| *k == id) {
            cmd = cmd.mut_arg(id.as_str(), |a| {
                let help = with_values(&a, zh);
                let a = a.help(help).help_heading("参数与选项");
                if a.get_action().takes_values() {
                    a.hide_possible_values(true).hide_default_value(true)
                } else {
                    a
                }
            });
        } else {
            cmd = cmd.mut_arg(id.as_str(), |a| a.help_heading("参数与选项"));
        }
    }
    let help = Arg::new("help")
        .short('h')
        .long("help")
        .action(ArgAction::Help)
        .help("显示帮助")
        .help_heading("参数与选项");
    cmd.disable_help_flag(true)
        .arg(help)
        .help_template(TEMPLATE)
}

/// `zh`, then the choices and default clap would have listed in English (`[possible values:
/// …]`, with English notes on each value), in Chinese.
fn with_values(arg: &Arg, zh: &str) -> String {
    let mut help = zh.to_owned();
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_owned())
        .collect();
    let takes_value = arg.get_action().takes_values();
    if takes_value && !values.is_empty() && !zh.contains(values[0].as_str()) {
        help.push_str(&format!(" [可选值:{}]", values.join("、")));
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if takes_value && !defaults.is_empty() {
        help.push_str(&format!(" [默认:{}]", defaults.join("、")));
    }
    help
}

/// The same command line, explained in Chinese.
pub(crate) fn localize(cmd: Command) -> Command {
    let version = Arg::new("version")
        .short('V')
        .long("version")
        .action(ArgAction::Version)
        .help("显示版本");
    let cmd = cmd.disable_version_flag(true).arg(version);
    let mut cmd = localize_args(
        cmd.about(ABOUT)
            .subcommand_help_heading("命令")
            .disable_help_subcommand(true),
    );
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in names {
        let about = SUBCOMMANDS
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| *v);
        cmd = cmd.mut_subcommand(name.as_str(), |sub| {
            let sub = localize_args(sub);
            match about {
                Some(text) => sub.about(text),
                None => sub,
            }
        });
    }
    cmd
}
