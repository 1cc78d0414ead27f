//! A table's rows read on a second thread while the caller makes sense of them: on two cores,
//! reading a 100,000-row export and checking its rows then take the time of the longer of the
//! two, not of both.

use super::{Record, Stream, TableError};
use std::io::Read;
use std::sync::mpsc;

/// Rows at most per batch, and text at most: few enough hand-overs that the threads seldom wait
/// on each other, small enough that a batch stays in the processor's cache.
const BATCH_ROWS: usize = 2048;
const BATCH_TEXT: usize = 512 * 1024;

/// Rows handed from the reading thread to the caller's, copied into one buffer.
#[derive(Default)]
struct Batch {
    text: String,
    /// Each field as a range of `text`.
    bounds: Vec<(u32, u32)>,
    /// Each row: its line and its fields' range in `bounds`.
    rows: Vec<(usize, u32, u32)>,
    /// The error that ended the table, after the rows.
    end: Option<TableError>,
}

impl Batch {
    fn clear(&mut self) {
        self.text.clear();
        self.bounds.clear();
        self.rows.clear();
        self.end = None;
    }

    fn push(&mut self, record: &Record<'_>) {
        // A batch holds at most BATCH_TEXT plus one record (≤ MAX_RECORD_BYTES): offsets fit.
        let base = self.text.len() as u32;
        self.text.push_str(record.text);
        let from = self.bounds.len() as u32;
        self.bounds
            .extend(record.bounds.iter().map(|&(a, b)| (base + a, base + b)));
        self.rows
            .push((record.line, from, self.bounds.len() as u32));
    }

    fn full(&self) -> bool {
        self.rows.len() >= BATCH_ROWS || self.text.len() >= BATCH_TEXT
    }
}

impl<R: Read + Send> Stream<'_, R> {
    /// Hands each remaining row to `each` in order, until `each` returns `false`; the rows are
    /// read and parsed meanwhile on a second thread. `Err`: the error that ended the table,
    /// after the rows before it.
    pub fn each_row(self, mut each: impl FnMut(Record<'_>) -> bool) -> Result<(), TableError> {
        let (full_tx, full_rx) = mpsc::sync_channel::<Batch>(4);
        let (empty_tx, empty_rx) = mpsc::channel::<Batch>();
        std::thread::scope(|scope| {
            scope.spawn(move || {
                let mut stream = self;
                loop {
                    let mut batch = empty_rx.try_recv().unwrap_or_default();
                    batch.clear();
                    let mut done = false;
                    while !batch.full() {
                        match stream.next_row() {
                            Some(Ok(record)) => batch.push(&record),
                            Some(Err(e)) => {
                                batch.end = Some(e);
                                done = true;
                                break;
                            }
                            None => {
                                done = true;
                                break;
                            }
                        }
                    }
                    // The caller stopped (it dropped the receiver): nothing more to read.
                    if full_tx.send(batch).is_err() || done {
                        return;
                    }
                }
            });
            for mut batch in full_rx {
                for &(line, from, to) in &batch.rows {
                    let record = Record {
                        line,
                        text: &batch.text,
                        bounds: &batch.bounds[from as usize..to as usize],
                    };
                    if !each(record) {
                        return Ok(());
                    }
                }
                if let Some(e) = batch.end.take() {
                    return Err(e);
                }
                // The reader may have finished already; then the batch is just dropped.
                empty_tx.send(batch).ok();
            }
            Ok(())
        })
    }

    /// The remaining rows as the `Iterator` gives them (fields owned), read and parsed on a
    /// second thread while `f` goes through them.
    pub fn rows_alongside<T>(self, f: impl FnOnce(&mut dyn Iterator<Item = Row>) -> T) -> T {
        let (full_tx, full_rx) = mpsc::sync_channel::<Vec<Row>>(4);
        std::thread::scope(|scope| {
            scope.spawn(move || {
                let mut rows = self;
                loop {
                    let batch: Vec<Row> = rows.by_ref().take(BATCH_ROWS).collect();
                    let last = batch.len() < BATCH_ROWS;
                    // The caller stopped (it dropped the receiver): nothing more to read.
                    if batch.is_empty() || full_tx.send(batch).is_err() || last {
                        return;
                    }
                }
            });
            f(&mut full_rx.into_iter().flatten())
        })
    }
}

/// A row as the `Iterator` of a [`Stream`] gives it: its line and its fields, trimmed.
type Row = Result<(usize, Vec<String>), TableError>;
