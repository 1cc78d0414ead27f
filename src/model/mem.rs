//! The process's memory: freed pages handed back, glibc's arenas bounded. Only the window's
//! and the large commands' callers use it; it changes no value.

/// Gives freed memory back to the system (after a worker, or a large phase of a command).
/// glibc keeps it otherwise: the evaluation of 100,000 employees frees a few hundred MB of
/// short-lived tables, in pages its long-lived results share, and the resident size would
/// stay at the peak.
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
