//! A real process to kill: a test re-runs its own binary (`std::env::current_exe`)
//! filtered to a child test, which does nothing unless the environment variable its
//! parent sets is there. The child says `READY` on a line of its own once it is set up
//! and `ACK …` after each step it may be killed after; the parent waits for `READY`,
//! kills it with SIGKILL when it chooses, and reads what was acknowledged.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdout, Command, Stdio};

/// The command that runs the child test `test` (its full path, such as
/// `"crash::crash_child"`) alone, in this test binary, with its output shown.
pub(crate) fn command(test: &str) -> Command {
    let exe = std::env::current_exe().expect("test binary");
    let mut command = Command::new(exe);
    command.args(["--exact", test, "--nocapture", "--test-threads=1"]);
    command
}

/// The child's side of the handshake: `READY` on a line of its own (the test harness
/// may have printed "test NAME ... " without a newline before it).
pub(crate) fn say_ready(out: &mut impl Write) {
    writeln!(out, "\nREADY").expect("stdout");
    out.flush().expect("stdout");
}

/// The parent's side: starts `command` with its output piped (and its errors
/// dropped) and waits until the child says `READY`. `what` names the attempt in the
/// failure, such as "round 3".
pub(crate) fn start_ready(command: &mut Command, what: &str) -> (Child, BufReader<ChildStdout>) {
    let mut child =
        command.stdout(Stdio::piped()).stderr(Stdio::null()).spawn().expect("child starts");
    let mut reader = BufReader::new(child.stdout.take().expect("piped stdout"));
    if !ready(&mut reader) {
        let status = child.wait().expect("reaped");
        panic!("{what}: the child ended before it was ready ({status})");
    }
    (child, reader)
}

/// Reads the child's lines up to `READY`; false if its output ends first.
fn ready(reader: &mut impl BufRead) -> bool {
    let mut line = String::new();
    loop {
        line.clear();
        if reader.read_line(&mut line).expect("child output") == 0 {
            return false;
        }
        if line.trim_end() == "READY" {
            return true;
        }
    }
}
