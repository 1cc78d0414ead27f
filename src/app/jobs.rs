//! Work for the forecasting panels (what-if, plan, risk) off the UI thread.

use std::sync::mpsc::{Receiver, channel};

/// Organisations up to this size are computed within the frame (tests see results at once).
const SYNC_LIMIT: usize = 5_000;

/// Gives the memory a finished worker freed back to the system. glibc keeps it otherwise:
/// the evaluation of 100,000 employees frees a few hundred MB of short-lived tables, in pages
/// its long-lived results share, and the resident size would stay at the peak.
pub fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only hands free pages back; it touches no live allocation.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// At most two glibc malloc arenas: each worker thread would otherwise get its own, and an
/// arena keeps tens of MB after a large evaluation that trimming cannot give back.
pub fn limit_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes a tuning parameter of the allocator.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
        // Blocks from 1 MB (the report's lists, the engine's tables) get pages of their own,
        // given back whole when freed. glibc otherwise raises this threshold after the first
        // large free, and later large blocks fragment the heap (141 to 161 MB between runs).
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
    }
}

/// Drops a large value on a short-lived thread, then hands the freed pages back.
pub fn drop_elsewhere<T: Send + 'static>(value: T) {
    let spawned = std::thread::Builder::new()
        .name("attain-free".into())
        .spawn(move || {
            drop(value);
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
    /// Runs `f` now for a small organisation, else on a worker; a newer start replaces an
    /// older one still running (its result is dropped).
    pub fn start(&mut self, people: usize, f: impl FnOnce() -> T + Send + 'static) {
        self.lost = false;
        if people <= SYNC_LIMIT {
            self.pending = None;
            self.result = Some(f());
            return;
        }
        let (tx, rx) = channel();
        let spawned = std::thread::Builder::new()
            .name("attain-forecast".into())
            .spawn(move || {
                let result = f();
                release_free_memory();
                tx.send(result).ok();
            });
        if spawned.is_ok() {
            self.pending = Some(rx);
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
}
