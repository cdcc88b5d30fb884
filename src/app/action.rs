//! The vocabulary of the app: every key, the help screen and `update` speak in actions.

use super::form::FieldKey;
use crate::i18n::Text;

/// Something the user (or the clock) asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Up,
    Down,
    Left,
    Right,
    First,
    Last,
    /// A page up / down (details, help, a unit's red tasks).
    PageUp,
    PageDown,
    MoveNext,
    MovePrevious,
    /// Choose a status from a list and set it in one step.
    SetStatus,
    Open,
    Close,
    Quit,
    Help,
    Save,
    Note,
    Tick,
    Problem,
    Resolve,
    Progress,
    Priority,
    Override,
    AddTask,
    Edit,
    Delete,
    AddMilestone,
    BackSchedule,
    SortMilestones,
    Undo,
    Redo,
    Search,
    /// `:` and an id: go to that task.
    Jump,
    Filter,
    ClearFilter,
    SwitchView,
    /// The order of cards within columns: file → light → milestone → deadline → progress → id.
    Sort,
    ShowBoard,
    ShowStandup,
    ShowLeaderboard,
    ShowWall,
    /// The ledger (台账): pledges and follow-up orders.
    ShowLedger,
    NextView,
    Publish,
    /// Record a pledge for the unit chosen on the leaderboard.
    Pledge,
    /// Mark the chosen unit's due pledge kept or broken.
    CheckPledge,
    /// Issue a follow-up order (督办) for the selected task.
    FollowUp,
    /// The review meeting (督评会), step by step.
    Review,
    Export,
    Sync,
    /// Draw the whole screen again (Ctrl-L), whatever the terminal shows now.
    Redraw,
    /// Answers to a yes/no question.
    Yes,
    No,
    /// A character typed into a form or a search.
    Type(char),
    /// An editing key in a form or a search.
    Field(FieldKey),
    /// The mouse chose something on screen (a card, a column, a leaderboard row).
    Point(Spot),
    /// The clock moved to a new second (or a new day).
    Clock,
    Resize,
}

impl Action {
    /// The actions a user can bind, in help-screen order.
    pub(crate) const BINDABLE: [Action; 53] = [
        Action::Up,
        Action::Down,
        Action::Left,
        Action::Right,
        Action::First,
        Action::Last,
        Action::PageUp,
        Action::PageDown,
        Action::MoveNext,
        Action::MovePrevious,
        Action::SetStatus,
        Action::Open,
        Action::Close,
        Action::Note,
        Action::Tick,
        Action::Problem,
        Action::Resolve,
        Action::Progress,
        Action::Priority,
        Action::Override,
        Action::AddTask,
        Action::Edit,
        Action::Delete,
        Action::AddMilestone,
        Action::BackSchedule,
        Action::SortMilestones,
        Action::Undo,
        Action::Redo,
        Action::Search,
        Action::Jump,
        Action::Filter,
        Action::ClearFilter,
        Action::SwitchView,
        Action::Sort,
        Action::ShowBoard,
        Action::ShowStandup,
        Action::ShowLeaderboard,
        Action::ShowWall,
        Action::ShowLedger,
        Action::NextView,
        Action::Publish,
        Action::Pledge,
        Action::CheckPledge,
        Action::FollowUp,
        Action::Review,
        Action::Export,
        Action::Sync,
        Action::Redraw,
        Action::Save,
        Action::Help,
        Action::Quit,
        Action::Yes,
        Action::No,
    ];

    /// The name used in the config's `[keys]` table.
    pub fn name(self) -> &'static str {
        match self {
            Action::Up => "up",
            Action::Down => "down",
            Action::Left => "left",
            Action::Right => "right",
            Action::First => "first",
            Action::Last => "last",
            Action::PageUp => "page_up",
            Action::PageDown => "page_down",
            Action::MoveNext => "move_right",
            Action::MovePrevious => "move_left",
            Action::SetStatus => "set_status",
            Action::Open => "open",
            Action::Close => "close",
            Action::Quit => "quit",
            Action::Help => "help",
            Action::Save => "save",
            Action::Note => "note",
            Action::Tick => "tick",
            Action::Problem => "problem",
            Action::Resolve => "resolve",
            Action::Progress => "progress",
            Action::Priority => "priority",
            Action::Override => "light_override",
            Action::AddTask => "add_task",
            Action::Edit => "edit",
            Action::Delete => "delete",
            Action::AddMilestone => "add_milestone",
            Action::BackSchedule => "back_schedule",
            Action::SortMilestones => "sort_milestones",
            Action::Undo => "undo",
            Action::Redo => "redo",
            Action::Search => "search",
            Action::Jump => "jump",
            Action::Sort => "sort_cards",
            Action::Point(_) => "point",
            Action::Filter => "filter",
            Action::ClearFilter => "clear_filter",
            Action::SwitchView => "switch_view",
            Action::ShowBoard => "show_board",
            Action::ShowStandup => "show_standup",
            Action::ShowWall => "show_wall_chart",
            Action::ShowLedger => "show_ledger",
            Action::ShowLeaderboard => "show_leaderboard",
            Action::NextView => "next_view",
            Action::Publish => "publish",
            Action::Pledge => "pledge",
            Action::CheckPledge => "check_pledge",
            Action::FollowUp => "follow_up",
            Action::Review => "review",
            Action::Export => "export",
            Action::Sync => "sync",
            Action::Redraw => "redraw",
            Action::Yes => "yes",
            Action::No => "no",
            Action::Type(_) => "type",
            Action::Field(_) => "field",
            Action::Clock => "clock",
            Action::Resize => "resize",
        }
    }

    /// The action a config name means (`move_right`, `quit`...), among the bindable ones.
    pub fn from_name(name: &str) -> Option<Action> {
        Action::BINDABLE.into_iter().find(|a| a.name() == name)
    }

    /// What it does, for the help screen.
    pub fn describe(self) -> Text {
        match self {
            Action::Up => Text::new("上一张卡片 / 上一项", "previous card / item"),
            Action::Down => Text::new("下一张卡片 / 下一项", "next card / item"),
            Action::Left => Text::new("左一列", "column to the left"),
            Action::Right => Text::new("右一列", "column to the right"),
            Action::First => Text::new("本列第一张", "first card of the column"),
            Action::Last => Text::new("本列最后一张", "last card of the column"),
            Action::PageUp => Text::new(
                "上翻一页(详情、帮助、红灯任务)",
                "page up (details, help, red tasks)",
            ),
            Action::PageDown => Text::new(
                "下翻一页(详情、帮助、红灯任务)",
                "page down (details, help, red tasks)",
            ),
            Action::MoveNext => Text::new("卡片移到下一状态", "move the card to the next status"),
            Action::MovePrevious => {
                Text::new("卡片移到上一状态", "move the card to the previous status")
            }
            Action::SetStatus => Text::new(
                "选择状态,一步设好(只记一条历史)",
                "choose a status and set it in one step (one history line)",
            ),
            Action::Open => Text::new("查看详情", "open the details"),
            Action::Close => Text::new(
                "关闭当前视图 / 取消进行中的同步",
                "close the view / cancel a running sync",
            ),
            Action::Quit => Text::new(
                "关闭视图 / 在看板上退出",
                "close the view / quit from the board",
            ),
            Action::Help => Text::new("帮助(本页)", "help (this screen)"),
            Action::Save => Text::new("保存", "save"),
            Action::Note => Text::new("写一条记录", "add a note"),
            Action::Tick => Text::new(
                "勾选下一个节点(详情中:勾选/取消所选节点)",
                "tick the next milestone (details: the selected one, or untick)",
            ),
            Action::Problem => Text::new("登记问题", "log a problem"),
            Action::Resolve => Text::new("解决所选问题", "resolve the selected problem"),
            Action::Progress => Text::new("填写进度 %", "set progress %"),
            Action::Priority => Text::new("设置优先级", "set priority"),
            Action::Override => Text::new("领导认定灯色", "set a leader's light"),
            Action::AddTask => Text::new("新建任务", "add a task"),
            Action::Edit => Text::new(
                "编辑任务(详情中:编辑所选节点)",
                "edit the task (details: the selected milestone)",
            ),
            Action::Delete => Text::new(
                "删除任务(需确认;详情中:删除所选节点)",
                "delete the task (asks; details: the selected milestone)",
            ),
            Action::AddMilestone => Text::new("添加节点", "add a milestone"),
            Action::BackSchedule => Text::new("倒排工期", "back-schedule milestones"),
            Action::SortMilestones => Text::new("节点按日期排序", "put milestones in date order"),
            Action::Undo => Text::new("撤销", "undo"),
            Action::Redo => Text::new("重做", "redo"),
            other => other.describe_view(),
        }
    }

    /// What a search, view or other action does, for the help screen (the rest of
    /// [`Action::describe`]).
    fn describe_view(self) -> Text {
        match self {
            Action::Search => Text::new(
                "查找任务(输入编号如 T08 直接前往)",
                "find a task (an id such as T08 goes straight there)",
            ),
            Action::Jump => Text::new(
                "按编号跳到任务(t8 即 T08)",
                "go to a task by id (t8 finds T08)",
            ),
            Action::Sort => Text::new(
                "列内排序:灯色、节点、时限、进度、编号、文件顺序轮换",
                "order cards: light, milestone, deadline, progress, id, file in turn",
            ),
            Action::Point(_) => Text::new("鼠标选择", "mouse choice"),
            Action::Filter => Text::new("筛选", "filter"),
            Action::ClearFilter => Text::new("清除筛选", "clear the filter"),
            Action::SwitchView => Text::new(
                "切换:按状态 / 按分类 / 按牵头单位 / 按包保领导",
                "switch: by status / category / lead unit / sponsor",
            ),
            Action::ShowBoard => Text::new("看板", "the board"),
            Action::ShowStandup => Text::new(
                "站会:逐个过红灯、黄灯任务",
                "stand-up: red, then yellow tasks",
            ),
            Action::ShowLeaderboard => Text::new(
                "擂台榜:各节点单位排名、红灯任务、承诺",
                "leaderboard: units by checkpoint, red tasks, pledges",
            ),
            Action::ShowWall => Text::new(
                "挂图作战:任务与节点按日期排开",
                "wall chart: tasks and milestones by date",
            ),
            Action::ShowLedger => Text::new(
                "台账:承诺践诺与督办事项,逐条核查、办结",
                "ledger: pledges and follow-up orders, to check and close",
            ),
            Action::NextView => Text::new("下一个视图", "next view"),
            Action::Publish => Text::new(
                "发布擂台榜(冻结写入文件)",
                "publish the leaderboard (frozen into the file)",
            ),
            Action::Pledge => Text::new(
                "擂台榜上:为所选单位记录承诺(承诺践诺)",
                "leaderboard: record a pledge for the chosen unit",
            ),
            Action::CheckPledge => Text::new(
                "擂台榜上:核查所选单位到期的承诺(践诺/未践诺)",
                "leaderboard: check the chosen unit's due pledge (kept/broken)",
            ),
            Action::FollowUp => Text::new(
                "下达督办(连续三次红灯的任务:督)",
                "issue a follow-up order (a task red at three reviews: FU)",
            ),
            Action::Review => Text::new(
                "督评会:发布、黄牌承诺、核查承诺、督办、简报,逐步进行",
                "review meeting: publish, pledges, checks, follow-ups, briefing, step by step",
            ),
            Action::Export => Text::new(
                "导出当前视图:选 Markdown、文字简报、CSV 或 Excel,写在活动文件旁",
                "export the view: Markdown, text briefing, CSV or Excel, beside the file",
            ),
            Action::Sync => Text::new(
                "同步(git:提交、拉取合并、推送)",
                "sync (git: commit, fetch and merge, push)",
            ),
            Action::Redraw => Text::new("重画整个屏幕", "redraw the whole screen"),
            Action::Yes => Text::new(
                "确认(督评会核查承诺:已践诺)",
                "confirm (review meeting, checking pledges: kept)",
            ),
            Action::No => Text::new(
                "否(督评会核查承诺:未践诺)",
                "no (review meeting, checking pledges: broken)",
            ),
            Action::Type(_) | Action::Field(_) => Text::new("输入", "typing"),
            Action::Clock => Text::new("时钟", "clock"),
            Action::Resize => Text::new("窗口大小变化", "window resized"),
            // Described in `describe`.
            other => Text::same(other.name().to_owned()),
        }
    }
}

/// Something a click can choose (carried by [`Action::Point`]; the screen's map of them is `hits::HitMap`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Spot {
    /// A board column (focus it).
    Column(usize),
    /// A card: its column and its row within the column.
    Card { column: usize, row: usize },
    /// A leaderboard row: the unit's place in the table.
    Unit(usize),
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every action a user can bind says what it does in words, not its config name (the
    /// fallback of `describe_view` for an action neither list describes).
    #[test]
    fn every_bindable_action_is_described() {
        for action in Action::BINDABLE {
            let words = action.describe();
            assert_ne!(words.zh, action.name(), "{action:?}");
            assert!(!words.zh.is_empty(), "{action:?}");
        }
    }
}
