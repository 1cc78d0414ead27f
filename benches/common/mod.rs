//! Shared by the bench binaries that print their figures.

/// Peak resident memory of this process so far (Linux; "n/a" elsewhere).
pub fn peak_mb() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|k| k.parse::<u64>().ok())
        })
        .map_or_else(|| "n/a".into(), |kb| format!("{} MB", kb / 1024))
}
