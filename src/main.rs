//! Tension Check: the desktop app, and its command line for scripts, backups and
//! clinicians (`tension-check --help`).

#[cfg(not(target_arch = "wasm32"))]
use std::{ffi::OsString, process::ExitCode};

#[cfg(not(target_arch = "wasm32"))]
use tension_check::{
    cli,
    store::location::{self, DATA_DIR_ENV},
};

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    if let Err(error) = tension_check::ui::app::run_web() {
        web_sys::console::error_1(&error.to_string().into());
    }
}

#[cfg(not(target_arch = "wasm32"))]
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
