//! A 2 GB users file streamed through the checker: time, peak resident memory, and how fast
//! Cancel stops the reading. Prints its figures: `cargo bench --bench big_file`.
//! The file is written under `target/` (2 GB of disk) and removed afterwards.

use attain::io::table::{MAX_ROWS, open_file};
use attain::io::users::check_users_stream;
use std::io::Write as _;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

mod common;
use common::peak_mb as peak;

fn main() {
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("users-2gb.csv");
    {
        let file = std::fs::File::create(&path).unwrap_or_else(|e| panic!("{e}"));
        let mut w = std::io::BufWriter::with_capacity(1 << 20, file);
        w.write_all(b"First name,Last name,Display name,Email\n")
            .unwrap_or_else(|e| panic!("{e}"));
        let mut i = 0u64;
        let mut written = 0u64;
        while written < 2 << 30 {
            let row = format!("Nome{i},Cognome,Nome{i} Cognome,nome{i}@contoso.it\n");
            written += row.len() as u64;
            w.write_all(row.as_bytes())
                .unwrap_or_else(|e| panic!("{e}"));
            i += 1;
        }
        w.flush().unwrap_or_else(|e| panic!("{e}"));
        println!(
            "wrote {} rows, {:.2} GB",
            i,
            written as f64 / (1u64 << 30) as f64
        );
    }
    println!("peak resident memory before reading: {}", peak());
    let t = Instant::now();
    let (_, stream) = open_file(&path, Box::new(|_| true)).unwrap_or_else(|e| panic!("{e}"));
    let check = check_users_stream(stream);
    let error = check.file_error.as_ref().map_or("none", |e| e.code);
    println!(
        "2 GB users file read, checked and stopped at row {MAX_ROWS} + 1: {:?} (file error: {error}, line {:?})",
        t.elapsed(),
        check.file_error.as_ref().and_then(|e| e.line)
    );
    println!("peak resident memory after reading: {}", peak());
    drop(check);
    // Cancel one second in: how long until the reader returns.
    let cancel = Arc::new(AtomicBool::new(false));
    let flag = cancel.clone();
    let cancelled_at = Arc::new(std::sync::Mutex::new(None::<Instant>));
    let at = cancelled_at.clone();
    let canceller = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_secs(1));
        if let Ok(mut a) = at.lock() {
            *a = Some(Instant::now());
        }
        flag.store(true, Ordering::Relaxed);
    });
    let progress = Box::new(move |_| !cancel.load(Ordering::Relaxed));
    let (_, stream) = open_file(&path, progress).unwrap_or_else(|e| panic!("{e}"));
    let check = check_users_stream(stream);
    let returned = Instant::now();
    canceller.join().ok();
    let latency = cancelled_at
        .lock()
        .ok()
        .and_then(|a| *a)
        .map(|a| returned.saturating_duration_since(a));
    println!(
        "cancel one second in: stopped {latency:?} after the flag (file error: {})",
        check.file_error.as_ref().map_or("none", |e| e.code)
    );
    println!("peak resident memory at the end: {}", peak());
}
