//! The vocabulary of the app: every key, the help screen and `update` speak in actions.

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
    MoveNext,
    MovePrevious,
    Open,
    Close,
    Quit,
    Help,
    Save,
    /// Answers to a yes/no question.
    Yes,
    No,
    /// The clock moved to a new second (or a new day).
    Tick,
    Resize,
}

impl Action {
    /// The actions a user can bind, in help-screen order.
    pub const BINDABLE: [Action; 14] = [
        Action::Up,
        Action::Down,
        Action::Left,
        Action::Right,
        Action::First,
        Action::Last,
        Action::MoveNext,
        Action::MovePrevious,
        Action::Open,
        Action::Close,
        Action::Save,
        Action::Help,
        Action::Quit,
        Action::Yes,
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
            Action::MoveNext => "move_right",
            Action::MovePrevious => "move_left",
            Action::Open => "open",
            Action::Close => "close",
            Action::Quit => "quit",
            Action::Help => "help",
            Action::Save => "save",
            Action::Yes => "yes",
            Action::No => "no",
            Action::Tick => "tick",
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
            Action::Up => Text::new("上一张卡片", "previous card"),
            Action::Down => Text::new("下一张卡片", "next card"),
            Action::Left => Text::new("左一列", "column to the left"),
            Action::Right => Text::new("右一列", "column to the right"),
            Action::First => Text::new("本列第一张", "first card of the column"),
            Action::Last => Text::new("本列最后一张", "last card of the column"),
            Action::MoveNext => Text::new("卡片移到下一状态", "move the card to the next status"),
            Action::MovePrevious => {
                Text::new("卡片移到上一状态", "move the card to the previous status")
            }
            Action::Open => Text::new("查看详情", "open the details"),
            Action::Close => Text::new("关闭当前视图", "close the view"),
            Action::Quit => Text::new(
                "关闭视图 / 在看板上退出",
                "close the view / quit from the board",
            ),
            Action::Help => Text::new("帮助(本页)", "help (this screen)"),
            Action::Save => Text::new("保存", "save"),
            Action::Yes => Text::new("确认", "confirm"),
            Action::No => Text::new("取消", "cancel"),
            Action::Tick => Text::new("时钟", "clock"),
            Action::Resize => Text::new("窗口大小变化", "window resized"),
        }
    }
}
