//! The TypeScript types the UI uses, generated from the Rust types so the two cannot drift.
//! `tests/bindings.rs` fails when `ui/src/lib/bindings.ts` is stale and rewrites it when
//! run with `TENFOLD_WRITE_BINDINGS=1`.

use ts_rs::{Config, TS};

use crate::{
    about, assessment, backup, branding, clients, directives, documents, error, exports, focus, formulation, homework,
    letters, overview, practice, search, sessions, settings, today, transfer, trash, values, wrap_up,
};

/// Where the generated file lives, relative to the repository root.
pub const BINDINGS_PATH: &str = "ui/src/lib/bindings.ts";

macro_rules! declarations {
    ($cfg:expr; $($ty:ty),+ $(,)?) => {
        vec![$(declaration::<$ty>($cfg)),+]
    };
}

fn declaration<T: TS>(cfg: &Config) -> String {
    let docs = T::docs().map(|d| format!("{}\n", d.trim_end())).unwrap_or_default();
    format!("{docs}export {}", T::decl(cfg))
}

/// The whole generated TypeScript file.
pub fn typescript() -> String {
    let cfg = Config::new();
    let declarations = declarations![&cfg;
        error::ErrorKind,
        error::ErrorView,
        practice::About,
        about::BundledFont,
        about::Library,
        about::Licences,
        backup::BackupReason,
        backup::BackupInfo,
        backup::RecoveryOptions,
        backup::RestoreReport,
        transfer::ImportReport,
        search::SearchKind,
        search::SearchHit,
        search::SearchSection,
        search::SearchGroup,
        search::SearchResults,
        trash::TrashKind,
        trash::TrashedItem,
        trash::PurgeReport,
        settings::Settings,
        clients::ClientStatus,
        clients::Client,
        clients::ClientInput,
        sessions::SessionKind,
        sessions::PrepItem,
        sessions::Session,
        sessions::SessionInput,
        sessions::SessionChange,
        values::ClientValue,
        values::ValueInput,
        focus::FocusArea,
        focus::FocusAnswer,
        focus::RatingEntry,
        focus::RatingInput,
        assessment::AssessmentDimension,
        assessment::AssessmentScore,
        assessment::AssessmentMap,
        assessment::ScoreInput,
        assessment::AssessmentInput,
        assessment::DimensionChange,
        homework::HomeworkStatus,
        homework::HomeworkItem,
        homework::HomeworkInput,
        homework::HomeworkEdit,
        formulation::FormulationStep,
        formulation::FormulationText,
        formulation::AttemptedSolution,
        formulation::PersonInSystem,
        formulation::Formulation,
        formulation::FormulationVersion,
        directives::DirectiveStatus,
        directives::Directive,
        directives::DirectiveInput,
        directives::DirectiveMove,
        overview::FocusSummary,
        overview::ClientOverview,
        overview::AreaHistory,
        overview::ClientHistory,
        overview::SessionPrep,
        branding::LogoFormat,
        branding::LogoInfo,
        branding::CoachProfile,
        branding::BrandingInput,
        letters::LetterTemplate,
        letters::LetterTemplateInput,
        letters::Placeholder,
        documents::DocumentRequest,
        documents::DocumentKind,
        documents::HomeworkLetterText,
        exports::ExportsFolder,
        exports::ExportedFile,
        wrap_up::WrapUpArea,
        wrap_up::SessionWrapUp,
        today::DaySession,
        today::FlaggedClient,
        today::OverdueDirective,
        today::UnsentLetter,
        today::TodayView,
    ];
    let mut file = String::from(
        "// Generated from the Rust types in src/ by `TENFOLD_WRITE_BINDINGS=1 cargo test --test bindings`.\n\
         // Do not edit by hand.\n\n",
    );
    file.push_str(&declarations.join("\n\n"));
    file.push('\n');
    file
}
