//! The app's state: the open file, what is derived from it, and where the user is.

use chrono::NaiveDate;

use super::lanes::{Filter, Lanes};
use super::sort::Sort;
use super::state::inbox::Inbox;
use super::state::places::{Hold, LeaderboardState, LedgerView};
use crate::domain::Campaign;
use crate::i18n::{Lang, Text};
use crate::store::edit::splice::Change;
use crate::store::file::CampaignFile;

pub use super::derived::Derived;
pub use super::message::Tone;
pub(crate) use super::message::{Message, Offer};
pub(crate) use super::state::mode::{Mode, Picker, Present, WhoAsk};
pub use super::state::mode::{PickerMode, View};

/// Everything the screen shows is a function of this.
pub struct Model {
    /// The open file: only the store changes it, through [`CampaignFile::apply`] and the
    /// store worker's saves; the app reads the campaign from it.
    pub(in crate::app) store: CampaignFile,
    pub derived: Derived,
    pub today: NaiveDate,
    /// `--today` given: the date does not roll over.
    pub today_pinned: bool,
    pub lang: Lang,
    pub view: View,
    pub lanes: Lanes,
    pub filter: Option<Filter>,
    /// The order of cards within each column.
    pub sort: Sort,
    /// The focused column.
    pub column: usize,
    /// Swimlanes hold still under the mouse: after a click, centred on the lane they were
    /// centred on; the focused lane is centred again once it moves by other means.
    pub(crate) lanes_held: Option<Hold>,
    /// Scrolled columns hold still under the mouse: after a click on a card, (the column, its
    /// cards scrolled for the row they were scrolled for); a column scrolls to its selected
    /// card again once that moves by other means.
    pub(crate) cards_held: Vec<(usize, Hold)>,
    /// The selected row in each column.
    pub rows: Vec<usize>,
    /// The detail view's cursor: a row of `detail_doc::document` (a milestone or problem
    /// row is what `x`, `r`, `e` and `d` act on).
    pub(crate) detail_row: usize,
    /// The view Esc in the details goes back to (the board, the stand-up, the wall chart).
    pub(crate) detail_from: View,
    pub(crate) help_scroll: usize,
    pub message: Option<Message>,
    pub autosave: bool,
    /// Who notes and sign-offs are recorded as (a person id).
    pub author: Option<String>,
    /// No `author` in the config: the first edit asks who is editing.
    pub ask_author: bool,
    /// What owns the keys now: the view, a form, a list, a question, the hall screen.
    pub(crate) mode: Mode,
    pub leaderboard: LeaderboardState,
    pub standup: super::standup::Standup,
    pub wall: super::wall::WallState,
    pub(crate) ledger: LedgerView,
    /// The review meeting's flow while it runs: kept beside the mode, as the forms it opens
    /// take the keys while it waits.
    pub review: Option<super::review::ReviewFlow>,
    /// Who else has the board open (`user@host`).
    pub(crate) others: Vec<String>,
    /// The conflicts of the last save, while the user decides.
    pub conflicts: Vec<crate::store::merge::Conflict>,
    /// The conflicts asked about are the file's `[[conflicts]]` records (a git merge's),
    /// not a save's.
    pub(crate) conflicts_recorded: bool,
    /// The highlighted line of the conflict list (`m`/`t` settle it).
    pub(crate) conflict_pick: usize,
    /// The names a record's `by`/`kept_by` may give this reader: the git user, the
    /// config's author and that person's name. A record made by the other laptop's merge
    /// names the reader as `by`: its "theirs" is then the reader's own value.
    pub me: Vec<String>,
    /// In a git repository: what waits for `bairi sync` (set by the shell).
    pub unsynced: Option<crate::sync::status::Unsynced>,
    /// Each edit of the session as the bytes it changed, newest last.
    pub undo: Vec<Change>,
    pub redo: Vec<Change>,
    /// A save is with the store worker: edits wait for it, everything else is answered.
    pub(crate) saving: bool,
    /// A sync is on its way, or what it brought in is still to be read: its summary stays on
    /// the status line rather than "changed elsewhere".
    pub(crate) syncing: bool,
    /// A sync runs now (on its own thread): Esc on the board cancels it.
    pub(crate) sync_running: bool,
    /// The keys, the mouse's last frame, and input waiting for the save in flight.
    pub(in crate::app) inbox: Inbox,
}

/// How many edits can be undone.
pub(crate) const UNDO_DEPTH: usize = 200;

impl Model {
    pub fn new(file: CampaignFile, today: NaiveDate, lang: Lang) -> Model {
        let derived = Derived::compute(&file.campaign, today, Lanes::Status, None);
        let in_progress = crate::domain::Status::InProgress.index();
        let column = if derived.columns[in_progress].tasks.is_empty() {
            derived
                .columns
                .iter()
                .position(|c| !c.tasks.is_empty())
                .unwrap_or(0)
        } else {
            in_progress
        };
        let rows = vec![0; derived.columns.len()];
        // A git merge left fields changed both ways: ask about them first.
        let recorded = if file.campaign.conflicts.is_empty() {
            Vec::new()
        } else {
            crate::store::merge::recorded::list(file.text())
        };
        let view = if recorded.is_empty() {
            View::Board
        } else {
            View::Conflicts
        };
        Model {
            store: file,
            derived,
            today,
            today_pinned: false,
            lang,
            view,
            lanes: Lanes::Status,
            filter: None,
            sort: Sort::File,
            column,
            lanes_held: None,
            cards_held: Vec::new(),
            rows,
            detail_row: 0,
            detail_from: View::Board,
            help_scroll: 0,
            message: None,
            autosave: true,
            author: None,
            ask_author: false,
            mode: Mode::Browse,
            leaderboard: LeaderboardState::default(),
            standup: super::standup::Standup::default(),
            wall: super::wall::WallState::default(),
            ledger: LedgerView::default(),
            review: None,
            conflicts_recorded: !recorded.is_empty(),
            unsynced: None,
            conflicts: recorded,
            conflict_pick: 0,
            me: Vec::new(),
            others: Vec::new(),
            undo: Vec::new(),
            redo: Vec::new(),
            saving: false,
            syncing: false,
            sync_running: false,
            inbox: Inbox::default(),
        }
    }

    pub fn campaign(&self) -> &Campaign {
        &self.store.campaign
    }

    /// The campaign as it stood on the board's today: reviews published later left out.
    pub(crate) fn as_of_today(&self) -> std::borrow::Cow<'_, Campaign> {
        self.store.campaign.as_of(self.today)
    }

    /// The open file, to read (its path, text, whether it is saved) or copy for a save.
    pub fn store(&self) -> &CampaignFile {
        &self.store
    }

    /// The open file, kept when the session ends (to save it or write what was unsaved).
    pub(crate) fn into_store(self) -> CampaignFile {
        self.store
    }

    /// The keys as the user bound them.
    pub(crate) fn use_keymap(&mut self, keymap: super::keymap::Keymap) {
        self.inbox.keymap = keymap;
    }

    /// What each key means.
    pub(crate) fn keymap(&self) -> &super::keymap::Keymap {
        &self.inbox.keymap
    }

    /// What waits for the save in flight, and the keys.
    pub fn inbox(&self) -> &Inbox {
        &self.inbox
    }

    /// From now on the file is shown, never changed.
    pub fn view_only(&mut self) {
        self.store.read_only = true;
    }

    /// The user's settings for this session: today pinned by `--today`, autosave, who is
    /// editing (none: the first edit asks), and the card order.
    pub fn settle_in(&mut self, settings: Settings) {
        self.today_pinned = settings.today_pinned;
        self.autosave = settings.autosave;
        self.ask_author = settings.author.is_none();
        self.me = settings.git_user.into_iter().collect();
        self.author = settings.author;
        if settings.sort != self.sort {
            self.sort = settings.sort;
            self.refresh();
        }
    }

    /// The hall screen: read-only, its pages turning every `seconds`.
    pub fn present(&mut self, seconds: u32) {
        self.view_only();
        self.mode = Mode::Present(Present {
            page: 0,
            shown_for: 0,
            seconds,
        });
    }

    /// Recomputes the derived values after an edit, a new day, new lanes or a new filter,
    /// keeping the selection on the same task where it still shows.
    pub fn refresh(&mut self) {
        let selected = self.selected_id();
        self.store.take_changed();
        self.derived = Derived::compute_sorted(
            &self.store.campaign,
            self.today,
            self.lanes,
            self.filter.as_ref(),
            self.sort,
        );
        self.reselect(selected);
    }

    /// After an edit or a save: only what changed in the file is judged again; when only
    /// some tasks changed in place, only their lights (a tick on a board of 10,000 tasks then
    /// costs a fraction of a millisecond).
    pub(crate) fn refresh_changed(&mut self, changed: crate::store::file::Changed) {
        let list = match changed {
            crate::store::file::Changed::Nothing => return,
            crate::store::file::Changed::All => return self.refresh(),
            crate::store::file::Changed::Tasks(list) => list,
        };
        let selected = self.selected_id();
        self.derived.retake(
            &self.store.campaign,
            &list,
            self.today,
            self.lanes,
            self.filter.as_ref(),
            self.sort,
        );
        self.reselect(selected);
    }

    fn reselect(&mut self, selected: Option<String>) {
        let n = self.derived.columns.len();
        self.rows.resize(n, 0);
        self.column = self.column.min(n.saturating_sub(1));
        for (col, row) in self.rows.iter_mut().enumerate() {
            let len = self.derived.columns[col].tasks.len();
            *row = (*row).min(len.saturating_sub(1));
        }
        if let Some(index) = selected.and_then(|id| self.store.campaign.task_index(&id)) {
            self.select_task(index);
        }
    }

    /// The index (in file order) of the selected task, if the focused column has any.
    pub fn selected(&self) -> Option<usize> {
        let column = self.derived.columns.get(self.column)?;
        column.tasks.get(*self.rows.get(self.column)?).copied()
    }

    /// The selected task's id. Safe between an edit and the refresh that follows it (a
    /// deleted task's index may be past the end then).
    pub fn selected_id(&self) -> Option<String> {
        self.selected()
            .and_then(|i| self.store.campaign.tasks.get(i))
            .map(|t| t.id.clone())
    }

    /// Puts the selection on a task wherever its column is (the focused column first).
    pub fn select_task(&mut self, index: usize) {
        if let Some(row) = self
            .derived
            .columns
            .get(self.column)
            .and_then(|c| c.tasks.iter().position(|&t| t == index))
        {
            self.rows[self.column] = row;
            return;
        }
        for (col, column) in self.derived.columns.iter().enumerate() {
            if let Some(row) = column.tasks.iter().position(|&t| t == index) {
                self.column = col;
                self.rows[col] = row;
                return;
            }
        }
    }

    /// Whether a column of the board shows task `index` (a filter may hide it).
    pub(crate) fn shows_task(&self, index: usize) -> bool {
        self.derived
            .columns
            .iter()
            .any(|c| c.tasks.contains(&index))
    }

    /// Selects task `index`, first clearing the filter when it hides the task.
    pub(crate) fn reveal_task(&mut self, index: usize) {
        if !self.shows_task(index) {
            self.filter = None;
            self.refresh();
        }
        self.select_task(index);
    }

    pub fn say(&mut self, tone: Tone, text: Text) {
        self.say_offering(tone, text, None);
    }

    /// A message with a next step the footer offers after it.
    pub(crate) fn say_offering(&mut self, tone: Tone, text: Text, offer: Option<Offer>) {
        self.message = Some(Message { text, tone, offer });
    }

    /// What an edit did, with `· u 撤销` after it (the key from the keymap).
    pub(crate) fn say_undoable(&mut self, text: Text) {
        self.say_offering(Tone::Info, text, Some(Offer::Undo));
    }
}

/// What the config and the command line say about a session (see [`Model::settle_in`]).
#[derive(Debug, Clone)]
pub struct Settings {
    pub today_pinned: bool,
    pub autosave: bool,
    pub author: Option<String>,
    pub sort: super::sort::Sort,
    /// `git config user.name` where the campaign is in a repository.
    pub git_user: Option<String>,
}
