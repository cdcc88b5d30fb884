//! The default bindings, the table the help screen documents.

use crossterm::event::KeyCode;

use super::{Key, Keymap};
use crate::app::action::Action;

impl Default for Keymap {
    fn default() -> Self {
        use KeyCode::*;
        let bindings = vec![
            (Action::Up, vec![Key::plain(Up), Key::char('k')]),
            (
                Action::Down,
                vec![Key::plain(Down), Key::char('j'), Key::char(' ')],
            ),
            (Action::Left, vec![Key::plain(Left), Key::char('h')]),
            (Action::Right, vec![Key::plain(Right), Key::char('l')]),
            (Action::First, vec![Key::char('g'), Key::plain(Home)]),
            (Action::Last, vec![Key::char('G'), Key::plain(End)]),
            (Action::PageUp, vec![Key::plain(PageUp)]),
            (Action::PageDown, vec![Key::plain(PageDown)]),
            (Action::MoveNext, vec![Key::char('>'), Key::char('L')]),
            (Action::MovePrevious, vec![Key::char('<'), Key::char('H')]),
            (Action::SetStatus, vec![Key::char('M')]),
            (Action::Open, vec![Key::plain(Enter)]),
            (Action::Close, vec![Key::plain(Esc)]),
            (Action::Note, vec![Key::char('n')]),
            (Action::Tick, vec![Key::char('x')]),
            (Action::Problem, vec![Key::char('b')]),
            (Action::Resolve, vec![Key::char('r')]),
            (Action::Progress, vec![Key::char('%')]),
            (Action::Priority, vec![Key::char('p')]),
            (Action::Override, vec![Key::char('o')]),
            (Action::AddTask, vec![Key::char('a')]),
            (Action::Edit, vec![Key::char('e')]),
            (Action::Delete, vec![Key::char('d')]),
            (Action::AddMilestone, vec![Key::char('m')]),
            (Action::BackSchedule, vec![Key::char('B')]),
            (Action::SortMilestones, vec![Key::char('S')]),
            (Action::Undo, vec![Key::char('u')]),
            (
                Action::Redo,
                vec![Key {
                    code: Char('r'),
                    ctrl: true,
                }],
            ),
            (Action::Search, vec![Key::char('/')]),
            (Action::Jump, vec![Key::char(':')]),
            (Action::Filter, vec![Key::char('f')]),
            (Action::ClearFilter, vec![Key::char('F')]),
            (Action::SwitchView, vec![Key::char('v')]),
            (Action::Sort, vec![Key::char('O')]),
            (Action::ShowBoard, vec![Key::char('1')]),
            (Action::ShowStandup, vec![Key::char('2')]),
            (Action::ShowLeaderboard, vec![Key::char('3')]),
            (Action::ShowWall, vec![Key::char('4')]),
            (Action::ShowLedger, vec![Key::char('5')]),
            (Action::NextView, vec![Key::plain(Tab)]),
            (Action::Publish, vec![Key::char('P')]),
            (Action::Pledge, vec![Key::char('c')]),
            (Action::CheckPledge, vec![Key::char('K')]),
            (Action::FollowUp, vec![Key::char('D')]),
            (Action::Review, vec![Key::char('R')]),
            (Action::Export, vec![Key::char('E')]),
            (Action::Sync, vec![Key::char('Y')]),
            (
                Action::Redraw,
                vec![Key {
                    code: Char('l'),
                    ctrl: true,
                }],
            ),
            (Action::Save, vec![Key::char('s')]),
            (Action::Help, vec![Key::char('?')]),
            (
                Action::Quit,
                vec![
                    Key::char('q'),
                    Key {
                        code: Char('c'),
                        ctrl: true,
                    },
                ],
            ),
            (Action::Yes, vec![Key::char('y')]),
            (Action::No, vec![Key::char('N')]),
        ];
        Keymap { bindings }
    }
}
