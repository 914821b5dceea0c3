//! `tenfold`: the command-line companion. It opens the same practice file as the app,
//! through the same core, so a coach can script backups into a folder they already sync.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use tenfold::backup::{self, BackupReason};
use tenfold::generate::{GenerateOptions, GenerateReport};
use tenfold::store::{self, DATABASE_FILE};
use tenfold::{Error, ErrorKind, Practice};

const EXIT_CODES: &str = "\
Exit codes:
  0  done
  1  the input was refused (a bad file, a practice that is not empty, …)
  2  the command line was not understood
  3  the practice file (or a backup) is damaged
  4  the data folder cannot be used (read-only, disk full, missing)
  5  encryption: the practice is encrypted and was not unlocked (wrong passphrase, key file
     problem), or is not encrypted when `decrypt` or `passphrase` was asked";

#[derive(Parser)]
#[command(
    name = "tenfold",
    version,
    about = "Back up, restore, export, import, check or generate a Tenfold practice",
    after_help = EXIT_CODES
)]
struct Cli {
    /// The folder holding tenfold.sqlite3 [default: the app's data folder]
    #[arg(long, global = true, env = store::DATA_DIR_ENV, value_name = "DIR")]
    data_dir: Option<PathBuf>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Take a checked backup now (into the practice's backups folder, or DIR)
    Backup {
        /// Write the backup into DIR instead, e.g. a folder you sync; rotation applies there too
        #[arg(long, value_name = "DIR")]
        to: Option<PathBuf>,
    },
    /// List the backups, newest first
    Backups,
    /// Replace the practice with a backup; the current state is backed up first (or, when
    /// the current file is damaged, kept aside under a new name)
    Restore {
        /// The backup file to restore
        file: PathBuf,
    },
    /// Write the whole practice as one JSON file (format: docs/export-format.md)
    Export {
        /// Where to write the JSON file
        file: PathBuf,
    },
    /// Read an export file into an empty practice
    Import {
        /// The JSON file written by `tenfold export`
        file: PathBuf,
    },
    /// Run SQLite's full integrity check on the practice and its newest backup
    Check,
    /// Fill an empty practice with made-up clients, for trying Tenfold at scale and for
    /// benchmarks; the same seed gives the same practice (ending today)
    Generate {
        /// How many clients
        #[arg(long, default_value_t = GenerateOptions::DEFAULT_CLIENTS, value_name = "N")]
        clients: u32,
        /// How many years of history, ending today
        #[arg(long, default_value_t = GenerateOptions::DEFAULT_YEARS, value_name = "Y")]
        years: u32,
        /// The seed of the random choices
        #[arg(long, default_value_t = GenerateOptions::DEFAULT_SEED, value_name = "S")]
        seed: u64,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("tenfold: {error}");
            if let Error::Damaged { .. } = error {
                eprintln!("tenfold: the file was not changed. `tenfold backups` lists backups; `tenfold restore FILE` puts one in its place and keeps the damaged file aside.");
            }
            ExitCode::from(exit_code(&error))
        }
    }
}

fn exit_code(error: &Error) -> u8 {
    match error.kind() {
        ErrorKind::Invalid | ErrorKind::NotFound | ErrorKind::InTrash | ErrorKind::Render => 1,
        ErrorKind::Damaged | ErrorKind::WritesHeld => 3,
        ErrorKind::Storage | ErrorKind::ReadOnly | ErrorKind::DiskFull => 4,
        ErrorKind::Locked
        | ErrorKind::WrongPassphrase
        | ErrorKind::KeyFileDamaged
        | ErrorKind::KeyFileMismatch
        | ErrorKind::Keyring
        | ErrorKind::Encryption => 5,
    }
}

fn database_path(cli_dir: Option<PathBuf>) -> tenfold::Result<PathBuf> {
    let dir = match cli_dir {
        Some(dir) => dir,
        None => store::data_dir()?,
    };
    Ok(dir.join(DATABASE_FILE))
}

/// The practice for commands that need one to exist already.
fn existing_practice(database: &Path) -> tenfold::Result<Practice> {
    if !database.exists() {
        return Err(Error::invalid("data_dir", format!("there is no practice at {}", database.display())));
    }
    Practice::open(database)
}

fn run(cli: Cli) -> tenfold::Result<()> {
    let database = database_path(cli.data_dir)?;
    match cli.command {
        Command::Backup { to } => {
            existing_practice(&database)?;
            let dir = to.unwrap_or_else(|| backup::backups_dir_for(&database));
            let info = backup::back_up_database(&database, &dir, BackupReason::Manual)?;
            println!("{}", info.path);
        }
        Command::Backups => {
            for info in backup::list_backups(&backup::backups_dir_for(&database))? {
                println!("{}\t{}\t{} bytes", info.taken_at.format("%Y-%m-%d %H:%M:%S UTC"), info.path, info.size_bytes);
            }
        }
        Command::Restore { file } => {
            let report = match Practice::open(&database) {
                Ok(mut practice) => practice.restore_backup(&file)?,
                Err(Error::Damaged { .. }) => backup::recover(&database, &file)?.1,
                Err(other) => return Err(other),
            };
            println!("restored from {}", report.restored_from);
            if let Some(kept) = report.previous_kept_at {
                println!("the replaced file is kept at {kept}");
            }
        }
        Command::Export { file } => {
            existing_practice(&database)?.export_to_file(&file)?;
            println!("{}", file.display());
        }
        Command::Import { file } => {
            let mut practice = Practice::open(&database)?;
            let report = practice.import_file(&file)?;
            println!("imported {} clients into {}", report.clients, database.display());
        }
        Command::Check => {
            let practice = existing_practice(&database)?;
            practice.check_integrity()?;
            println!("{}: ok", database.display());
            if let Some(newest) = backup::list_backups(&practice.backups_dir())?.into_iter().next() {
                practice.check_backup(Path::new(&newest.path))?;
                println!("{}: ok", newest.path);
            }
        }
        Command::Generate { clients, years, seed } => {
            let practice = Practice::open(&database)?;
            let started = std::time::Instant::now();
            let options = GenerateOptions { clients, years, seed, end_on: tenfold::time::now().date_naive() };
            let report = practice.generate_practice(&options)?;
            print_generated(&report, &database, started.elapsed());
        }
    }
    Ok(())
}

fn print_generated(report: &GenerateReport, database: &Path, took: std::time::Duration) {
    println!("generated into {} in {:.1} s:", database.display(), took.as_secs_f64());
    println!("  {} clients ({} of them in the trash)", report.clients, report.trashed_clients);
    println!("  {} sessions", report.sessions);
    println!("  {} focus areas with {} ratings", report.focus_areas, report.ratings);
    println!("  {} Assessment Maps", report.assessment_maps);
    println!("  {} values", report.client_values);
    println!("  {} homework items", report.homework_items);
    println!("  {} formulation versions", report.formulation_versions);
    println!("  {} directives", report.directives);
    println!("  {} records moved to the trash", report.trashed);
}
