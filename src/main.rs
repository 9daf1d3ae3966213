//! Tension Check: the desktop app, and its command line for scripts, backups and
//! clinicians (`tension-check --help`).

use std::ffi::OsString;
use std::process::ExitCode;

use tension_check::cli;
use tension_check::store::location::{self, DATA_DIR_ENV};

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let env = std::env::var_os(DATA_DIR_ENV);
    let mut stdout = std::io::stdout();
    let mut stderr = std::io::stderr();
    if let Some(code) = cli::run(args.clone(), env.clone(), &mut stdout, &mut stderr) {
        return ExitCode::from(u8::try_from(code).unwrap_or(1));
    }
    // No command: open the window. `run` has already checked the arguments parse.
    let flag = cli::parse(&args).ok().and_then(|invocation| invocation.data_dir);
    let dir = match location::resolve(flag, env) {
        Ok(dir) => dir,
        Err(error) => {
            eprintln!("tension-check: {error}");
            return ExitCode::from(1);
        }
    };
    match tension_check::ui::app::run(dir) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("tension-check: {error}");
            ExitCode::from(1)
        }
    }
}
