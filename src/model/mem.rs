//! The process's memory: the binary's allocator, and freed pages handed back as soon as they
//! are free. Only the binary, the window and the large commands use it; it changes no value.
//!
//! The window allocates with mimalloc, the commands with the system's allocator ([`Allocator`]);
//! C libraries (SQLite, the GL driver) always use the system's. With another global allocator
//! (the tests) the mimalloc calls here change nothing.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, Ordering::Relaxed};

/// mimalloc's option numbers, in the order of `mi_option_t` in the pinned libmimalloc-sys
/// (mimalloc 3, `c_src/mimalloc/v3/include/mimalloc.h`): the crate leaves them unnamed.
const MI_ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;
const MI_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// The binary's global allocator (src/main.rs): the system's, or mimalloc from
/// [`use_mimalloc`] on. mimalloc keeps blocks of one size together, so the evaluation's
/// short-lived tables do not share pages with its long-lived results and their pages go back
/// once freed: glibc's malloc kept ~85 MB of them resident in the window at 100,000 people
/// (363 MB against 286 MB). The imports switch to it too: a 100,000-user import makes and
/// frees a few strings per row, a fifth of its time in glibc's malloc (549 -> 502 ms). The
/// other commands keep the system's: their peaks are lower with it (the award summary at
/// 100,000 people: 391-396 MiB against 408-410 MiB).
pub struct Allocator;

/// Set once, never cleared: blocks made before stay the system's, and are freed by it.
static MIMALLOC: AtomicBool = AtomicBool::new(false);

/// From now on new blocks come from mimalloc (the window calls it before it starts).
pub fn use_mimalloc() {
    MIMALLOC.store(true, Relaxed);
}

/// Whether mimalloc made the block. Before [`use_mimalloc`] no block is mimalloc's; after it,
/// mimalloc's page map says (a block handed to this thread was made before the hand-over, so
/// a thread that sees the flag cleared cannot hold one of mimalloc's blocks).
fn mimalloc_made(ptr: *mut u8) -> bool {
    // SAFETY: mi_is_in_heap_region only looks the address up in mimalloc's page map.
    MIMALLOC.load(Relaxed) && unsafe { libmimalloc_sys::mi_is_in_heap_region(ptr.cast()) }
}

// SAFETY: each block is made by one allocator and freed or resized by the same one, which
// `mimalloc_made` tells apart; both allocators uphold GlobalAlloc's contract themselves.
unsafe impl GlobalAlloc for Allocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract, passed on.
        unsafe {
            if MIMALLOC.load(Relaxed) {
                mimalloc::MiMalloc.alloc(layout)
            } else {
                System.alloc(layout)
            }
        }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as in `alloc`.
        unsafe {
            if MIMALLOC.load(Relaxed) {
                mimalloc::MiMalloc.alloc_zeroed(layout)
            } else {
                System.alloc_zeroed(layout)
            }
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as in `alloc`; the block goes back to the allocator that made it.
        unsafe {
            if mimalloc_made(ptr) {
                mimalloc::MiMalloc.dealloc(ptr, layout)
            } else {
                System.dealloc(ptr, layout)
            }
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as in `dealloc`; a block stays with the allocator that made it.
        unsafe {
            if mimalloc_made(ptr) {
                mimalloc::MiMalloc.realloc(ptr, layout, new_size)
            } else {
                System.realloc(ptr, layout, new_size)
            }
        }
    }
}

/// Makes mimalloc commit memory as it is used rather than a whole arena at once. Called from
/// the binary before mimalloc starts (src/main.rs); later it only affects new arenas. A
/// default: `MIMALLOC_ARENA_EAGER_COMMIT` in the environment still decides.
pub fn commit_on_use() {
    // SAFETY: mi_option_set_default only changes a tuning parameter of the allocator.
    unsafe {
        libmimalloc_sys::mi_option_set_default(MI_ARENA_EAGER_COMMIT, 0);
    }
}

/// Gives freed memory back to the system (after a worker, or a large phase of a command).
pub fn release_free_memory() {
    // SAFETY: mi_collect and malloc_trim only hand free pages back; they touch no live
    // allocation.
    unsafe {
        libmimalloc_sys::mi_collect(true);
    }
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: as above.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Tunes both allocators for a process that holds a large organisation for long: freed pages
/// go back at once rather than staying resident for reuse. Measured on the window holding
/// 100,000 people: with glibc's malloc it settled at 354 MiB (its arenas kept ~85 MB of the
/// evaluation's freed tables, pinned by the results between them); with mimalloc at 306 MiB
/// with its defaults, 277 MiB with these and [`commit_on_use`].
pub fn return_freed_pages() {
    // SAFETY: mi_option_set only changes a tuning parameter of the allocator; these are read
    // when pages are freed and arenas made, so setting them late is safe.
    unsafe {
        // Purge (decommit) free pages at once, not 1 s later (10 s for an arena's), a delay
        // that idle threads never reach: the worker that freed them has stopped.
        libmimalloc_sys::mi_option_set(MI_PURGE_DELAY, 0);
    }
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes a tuning parameter of the allocator.
    unsafe {
        // glibc's share (SQLite, the GL driver): at most two arenas, each worker thread would
        // otherwise get its own; blocks from 1 MB get pages of their own, given back whole.
        libc::mallopt(libc::M_ARENA_MAX, 2);
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Blocks made before the switch stay the system's, blocks made after are mimalloc's,
    /// and each is resized and freed by its own allocator (a mix-up would crash here).
    #[test]
    fn each_block_goes_back_to_the_allocator_that_made_it() {
        let layout = Layout::new::<[u64; 6]>();
        // SAFETY: non-zero layouts; each block is written within its size and freed once.
        unsafe {
            let before = Allocator.alloc(layout);
            assert!(!before.is_null() && !mimalloc_made(before));
            use_mimalloc();
            assert!(
                !mimalloc_made(before),
                "a system block taken for mimalloc's"
            );
            let after = Allocator.alloc_zeroed(layout);
            assert!(!after.is_null() && mimalloc_made(after));
            assert_eq!(*after.add(47), 0);
            before.write_bytes(7, 48);
            let before = Allocator.realloc(before, layout, 4096);
            assert!(!mimalloc_made(before) && *before.add(47) == 7);
            let after = Allocator.realloc(after, layout, 4096);
            assert!(mimalloc_made(after));
            let grown = Layout::new::<[u64; 512]>();
            Allocator.dealloc(before, grown);
            Allocator.dealloc(after, grown);
        }
    }
}
