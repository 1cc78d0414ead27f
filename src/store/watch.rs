//! Following another attain's commits to the workspace.

use rusqlite::Connection;
use std::path::Path;

/// Calls `changed` whenever a commit to the workspace file is seen (checked every second),
/// until `alive` is dropped. Its own read-only connection: the window's is never shared.
pub fn watch(path: &Path, alive: std::sync::Weak<()>, changed: impl Fn() + Send + 'static) {
    let path = path.to_path_buf();
    let spawned = std::thread::Builder::new()
        .name("attain-watch".into())
        .spawn(move || {
            let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY
                | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
            let Ok(conn) = Connection::open_with_flags(&path, flags) else {
                return;
            };
            let version = |c: &Connection| {
                c.query_row("PRAGMA data_version", [], |r| r.get::<_, i64>(0))
                    .ok()
            };
            let mut last = version(&conn);
            while alive.upgrade().is_some() {
                std::thread::sleep(std::time::Duration::from_secs(1));
                let now = version(&conn);
                if now != last {
                    last = now;
                    changed();
                }
            }
        });
    // Without the thread the window still shows other changes at its next frame.
    drop(spawned);
}
