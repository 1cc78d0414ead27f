//! The `attain` binary: a headless command, or the window when none is given.

/// The system's allocator for the commands, mimalloc for the window and the imports (see
/// model::mem).
#[global_allocator]
static ALLOCATOR: attain::model::mem::Allocator = attain::model::mem::Allocator;

/// mimalloc would commit its first arena whole when it reserves it, during its own start-up
/// (on Linux, where memory is overcommitted), and free pages in it then stay resident: 18 MB
/// more in the window at 100,000 people, and slower. The option is read then, so it is set by
/// an ELF constructor that runs first: `.init_array` entries run by priority, then plain
/// ones; std's are at 99, mimalloc's at 101 when clang builds it and plain with gcc.
#[cfg(target_os = "linux")]
#[used]
#[unsafe(link_section = ".init_array.00100")]
static COMMIT_ON_USE: extern "C" fn() = {
    extern "C" fn commit_on_use() {
        attain::model::mem::commit_on_use();
    }
    commit_on_use
};

fn main() -> std::process::ExitCode {
    match attain::cli::main() {
        attain::cli::Outcome::Done(code) => code,
        attain::cli::Outcome::Window { db, started, open } => {
            attain::model::mem::use_mimalloc();
            attain::app::native::run(db, started, open)
        }
    }
}
