//! The `attain` binary: parse the command line and run the requested command.

fn main() -> std::process::ExitCode {
    attain::cli::main()
}
