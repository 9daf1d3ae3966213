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
    let parsed = cli::parse(&args);
    // Without a command the window opens, on the data folder of `--data-dir` if given.
    let flag = parsed.as_ref().ok().and_then(|invocation| invocation.data_dir.clone());
    if let Some(code) = cli::run_parsed(parsed, env.clone(), &mut stdout, &mut stderr) {
        return ExitCode::from(u8::try_from(code).unwrap_or(1));
    }
    let dir = match location::resolve(flag, env) {
        Ok(dir) => dir,
        Err(error) => {
            eprintln!("tension-check: {error}");
            return ExitCode::from(1);
        }
    };
    if no_display() {
        eprintln!(
            "tension-check: there is no display to open the window on (neither DISPLAY nor \
             WAYLAND_DISPLAY is set). The command line works without one: tension-check --help"
        );
        return ExitCode::from(1);
    }
    // iced panics when it cannot reach the display (or on a bug): say so in plain words
    // and exit with 1 rather than print a raw panic.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let payload = info.payload();
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        eprintln!("tension-check: stopped unexpectedly: {what}");
        if std::env::var_os("RUST_BACKTRACE").is_some() {
            default_hook(info);
        }
    }));
    match std::panic::catch_unwind(|| tension_check::ui::app::run(dir)) {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(error)) => {
            eprintln!("tension-check: {error}");
            ExitCode::from(1)
        }
        Err(_) => {
            eprintln!(
                "tension-check: the window could not be opened or closed unexpectedly. \
                 Sessions that were saved are safe."
            );
            ExitCode::from(1)
        }
    }
}

/// Whether there is no display server to open a window on (Linux and the BSDs
/// name it in DISPLAY or WAYLAND_DISPLAY; other systems always have one).
#[cfg(not(target_arch = "wasm32"))]
fn no_display() -> bool {
    let unset = |name: &str| std::env::var_os(name).is_none_or(|v| v.is_empty());
    cfg!(all(unix, not(target_os = "macos"))) && unset("DISPLAY") && unset("WAYLAND_DISPLAY")
}
