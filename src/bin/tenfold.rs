//! `tenfold`: the command-line companion. It opens the same practice file as the app,
//! through the same core, so a coach can script backups into a folder they already sync.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use tenfold::backup::{self, BackupReason};
use tenfold::encryption::{self, Secret};
use tenfold::generate::{GenerateOptions, GenerateReport};
use tenfold::store::{self, DATABASE_FILE};
use tenfold::transfer;
use tenfold::{Error, ErrorKind, Practice};

const EXIT_CODES: &str = "\
Exit codes:
  0  done
  1  the input was refused (a bad file, a practice that is not empty, …)
  2  the command line was not understood
  3  the practice file (or a backup) is damaged
  4  the data folder cannot be used (read-only, disk full, missing)
  5  encryption: the practice is encrypted and was not unlocked (wrong passphrase, key file
     problem), or is not encrypted when `decrypt` or `passphrase` was asked

An encrypted practice is unlocked with the passphrase from TENFOLD_PASSPHRASE, else the key
this computer remembered in its keyring, else a prompt; with --recovery-key, with the recovery
key from TENFOLD_RECOVERY_KEY or a prompt. An encrypted export (`export --encrypt`) and its
import take the export's own passphrase from TENFOLD_EXPORT_PASSPHRASE or a prompt. A
passphrase is never taken as an argument.";

const PASSPHRASE_ENV: &str = "TENFOLD_PASSPHRASE";
const NEW_PASSPHRASE_ENV: &str = "TENFOLD_NEW_PASSPHRASE";
const RECOVERY_KEY_ENV: &str = "TENFOLD_RECOVERY_KEY";
/// The passphrase of an encrypted export: a variable of its own, because TENFOLD_PASSPHRASE
/// unlocks the practice and the file that travels need not share that passphrase.
const EXPORT_PASSPHRASE_ENV: &str = "TENFOLD_EXPORT_PASSPHRASE";

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

    /// Unlock an encrypted practice with its recovery key instead of the passphrase
    #[arg(long, global = true)]
    recovery_key: bool,

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
    /// Write the whole practice as one JSON file (format: docs/export-format.md); plain unless
    /// --encrypt is given
    Export {
        /// Where to write the file
        file: PathBuf,
        /// Encrypt the file (age format) with a passphrase asked twice, or read from
        /// TENFOLD_EXPORT_PASSPHRASE; for moving the practice to another computer
        #[arg(long)]
        encrypt: bool,
    },
    /// Read an export file into an empty practice (an encrypted one asks for its passphrase,
    /// or reads TENFOLD_EXPORT_PASSPHRASE)
    Import {
        /// The file written by `tenfold export`
        file: PathBuf,
    },
    /// Run SQLite's full integrity check on the practice and its newest backup
    Check,
    /// Encrypt the practice: asks for a new passphrase (or TENFOLD_NEW_PASSPHRASE) and prints
    /// the recovery key, once. The plain file and its plain backups are removed
    Encrypt,
    /// Turn encryption off: the practice becomes a plain file again (its encrypted backups
    /// are removed and a plain backup is taken)
    Decrypt,
    /// Change the passphrase (unlock with the current one, or with --recovery-key when it is
    /// forgotten); the new one is asked for, or read from TENFOLD_NEW_PASSPHRASE
    Passphrase,
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
        ErrorKind::Invalid
        | ErrorKind::NotFound
        | ErrorKind::InTrash
        | ErrorKind::Render
        | ErrorKind::MailProgram
        | ErrorKind::Viewer
        | ErrorKind::NotShared => 1,
        ErrorKind::Damaged | ErrorKind::WritesHeld => 3,
        ErrorKind::Storage | ErrorKind::ReadOnly | ErrorKind::DiskFull | ErrorKind::SharedFolder => 4,
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
    existing_practice_file(database)?;
    Practice::open(database)
}

fn existing_practice_file(database: &Path) -> tenfold::Result<()> {
    if !database.exists() {
        return Err(Error::invalid("data_dir", format!("there is no practice at {}", database.display())));
    }
    Ok(())
}

/// A secret from the environment variable `env`, else asked for on the terminal.
fn secret_from(env: &str, prompt: &str, field: &str) -> tenfold::Result<String> {
    if let Some(value) = std::env::var_os(env) {
        return value.into_string().map_err(|_| Error::invalid(field, format!("{env} is not valid UTF-8")));
    }
    rpassword::prompt_password(prompt).map_err(|e| {
        Error::invalid(field, format!("no {field} given ({env} is not set and none could be asked for: {e})"))
    })
}

/// Unlocks the practice at `database` if it is encrypted (see EXIT_CODES for the order).
fn unlock_if_encrypted(database: &Path, with_recovery_key: bool) -> tenfold::Result<()> {
    if !database.exists() || !encryption::is_encrypted(database)? {
        return Ok(());
    }
    if with_recovery_key {
        let typed = secret_from(RECOVERY_KEY_ENV, "Recovery key: ", "recovery_key")?;
        return encryption::unlock(database, Secret::RecoveryKey(&typed));
    }
    if std::env::var_os(PASSPHRASE_ENV).is_none() && encryption::unlock_from_keyring(database).is_ok() {
        return Ok(());
    }
    let passphrase = secret_from(PASSPHRASE_ENV, "Passphrase: ", "passphrase")?;
    encryption::unlock(database, Secret::Passphrase(&passphrase))
}

/// Fails before any secret is asked for when the practice is missing or not encrypted.
fn require_encrypted(database: &Path) -> tenfold::Result<()> {
    existing_practice_file(database)?;
    if encryption::is_encrypted(database)? {
        Ok(())
    } else {
        Err(Error::NotEncrypted)
    }
}

/// The new passphrase, from TENFOLD_NEW_PASSPHRASE or asked twice.
fn new_passphrase() -> tenfold::Result<String> {
    if std::env::var_os(NEW_PASSPHRASE_ENV).is_some() {
        return secret_from(NEW_PASSPHRASE_ENV, "", "passphrase");
    }
    let first = secret_from(NEW_PASSPHRASE_ENV, "New passphrase: ", "passphrase")?;
    encryption::require_strong(&first, &[])?;
    let again = secret_from(NEW_PASSPHRASE_ENV, "The new passphrase again: ", "passphrase")?;
    if first != again {
        return Err(Error::invalid("passphrase", "the two passphrases differ; nothing was changed"));
    }
    Ok(first)
}

/// The passphrase to encrypt an export with, from TENFOLD_EXPORT_PASSPHRASE or asked twice.
fn export_passphrase() -> tenfold::Result<String> {
    if std::env::var_os(EXPORT_PASSPHRASE_ENV).is_some() {
        return secret_from(EXPORT_PASSPHRASE_ENV, "", "passphrase");
    }
    let first = secret_from(EXPORT_PASSPHRASE_ENV, "Passphrase for the export: ", "passphrase")?;
    encryption::require_strong(&first, &[])?;
    let again = secret_from(EXPORT_PASSPHRASE_ENV, "The same passphrase again: ", "passphrase")?;
    transfer::require_export_passphrase(&first, &again)?;
    Ok(first)
}

/// The secret that proves the coach may turn encryption off or change the passphrase.
fn current_secret(with_recovery_key: bool) -> tenfold::Result<String> {
    if with_recovery_key {
        secret_from(RECOVERY_KEY_ENV, "Recovery key: ", "recovery_key")
    } else {
        secret_from(PASSPHRASE_ENV, "Current passphrase: ", "passphrase")
    }
}

fn secret_of(typed: &str, recovery_key: bool) -> Secret<'_> {
    if recovery_key {
        Secret::RecoveryKey(typed)
    } else {
        Secret::Passphrase(typed)
    }
}

fn run(cli: Cli) -> tenfold::Result<()> {
    let database = database_path(cli.data_dir)?;
    let with_recovery_key = cli.recovery_key;
    let secret = |typed| secret_of(typed, with_recovery_key);
    if !matches!(cli.command, Command::Encrypt | Command::Decrypt | Command::Passphrase | Command::Backups) {
        unlock_if_encrypted(&database, with_recovery_key)?;
    }
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
        Command::Export { file, encrypt: false } => {
            existing_practice(&database)?.export_to_file(&file)?;
            println!("{}", file.display());
            eprintln!("The file is not encrypted: anyone who has it can read every note (`--encrypt` seals it with a passphrase).");
        }
        Command::Export { file, encrypt: true } => {
            let practice = existing_practice(&database)?;
            let passphrase = export_passphrase()?;
            practice.export_encrypted_to_file(&file, &passphrase)?;
            println!("{}", file.display());
            eprintln!("The file is encrypted; importing it asks for the passphrase you chose.");
        }
        Command::Import { file } => {
            let mut practice = Practice::open(&database)?;
            let passphrase = if transfer::is_encrypted_export(&file)? {
                Some(secret_from(EXPORT_PASSPHRASE_ENV, "Passphrase of the export: ", "passphrase")?)
            } else {
                None
            };
            let report = practice.import_file_with_passphrase(&file, passphrase.as_deref())?;
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
        Command::Encrypt => {
            let mut practice = existing_practice(&database)?;
            let passphrase = new_passphrase()?;
            let turned_on = practice.turn_on_encryption(&passphrase)?;
            println!("{} is encrypted.", database.display());
            println!("Recovery key (shown this once; keep it on paper, away from the laptop):");
            println!("  {}", turned_on.recovery_key);
            println!("Copies of the plain practice made elsewhere (synced folders, exports) are not touched; delete them yourself.");
        }
        Command::Decrypt => {
            require_encrypted(&database)?;
            let typed = current_secret(with_recovery_key)?;
            encryption::unlock(&database, secret(&typed))?;
            let mut practice = existing_practice(&database)?;
            practice.turn_off_encryption(secret(&typed))?;
            println!(
                "{} is a plain file again; its encrypted backups were replaced by a plain one.",
                database.display()
            );
        }
        Command::Passphrase => {
            require_encrypted(&database)?;
            let typed = current_secret(with_recovery_key)?;
            encryption::unlock(&database, secret(&typed))?;
            let mut practice = existing_practice(&database)?;
            let passphrase = new_passphrase()?;
            practice.change_passphrase(secret(&typed), &passphrase)?;
            println!("the passphrase of {} is changed; the recovery key still works.", database.display());
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
