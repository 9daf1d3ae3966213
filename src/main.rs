//! Tension Check: the desktop app.

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use tension_check::store::location::{self, DATA_DIR_ENV, DATA_DIR_FLAG};

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let mut flag: Option<PathBuf> = None;
    while let Some(arg) = args.next() {
        if arg == DATA_DIR_FLAG {
            match args.next() {
                Some(dir) => flag = Some(PathBuf::from(dir)),
                None => {
                    eprintln!("tension-check: {DATA_DIR_FLAG} needs a folder");
                    return ExitCode::from(2);
                }
            }
        } else {
            eprintln!("tension-check: unknown argument {}", arg.to_string_lossy());
            return ExitCode::from(2);
        }
    }
    let env: Option<OsString> = std::env::var_os(DATA_DIR_ENV);
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
