//! The `zhibiao` command line. The work is done by the library; see `cli`.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
