//! One pass over a campaign's text: parse it, read `[campaign]` first, the tasks as they
//! come (when streamed), then everything else, and build the campaign or reject the file.

use chrono::NaiveDate;

use super::entry::Entry;
use super::people::Directory;
use super::refs::Ids;
use super::report::Findings;
use super::tasks::TaskReader;
use super::{
    Loaded, Rejected, TOP_KEYS, Today, campaign, conflicts, records, rejected, schema_ok,
    syntax_error,
};
use crate::domain::{Campaign, CampaignInfo, StatusSpelling};
use crate::i18n::Text;
use crate::store::tree::{Builder, Item, Parsed, Pieces, Table, TreeError};

/// Reads and checks the whole text; tasks as they complete when `stream`. `None` when a
/// streamed read finds the file adding to what it read early (then read it without `stream`).
pub(super) fn read_all<'a>(
    text: &'a str,
    today: Today,
    f: Findings<'a>,
    pieces: Pieces<'a>,
    stream: bool,
) -> Option<Result<Loaded, Rejected>> {
    let mut builder = Builder::new(text, "tasks", pieces);
    if !stream {
        builder.keep_elements();
    }
    let mut pass = Pass {
        f,
        ids: Ids::default(),
        reader: TaskReader::default(),
        directory: Directory::default(),
        head: None,
        waiting: Vec::new(),
    };
    match pass.parse(&mut builder, today, stream) {
        Ok((parsed, head)) => Some(pass.finish(parsed, head, stream)),
        Err(Stop::Late) => None,
        Err(Stop::Syntax(err)) => Some(Err(syntax_error(text, err, pass.f))),
        Err(Stop::NoHead) => Some(Err(rejected(pass.f))),
    }
}

/// What is read so far in one pass.
struct Pass<'a> {
    f: Findings<'a>,
    ids: Ids,
    reader: TaskReader,
    directory: Directory,
    head: Option<Head>,
    /// Tasks wait here only while `[campaign]` is still unread (it usually comes first).
    waiting: Vec<Item<'a>>,
}

/// Why a pass stopped before the end.
enum Stop {
    /// The text is not TOML.
    Syntax(TreeError),
    /// The format version is wrong: nothing else can be read.
    NoHead,
    /// The file adds to what a streamed read took as complete.
    Late,
}

impl<'a> Pass<'a> {
    /// Parses to the end, reading the head as soon as it is complete and streamed tasks
    /// once the head is read.
    fn parse(
        &mut self,
        builder: &mut Builder<'a>,
        today: Today,
        stream: bool,
    ) -> Result<(Parsed<'a>, Head), Stop> {
        loop {
            let more = builder.step().map_err(Stop::Syntax)?;
            if builder.late() {
                return Err(Stop::Late);
            }
            self.waiting.extend(builder.take_streamed());
            let ready =
                stream && !self.waiting.is_empty() && builder.root().contains_key("campaign");
            if self.head.is_none() && ready {
                let head = self.read_head(builder.root(), today)?;
                self.head = Some(head);
                builder.freeze(&["campaign", "categories", "units", "people"]);
            }
            self.read_waiting();
            if !more {
                break;
            }
        }
        let parsed = builder.finish().map_err(Stop::Syntax)?;
        self.waiting.extend(builder.take_streamed());
        let head = match self.head.take() {
            Some(h) => h,
            None => self.read_head(&parsed.root, today)?,
        };
        Ok((parsed, head))
    }

    /// The tasks waiting for the head, read once it is.
    fn read_waiting(&mut self) {
        if let Some(Head {
            info: Some(info),
            today,
        }) = &self.head
        {
            for item in self.waiting.drain(..) {
                read_streamed_task(
                    &mut self.reader,
                    &mut self.f,
                    &mut self.ids,
                    &item,
                    info,
                    *today,
                );
            }
        }
    }

    /// `NoHead` when the format version is wrong (nothing else can be read).
    fn read_head(&mut self, root: &Table, today: Today) -> Result<Head, Stop> {
        let root = Entry::new(root, Some(0..0), Text::new("文件", "file"), TOP_KEYS);
        if !schema_ok(&root, &mut self.f) {
            return Err(Stop::NoHead);
        }
        let info = campaign::read_campaign(&root, &mut self.f, &mut self.ids);
        self.directory
            .read(&root, &mut self.f, &mut self.ids, false);
        let zone = info
            .as_ref()
            .map_or(crate::domain::Zone::Local, |i| i.timezone);
        let today = today.resolve(&zone);
        Ok(Head { info, today })
    }

    /// Reads everything after the head and the tasks, checks the references, and builds the
    /// campaign, or rejects the file with every finding.
    fn finish(mut self, parsed: Parsed<'a>, head: Head, stream: bool) -> Result<Loaded, Rejected> {
        let today = head.today;
        let root = Entry::new(
            &parsed.root,
            Some(0..0),
            Text::new("文件", "file"),
            TOP_KEYS,
        );
        let f = &mut self.f;
        let ids = &mut self.ids;
        let rules = campaign::read_rules(&root, f);
        self.directory.read(&root, f, ids, true);
        if let Some(info) = &head.info {
            for item in self.waiting.drain(..) {
                read_streamed_task(&mut self.reader, f, ids, &item, info, today);
            }
            let handed_out = stream
                && parsed
                    .root
                    .get("tasks")
                    .and_then(Item::as_array_of_tables)
                    .is_some();
            if !handed_out {
                // Kept in the tree, or `tasks = [ { .. } ]` (read, though not editable in place).
                for table in root.tables(f, "tasks") {
                    self.reader.read(f, ids, table, info, today);
                }
            }
        }
        let mut spelling = StatusSpelling::default();
        let tasks = self.reader.finish(&mut spelling);
        let commitments = records::read_commitments(&root, f, ids, today);
        let reviews = records::read_reviews(&root, f, ids);
        let conflicts = conflicts::read_conflicts(&root, f, ids);
        root.finish(f);
        if head.info.is_none() {
            // Without a readable [campaign] the tasks were not read.
            ids.forget_refs_to(super::refs::IdKind::Task);
        }
        self.ids.check(f);
        match head.info {
            Some(info) if !self.f.has_errors() => {
                let campaign = Campaign {
                    info,
                    rules,
                    categories: self.directory.categories,
                    units: self.directory.units,
                    people: self.directory.people,
                    tasks,
                    commitments,
                    reviews,
                    conflicts,
                    status_spelling: spelling,
                };
                Ok(Loaded {
                    campaign,
                    layout: parsed.layout,
                    today,
                    warnings: self.f.into_sorted(),
                })
            }
            _ => Err(rejected(self.f)),
        }
    }
}

/// What must be known before tasks can be read: the format version is right, the campaign's
/// dates and zone, and so "today". The categories, units and people written so far are read
/// with it, so the tasks' references to them are checked as they are read.
struct Head {
    info: Option<CampaignInfo>,
    today: NaiveDate,
}

fn read_streamed_task(
    reader: &mut TaskReader,
    f: &mut Findings,
    ids: &mut Ids,
    item: &Item,
    info: &CampaignInfo,
    today: NaiveDate,
) {
    if let Some(table) = item.as_table() {
        reader.read(f, ids, (table, Some(item.span.clone())), info, today);
    }
}
