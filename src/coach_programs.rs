//! The coach's own programs that Tenfold starts (their mail program, `mail`) run with the
//! environment the coach's session gave Tenfold. The desktop shell sets a few variables for its
//! own web view alone (WebKit's renderer and JavaScript engine, `src-tauri/src/lib.rs`); a mail
//! program built on WebKit that Tenfold started with them would run that way too, until the
//! coach started it again. So each program goes without them, and keeps any the coach set.

use std::ffi::OsStr;
use std::process::Command;
use std::sync::OnceLock;

static SET_FOR_THE_SHELL: OnceLock<Vec<&'static str>> = OnceLock::new();

/// Names the variables the shell set for its own web view. Called once at start, before any
/// program is started; a second call changes nothing.
pub fn keep_from_programs(names: Vec<&'static str>) {
    let _ = SET_FOR_THE_SHELL.set(names);
}

/// A command for `program` with the coach's environment.
pub(crate) fn command(program: impl AsRef<OsStr>) -> Command {
    let mut command = Command::new(program);
    for name in SET_FOR_THE_SHELL.get().into_iter().flatten() {
        command.env_remove(name);
    }
    command
}

#[cfg(test)]
mod tests {
    use std::ffi::OsStr;

    #[test]
    fn a_program_goes_without_what_the_shell_set_for_itself() {
        super::keep_from_programs(vec!["TENFOLD_SET_FOR_THE_SHELL"]);
        let command = super::command("xdg-email");
        let changed: Vec<_> = command.get_envs().collect();
        assert_eq!(changed, vec![(OsStr::new("TENFOLD_SET_FOR_THE_SHELL"), None)]);
    }
}
