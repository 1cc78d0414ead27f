//! Work for the forecasting panels (what-if, plan, risk) off the UI thread.

use std::sync::mpsc::{Receiver, channel};

/// Organisations up to this size are computed within the frame (tests see results at once).
const SYNC_LIMIT: usize = 5_000;

/// One computation whose latest result the window shows.
pub struct Job<T> {
    pub result: Option<T>,
    pending: Option<Receiver<T>>,
}

impl<T> Default for Job<T> {
    fn default() -> Self {
        Job {
            result: None,
            pending: None,
        }
    }
}

impl<T: Send + 'static> Job<T> {
    /// Runs `f` now for a small organisation, else on a worker; a newer start replaces an
    /// older one still running (its result is dropped).
    pub fn start(&mut self, people: usize, f: impl FnOnce() -> T + Send + 'static) {
        if people <= SYNC_LIMIT {
            self.pending = None;
            self.result = Some(f());
            return;
        }
        let (tx, rx) = channel();
        let spawned = std::thread::Builder::new()
            .name("attain-forecast".into())
            .spawn(move || {
                tx.send(f()).ok();
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
                Err(std::sync::mpsc::TryRecvError::Disconnected) => self.pending = None,
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
    }
}
