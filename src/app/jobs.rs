//! The one way the window runs work off the UI thread: a [`Job`] that a worker completes and
//! that wakes the window when it is done. Evaluation, forecasting, the impact of an edit, org
//! files and organisations being read, imports, printing and the printers' list all use it.

use crate::model::mem::release_free_memory;
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};

/// Work on up to this many people (an organisation, or a file of about as many) runs within
/// the frame: a few milliseconds, and tests see the result at once. Larger work goes to a
/// worker.
pub const IN_FRAME_PEOPLE: usize = 5_000;

/// Work that always goes to a worker, whatever its size (typst, the print service).
pub const ON_WORKER: usize = usize::MAX;

/// About how many bytes one person takes in an org file or a users file: file sizes are
/// measured against [`IN_FRAME_PEOPLE`] with it (1.5 MB of org file).
pub const BYTES_PER_PERSON: u64 = 300;

/// The people a file of `bytes` holds, roughly (see [`BYTES_PER_PERSON`]).
pub fn people_in(bytes: u64) -> usize {
    usize::try_from(bytes / BYTES_PER_PERSON).unwrap_or(usize::MAX)
}

/// Wakes the window when a worker finishes, so its result shows without waiting for input.
/// Holds the window's context from its first frame on (none before, in benchmarks and tests
/// that only poll).
#[derive(Clone, Default)]
pub struct Waker(Arc<Mutex<Option<egui::Context>>>);

impl Waker {
    pub fn set(&self, ctx: &egui::Context) {
        if let Ok(mut c) = self.0.lock()
            && c.is_none()
        {
            *c = Some(ctx.clone());
        }
    }

    pub fn wake(&self) {
        if let Ok(c) = self.0.lock()
            && let Some(ctx) = c.as_ref()
        {
            ctx.request_repaint();
        }
    }
}

/// How long a worker waits before handing freed pages back, once its result is sent (or a
/// large value it frees was replaced): the window takes the result and draws it meanwhile.
/// Handing pages back holds each allocator arena's lock in turn, 20–90 ms at 100,000 people,
/// and a frame that allocates then waits for it (a 52 ms frame as an evaluation landed).
const RELEASE_AFTER: std::time::Duration = std::time::Duration::from_millis(300);

/// Drops a large value on a short-lived thread, then, once the window has drawn what
/// replaced it, hands the freed pages back.
pub fn drop_elsewhere<T: Send + 'static>(value: T) {
    let spawned = std::thread::Builder::new()
        .name("attain-free".into())
        .spawn(move || {
            drop(value);
            std::thread::sleep(RELEASE_AFTER);
            release_free_memory();
        });
    // Without a thread the value was dropped with the closure: nothing else to do.
    drop(spawned);
}

/// One computation whose latest result the window shows.
pub struct Job<T> {
    pub result: Option<T>,
    pending: Option<Receiver<T>>,
    /// The worker stopped without a result (it panicked: the crash hook reported it).
    lost: bool,
}

impl<T> Default for Job<T> {
    fn default() -> Self {
        Job {
            result: None,
            pending: None,
            lost: false,
        }
    }
}

impl<T: Send + 'static> Job<T> {
    /// Runs `f` now for work on up to [`IN_FRAME_PEOPLE`] people, else on a worker named
    /// `attain-NAME` that wakes the window when it is done and yields the processor to it; a
    /// newer start replaces an older one still running (its result is dropped).
    pub fn start(
        &mut self,
        name: &str,
        people: usize,
        waker: &Waker,
        f: impl FnOnce() -> T + Send + 'static,
    ) {
        self.run(name, people, waker, true, f);
    }

    /// As [`Self::start`], for what the window waits on with nothing else to show (reading
    /// the organisation it opens): the worker keeps the window's priority.
    pub fn start_foreground(
        &mut self,
        name: &str,
        people: usize,
        waker: &Waker,
        f: impl FnOnce() -> T + Send + 'static,
    ) {
        self.run(name, people, waker, false, f);
    }

    fn run(
        &mut self,
        name: &str,
        people: usize,
        waker: &Waker,
        background: bool,
        f: impl FnOnce() -> T + Send + 'static,
    ) {
        self.lost = false;
        if people <= IN_FRAME_PEOPLE {
            self.pending = None;
            self.result = Some(f());
            return;
        }
        let (tx, rx) = channel();
        let waker = waker.clone();
        let spawned = std::thread::Builder::new()
            .name(format!("attain-{name}"))
            .spawn(move || {
                if background {
                    background_priority();
                }
                let result = f();
                tx.send(result).ok();
                waker.wake();
                std::thread::sleep(RELEASE_AFTER);
                release_free_memory();
            });
        match spawned {
            Ok(_) => self.pending = Some(rx),
            // No thread to be had: told like a worker that stopped without a result.
            Err(_) => self.lost = true,
        }
    }
}

impl<T> Job<T> {
    pub fn busy(&self) -> bool {
        self.pending.is_some()
    }

    /// Takes a finished result; true while still running.
    pub fn poll(&mut self) -> bool {
        if let Some(rx) = &self.pending {
            match rx.try_recv() {
                Ok(r) => {
                    self.result = Some(r);
                    self.pending = None;
                }
                Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                    self.pending = None;
                    self.lost = true;
                }
                Err(std::sync::mpsc::TryRecvError::Empty) => {}
            }
        }
        self.pending.is_some()
    }

    /// Blocks until a running computation finishes (tests, benchmarks).
    pub fn wait(&mut self) {
        if let Some(rx) = self.pending.take()
            && let Ok(r) = rx.recv()
        {
            self.result = Some(r);
        }
    }

    pub fn clear(&mut self) {
        self.result = None;
        self.pending = None;
        self.lost = false;
    }

    /// True once if the worker stopped without a result.
    pub fn take_lost(&mut self) -> bool {
        std::mem::take(&mut self.lost)
    }

    /// Polls, then takes how it ended: `None` while running, `Some(None)` if the worker
    /// stopped without a result (it panicked), `Some(Some(result))` once done.
    pub fn finished(&mut self) -> Option<Option<T>> {
        self.poll();
        if self.take_lost() {
            return Some(None);
        }
        self.result.take().map(Some)
    }
}

/// A worker yields the processor to the window: on two cores, three evaluation threads beside
/// the renderer's stretched the frame that first showed 100,000 people to 57–78 ms. (Linux:
/// the thread's own nice value; elsewhere the system's default.)
fn background_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority changes only the calling thread's scheduling weight (who = 0).
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, 0, 10);
    }
}
