//! The store worker: saves (with their lock waits and merges) and the watch for changes made
//! elsewhere run here, off the thread that answers keys. A sync runs on a thread of its own,
//! so that saves never wait behind a slow network, and can be stopped. Each outcome comes
//! back as a [`Msg`] for `update` to apply.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::app::msg::Msg;
use crate::store::file::{CampaignFile, WatchPoint};
use crate::store::merge::Keep;
use crate::sync::net::Stop;
use crate::sync::round::{Outcome, SyncError, SyncOptions};

fn run_sync(
    path: &std::path::Path,
    today: crate::domain::Today,
    lang: crate::i18n::Lang,
    stop: Stop,
) -> Result<Outcome, SyncError> {
    let exe = std::env::current_exe().map_err(|e| SyncError::Git(e.to_string()))?;
    crate::sync::round::sync(&SyncOptions {
        file: Some(path),
        exe,
        today,
        lang,
        stop,
    })
}

/// Work for the store.
pub(crate) enum Job {
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

/// The worker thread and what is in flight.
pub(crate) struct Worker {
    jobs: Sender<Job>,
    done: Receiver<Msg>,
    /// Store jobs sent and not yet come back (a sync is not one).
    in_flight: usize,
    outbox: Sender<Msg>,
    wake: Arc<dyn Fn() + Send + Sync>,
    /// The sync that runs, and how to stop it.
    sync: Option<(Stop, JoinHandle<()>)>,
}

impl Worker {
    /// Starts the thread; `wake` is called after each outcome is ready (to wake the main loop).
    pub(crate) fn start(wake: impl Fn() + Send + Sync + 'static) -> std::io::Result<Worker> {
        let (jobs, inbox) = channel::<Job>();
        let (outbox, done) = channel();
        let wake: Arc<dyn Fn() + Send + Sync> = Arc::new(wake);
        let (store_outbox, store_wake) = (outbox.clone(), Arc::clone(&wake));
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
                            Msg::Saved {
                                file,
                                result,
                                unsynced,
                            }
                        }
                        Job::Watch(point) => {
                            let noticed = point.look();
                            Msg::Watched { point, noticed }
                        }
                        Job::SyncStatus(path) => {
                            Msg::SyncStatus(crate::sync::status::unsynced(&path))
                        }
                        // Sent to a thread of its own by `send`.
                        Job::Sync { .. } => continue,
                    };
                    if store_outbox.send(outcome).is_err() {
                        return;
                    }
                    store_wake();
                }
            })?;
        Ok(Worker {
            jobs,
            done,
            in_flight: 0,
            outbox,
            wake,
            sync: None,
        })
    }

    /// Hands a job over; `false` when the worker is gone (or a sync already runs).
    pub(crate) fn send(&mut self, job: Job) -> bool {
        if let Job::Sync { path, today, lang } = job {
            return self.start_sync(path, today, lang);
        }
        let sent = self.jobs.send(job).is_ok();
        self.in_flight += usize::from(sent);
        sent
    }

    fn start_sync(
        &mut self,
        path: std::path::PathBuf,
        today: crate::domain::Today,
        lang: crate::i18n::Lang,
    ) -> bool {
        if self.sync.as_ref().is_some_and(|(_, t)| !t.is_finished()) {
            return false;
        }
        let stop = Stop::default();
        let (outbox, wake, theirs) = (self.outbox.clone(), Arc::clone(&self.wake), stop.clone());
        let spawned = std::thread::Builder::new()
            .name("bairi-sync".into())
            .spawn(move || {
                let result = run_sync(&path, today, lang, theirs);
                let unsynced = crate::sync::status::unsynced(&path);
                if outbox.send(Msg::Synced { result, unsynced }).is_ok() {
                    wake();
                }
            });
        match spawned {
            Ok(thread) => {
                self.sync = Some((stop, thread));
                true
            }
            Err(_) => false,
        }
    }

    /// Asks the sync that runs to stop: its fetch or push ends (with git's ssh).
    pub(crate) fn cancel_sync(&self) {
        if let Some((stop, _)) = &self.sync {
            stop.stop();
        }
    }

    /// The session ends: a sync that runs is stopped and given up to `limit` to finish (a
    /// local step is let end). Whether one was running, and whether it ended in time.
    pub(crate) fn end_sync(&mut self, limit: Duration) -> Option<bool> {
        let (stop, thread) = self.sync.take()?;
        if thread.is_finished() {
            return None;
        }
        stop.stop();
        let deadline = Instant::now() + limit;
        while !thread.is_finished() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(10));
        }
        Some(thread.is_finished())
    }

    fn counted(&mut self, done: &Msg) {
        if !matches!(done, Msg::Synced { .. }) {
            self.in_flight = self.in_flight.saturating_sub(1);
        }
    }

    /// An outcome, if one is ready.
    pub(crate) fn next_done(&mut self) -> Option<Msg> {
        match self.done.try_recv() {
            Ok(done) => {
                self.counted(&done);
                Some(done)
            }
            Err(TryRecvError::Empty | TryRecvError::Disconnected) => None,
        }
    }

    /// Waits up to `limit` for the next outcome.
    pub(crate) fn wait_done(&mut self, limit: Duration) -> Option<Msg> {
        let done = self.done.recv_timeout(limit).ok()?;
        self.counted(&done);
        Some(done)
    }

    /// Whether a job is still running or waiting.
    pub(crate) fn busy(&self) -> bool {
        self.in_flight > 0
    }
}
