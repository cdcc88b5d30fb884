//! The store worker: saves (with their lock waits and merges) and the watch for changes made
//! elsewhere run here, off the thread that answers keys. Each outcome comes back as a
//! [`Done`] for `update` to apply.

use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};

use crate::store::file::{CampaignFile, Noticed, SaveError, WatchPoint};
use crate::store::merge::Keep;
use crate::sync::round::{Outcome, SyncError, SyncOptions};

fn run_sync(
    path: &std::path::Path,
    today: crate::domain::Today,
    lang: crate::i18n::Lang,
) -> Result<Outcome, SyncError> {
    let exe = std::env::current_exe().map_err(|e| SyncError::Git(e.to_string()))?;
    crate::sync::round::sync(&SyncOptions {
        file: Some(path),
        exe,
        today,
        lang,
    })
}

/// Work for the store.
pub enum Job {
    /// Save this copy of the file (the board keeps drawing its own).
    Save {
        file: Box<CampaignFile>,
        keep: Option<Keep>,
        /// The file is in a repository `bairi sync` set up: say afterwards what waits.
        track_sync: bool,
    },
    /// Look for changes made elsewhere since this version.
    Watch(WatchPoint),
    /// What waits to be synced (git is asked; the board opens without waiting for it).
    SyncStatus(std::path::PathBuf),
    /// `bairi sync` on this file: commit, fetch and merge, push.
    Sync {
        path: std::path::PathBuf,
        today: crate::domain::Today,
        lang: crate::i18n::Lang,
    },
}

/// What a job came to.
pub enum Done {
    /// The copy after the save: merged, written and clean when `result` is `Ok`.
    Saved {
        file: Box<CampaignFile>,
        result: Result<(), SaveError>,
        /// What waits to be synced after it (only when the job tracked it).
        unsynced: Option<crate::sync::status::Unsynced>,
    },
    Watched {
        point: WatchPoint,
        noticed: Noticed,
    },
    SyncStatus(Option<crate::sync::status::Unsynced>),
    Synced {
        result: Result<Outcome, SyncError>,
        /// What still waits to be synced afterwards.
        unsynced: Option<crate::sync::status::Unsynced>,
    },
}

/// The worker thread and what is in flight.
pub struct Worker {
    jobs: Sender<Job>,
    done: Receiver<Done>,
    in_flight: usize,
}

impl Worker {
    /// Starts the thread; `wake` is called after each outcome is ready (to wake the main loop).
    pub fn start(wake: impl Fn() + Send + 'static) -> std::io::Result<Worker> {
        let (jobs, inbox) = channel::<Job>();
        let (outbox, done) = channel();
        std::thread::Builder::new()
            .name("bairi-store".into())
            .spawn(move || {
                for job in inbox {
                    let outcome = match job {
                        Job::Save {
                            mut file,
                            keep,
                            track_sync,
                        } => {
                            let result = file.save_keeping(keep);
                            let unsynced = track_sync
                                .then(|| crate::sync::status::unsynced(&file.path))
                                .flatten();
                            Done::Saved {
                                file,
                                result,
                                unsynced,
                            }
                        }
                        Job::Watch(point) => {
                            let noticed = point.look();
                            Done::Watched { point, noticed }
                        }
                        Job::SyncStatus(path) => {
                            Done::SyncStatus(crate::sync::status::unsynced(&path))
                        }
                        Job::Sync { path, today, lang } => {
                            let result = run_sync(&path, today, lang);
                            let unsynced = crate::sync::status::unsynced(&path);
                            Done::Synced { result, unsynced }
                        }
                    };
                    if outbox.send(outcome).is_err() {
                        return;
                    }
                    wake();
                }
            })?;
        Ok(Worker {
            jobs,
            done,
            in_flight: 0,
        })
    }

    /// Hands a job over; `false` when the worker is gone.
    pub fn send(&mut self, job: Job) -> bool {
        let sent = self.jobs.send(job).is_ok();
        self.in_flight += usize::from(sent);
        sent
    }

    /// An outcome, if one is ready.
    pub fn next_done(&mut self) -> Option<Done> {
        match self.done.try_recv() {
            Ok(done) => {
                self.in_flight -= 1;
                Some(done)
            }
            Err(TryRecvError::Empty | TryRecvError::Disconnected) => None,
        }
    }

    /// Waits up to `limit` for the next outcome.
    pub fn wait_done(&mut self, limit: std::time::Duration) -> Option<Done> {
        let done = self.done.recv_timeout(limit).ok()?;
        self.in_flight -= 1;
        Some(done)
    }

    /// Whether a job is still running or waiting.
    pub fn busy(&self) -> bool {
        self.in_flight > 0
    }
}
