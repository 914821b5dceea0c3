//! Stand-ins for the coach's own programs that the app starts (`xdg-email`, `xdg-open`): a
//! folder first on the app's `PATH` holding a script per program, and a wrapper that starts the
//! app with that folder on its `PATH` (pass it to [`App::launch_via`](crate::App::launch_via)).
//! Each script records what a program would be started with: its arguments, its environment and
//! its priority (`nice`), then exits with the code [`StandIn::exit_with`] last set (0 at first).
//! The wrapper records the app's own priority beside them.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use crate::desktop_bin;

pub struct StandIn {
    dir: tempfile::TempDir,
}

fn write_script(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

impl StandIn {
    /// Stand-ins for `programs`.
    pub fn new(programs: &[&str]) -> StandIn {
        let dir = tempfile::tempdir().unwrap();
        let bin = dir.path().join("bin");
        std::fs::create_dir(&bin).unwrap();
        let exit_code = dir.path().join("exit-code");
        for program in programs {
            let record = |what: &str| dir.path().join(format!("{program}.{what}")).display().to_string();
            write_script(
                &bin.join(program),
                &format!(
                    "#!/bin/sh\nenv > '{env}'\nnice > '{nice}'\nfor argument in \"$@\"; do printf '%s\\0' \"$argument\"; done > '{args}.part'\nmv '{args}.part' '{args}'\nexit \"$(cat '{exit_code}' 2>/dev/null || echo 0)\"\n",
                    env = record("env"),
                    nice = record("nice"),
                    args = record("args"),
                    exit_code = exit_code.display(),
                ),
            );
        }
        write_script(
            &dir.path().join("tenfold-with-stand-ins"),
            &format!(
                "#!/bin/sh\nnice > '{nice}'\nPATH='{bin}':\"$PATH\" exec '{app}' \"$@\"\n",
                nice = dir.path().join("app.nice").display(),
                bin = bin.display(),
                app = desktop_bin().display()
            ),
        );
        StandIn { dir }
    }

    /// The script that starts the app with the stand-ins first on its `PATH`.
    pub fn wrapper(&self) -> PathBuf {
        self.dir.path().join("tenfold-with-stand-ins")
    }

    /// From now on every stand-in exits with `code`, as a program that failed would.
    pub fn exit_with(&self, code: i32) {
        std::fs::write(self.dir.path().join("exit-code"), code.to_string()).unwrap();
    }

    /// The arguments `program` was last started with, once it has been.
    pub fn args(&self, program: &str) -> Option<Vec<String>> {
        let bytes = std::fs::read(self.dir.path().join(format!("{program}.args"))).ok()?;
        Some(
            bytes
                .split(|b| *b == 0)
                .filter(|a| !a.is_empty())
                .map(|a| String::from_utf8_lossy(a).into_owned())
                .collect(),
        )
    }

    /// Forgets what `program` was started with, so the next start can be told apart.
    pub fn forget(&self, program: &str) {
        let _ = std::fs::remove_file(self.dir.path().join(format!("{program}.args")));
    }

    /// The value of `name` in the environment `program` was last started with, if it had one.
    pub fn variable(&self, program: &str, name: &str) -> Option<String> {
        let env = std::fs::read_to_string(self.dir.path().join(format!("{program}.env")))
            .unwrap_or_else(|e| panic!("{program} recorded no environment: {e}"));
        env.lines().find_map(|line| line.strip_prefix(&format!("{name}=")).map(str::to_owned))
    }

    /// The nice value `program` was last started with.
    pub fn niceness(&self, program: &str) -> i32 {
        read_niceness(&self.dir.path().join(format!("{program}.nice")))
    }

    /// The nice value the app itself was started with.
    pub fn app_niceness(&self) -> i32 {
        read_niceness(&self.dir.path().join("app.nice"))
    }
}

fn read_niceness(path: &Path) -> i32 {
    let text =
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("no priority recorded at {}: {e}", path.display()));
    text.trim().parse().unwrap_or_else(|e| panic!("{text:?} is no nice value: {e}"))
}
