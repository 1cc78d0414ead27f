//! The `attain` binary: a headless command, or the window when none is given.

fn main() -> std::process::ExitCode {
    match attain::cli::main() {
        attain::cli::Outcome::Done(code) => code,
        attain::cli::Outcome::Window { db, started, open } => {
            attain::app::native::run(db, started, open)
        }
    }
}
