// Generated from the Rust types in src/ by `TENFOLD_WRITE_BINDINGS=1 cargo test --test bindings`.
// Do not edit by hand.

export type ErrorKind = "invalid" | "not_found" | "in_trash" | "storage" | "render" | "damaged" | "read_only" | "disk_full";

/**
 * What the UI receives when a command fails: `{kind, message, field?}`.
 */
export type ErrorView = { kind: ErrorKind, message: string, field?: string, };

/**
 * What the about screen shows: the version and where the coach's data lives.
 */
export type About = { version: string, database_path: string, schema_version: number, };

/**
 * A font family compiled into the app, with its licence.
 */
export type BundledFont = { family: string, 
/**
 * What the family is used for, in the coach's words.
 */
used_for: string, 
/**
 * SPDX identifier.
 */
licence: string, 
/**
 * The full licence text, with its copyright line.
 */
licence_text: string, };

/**
 * A library compiled into the app: a Rust crate or an npm package.
 */
export type Library = { name: string, version: string, 
/**
 * SPDX expression as the library declares it (e.g. `MIT OR Apache-2.0`).
 */
licence: string, 
/**
 * Where its source and full licence live; empty when the library names none.
 */
repository: string, };

/**
 * Everything the About section lists besides the version.
 */
export type Licences = { app_licence: string, fonts: Array<BundledFont>, crates: Array<Library>, };

/**
 * Why a backup was taken; part of its file name.
 */
export type BackupReason = "daily" | "changes" | "manual" | "before_restore";

export type BackupInfo = { file_name: string, path: string, taken_at: string, reason: BackupReason, size_bytes: number, };

/**
 * What the recovery screen offers when the practice file cannot be read.
 */
export type RecoveryOptions = { database_path: string, 
/**
 * Why the file could not be opened, in words.
 */
problem: string, 
/**
 * The newest backup that passes its integrity check, if any.
 */
newest_good_backup: BackupInfo | null, 
/**
 * Every backup, newest first (older ones may be chosen too).
 */
backups: Array<BackupInfo>, };

/**
 * What a recovery or restore did, for the coach to read.
 */
export type RestoreReport = { restored_from: string, 
/**
 * Where the file that was replaced now is: a backup (restore) or the damaged file kept
 * aside (recovery). `None` when there was no file to keep.
 */
previous_kept_at: string | null, };

export type ImportReport = { 
/**
 * Rows imported per table.
 */
rows: { [key in string]: number }, clients: number, };

/**
 * What kind of record a hit is; the UI opens the matching screen.
 */
export type SearchKind = "client" | "focus_area" | "session" | "formulation" | "directive" | "homework";

export type SearchHit = { kind: SearchKind, item_id: string, 
/**
 * The record's name: a client's name, an area's title, a session's date, a
 * formulation's presenting problem, a directive's title, a homework item's text.
 */
title: string, 
/**
 * A few words around the match, with the matched words between `MATCH_START` and
 * `MATCH_END`.
 */
snippet: string, 
/**
 * bm25 score: lower is a better match.
 */
score: number, };

/**
 * One client's hits of one kind, best first.
 */
export type SearchSection = { kind: SearchKind, hits: Array<SearchHit>, };

/**
 * One client's hits, by kind; kinds in order of their best hit.
 */
export type SearchGroup = { client_id: string, client_name: string, sections: Array<SearchSection>, };

export type SearchResults = { 
/**
 * Clients in order of their best hit.
 */
groups: Array<SearchGroup>, 
/**
 * True when there were more hits than `MAX_HITS`.
 */
truncated: boolean, };

export type TrashKind = "client" | "session" | "focus_area" | "rating" | "assessment_map" | "client_value" | "homework_item" | "formulation" | "directive";

export type TrashedItem = { kind: TrashKind, id: string, client_id: string, client_name: string, 
/**
 * Which record this is, in a few words (a title, a date, a rating and its area).
 */
label: string, trashed_at: string, 
/**
 * From this instant on, purging removes it.
 */
purgeable_from: string, 
/**
 * True when it has been in the trash longer than the purge delay.
 */
purgeable: boolean, };

export type PurgeReport = { 
/**
 * Records deleted for good, counting only those that were in the trash themselves (a
 * purged client takes everything recorded for them along).
 */
removed: number, };

export type Settings = { 
/**
 * How long the live screen's timer runs for each focus area; the guide suggests about
 * fifteen minutes.
 */
focus_timer_minutes: number, };

export type ClientStatus = "active" | "paused" | "completed";

export type Client = { id: string, name: string, 
/**
 * What the coach calls them; empty when they go by their name.
 */
preferred_name: string, email: string, phone: string, status: ClientStatus, tags: Array<string>, started_on: string | null, private_notes: string, 
/**
 * Created by "explore a sample practice", removable in one action.
 */
is_sample: boolean, created_at: string, updated_at: string, trashed_at: string | null, };

/**
 * What a person types into the client form. Dates arrive as text so a bad one is reported
 * against its field rather than failing the whole request.
 */
export type ClientInput = { name: string, preferred_name: string, email: string, phone: string, status: ClientStatus | null, tags: Array<string>, 
/**
 * `YYYY-MM-DD`, or empty.
 */
started_on: string, private_notes: string, };

export type SessionKind = "discovery" | "values" | "strategy" | "follow_up" | "other";

/**
 * One line of the coach's preparation list for a session.
 */
export type PrepItem = { label: string, done: boolean, };

export type Session = { id: string, client_id: string, held_on: string, kind: SessionKind, prep_checklist: Array<PrepItem>, notes: string, created_at: string, updated_at: string, };

export type SessionInput = { client_id: string, 
/**
 * `YYYY-MM-DD`.
 */
held_on: string, kind: SessionKind, notes: string, prep_checklist: Array<PrepItem>, };

/**
 * A change to a session's date, kind or checklist (its client never changes).
 */
export type SessionChange = { 
/**
 * `YYYY-MM-DD`.
 */
held_on: string, kind: SessionKind, prep_checklist: Array<PrepItem>, };

export type ClientValue = { id: string, client_id: string, 
/**
 * 1 is the value that matters most.
 */
rank: number, value: string, notes: string, updated_at: string, };

export type ValueInput = { value: string, notes: string, };

export type FocusArea = { id: string, client_id: string, title: string, 
/**
 * Order among the client's areas, from 1.
 */
position: number, desired_outcome: string, why_it_matters: string, path_and_evidence: string, barriers: string, ten_looks_like: string, ten_in_three_months: string, 
/**
 * The rating the client hopes to reach in three months, drawn as a reference line.
 */
three_month_target: number | null, notes: string, retired_at: string | null, created_at: string, updated_at: string, };

/**
 * The written answers of a focus area; the satisfaction question is answered by a rating.
 */
export type FocusAnswer = "desired_outcome" | "why_it_matters" | "path_and_evidence" | "barriers" | "ten_looks_like" | "ten_in_three_months" | "notes";

export type RatingEntry = { id: string, focus_area_id: string, 
/**
 * The session it was recorded in, if any.
 */
session_id: string | null, value: number, taken_at: string, note: string, };

export type RatingInput = { focus_area_id: string, session_id: string | null, value: number, note: string, 
/**
 * RFC 3339; now when absent.
 */
taken_at: string | null, };

export type AssessmentDimension = { 
/**
 * 1 to 7.
 */
position: number, label: string, };

export type AssessmentScore = { dimension: number, score: number, note: string, };

export type AssessmentMap = { id: string, client_id: string, session_id: string | null, taken_at: string, note: string, 
/**
 * Exactly seven, by dimension.
 */
scores: Array<AssessmentScore>, };

export type ScoreInput = { dimension: number, score: number, note: string, };

export type AssessmentInput = { client_id: string, session_id: string | null, 
/**
 * RFC 3339; now when absent.
 */
taken_at: string | null, note: string, scores: Array<ScoreInput>, };

/**
 * One dimension of the latest map against the map before it.
 */
export type DimensionChange = { dimension: number, label: string, latest: number, previous: number, 
/**
 * `latest - previous`.
 */
change: number, 
/**
 * The score fell by `DROP_FLAG_POINTS` or more.
 */
flagged: boolean, };

export type HomeworkStatus = "open" | "done" | "partly" | "skipped";

export type HomeworkItem = { id: string, client_id: string, session_id: string | null, 
/**
 * The focus area the item came from, when it was drawn from one.
 */
focus_area_id: string | null, 
/**
 * Order within its session's list, from 1.
 */
position: number, text: string, is_optional: boolean, due_on: string | null, status: HomeworkStatus, created_at: string, updated_at: string, };

export type HomeworkInput = { client_id: string, session_id: string | null, focus_area_id: string | null, text: string, is_optional: boolean, 
/**
 * `YYYY-MM-DD`, or empty.
 */
due_on: string, };

/**
 * A change to an item's wording, optional flag or due date (its session never changes).
 */
export type HomeworkEdit = { text: string, is_optional: boolean, 
/**
 * `YYYY-MM-DD`, or empty.
 */
due_on: string, };

/**
 * The wizard's steps, in order. The number stored in `current_step` is the index here.
 */
export type FormulationStep = "presenting_problem" | "attempted_solutions" | "pattern" | "what_it_protects" | "people_in_system" | "client_position" | "resistance" | "first_sign_of_change" | "hypothesis_and_ideas";

/**
 * The free-text answers of a formulation; the two lists are saved whole (see
 * `update_attempted_solutions` and `update_people_in_system`).
 */
export type FormulationText = "presenting_problem" | "pattern" | "pattern_protects" | "client_position" | "resistance" | "first_sign_of_change" | "hypothesis" | "directive_ideas";

/**
 * Something already tried to solve the problem: by whom, what, and how it went.
 */
export type AttemptedSolution = { who: string, what: string, how_it_went: string, };

/**
 * Someone else in the client's system and what they want.
 */
export type PersonInSystem = { who: string, wants: string, };

export type Formulation = { id: string, client_id: string, 
/**
 * 1 for the first; each revision adds one.
 */
version: number, 
/**
 * Only the newest version can change; earlier ones are kept as they were.
 */
is_latest: boolean, 
/**
 * In the client's own words.
 */
presenting_problem: string, attempted_solutions: Array<AttemptedSolution>, pattern: string, 
/**
 * What the pattern protects, and what would be at risk if it changed.
 */
pattern_protects: string, people_in_system: Array<PersonInSystem>, 
/**
 * The client's position, language and values to speak to.
 */
client_position: string, 
/**
 * Resistance read as information: where the weight is.
 */
resistance: string, first_sign_of_change: string, hypothesis: string, directive_ideas: string, 
/**
 * Where the coach left the wizard; it opens there again.
 */
current_step: FormulationStep, created_at: string, updated_at: string, };

/**
 * One version in a formulation's history, for the list of earlier versions.
 */
export type FormulationVersion = { id: string, version: number, is_latest: boolean, created_at: string, updated_at: string, };

export type DirectiveStatus = "draft" | "given" | "reported_back" | "done" | "dropped";

export type Directive = { id: string, client_id: string, 
/**
 * The formulation (version) it was drafted from, if any.
 */
formulation_id: string | null, title: string, 
/**
 * What the client is asked to do, in words meant for them.
 */
instructions: string, 
/**
 * When and how often.
 */
timing: string, 
/**
 * What to notice and bring back.
 */
report_back: string, 
/**
 * Why the coach chose it. Coach-only: never printed for the client.
 */
rationale: string, status: DirectiveStatus, given_on: string | null, due_on: string | null, outcome: string, 
/**
 * Given or reported back: the client is working on it.
 */
is_live: boolean, 
/**
 * Where the status may move from here.
 */
next_statuses: Array<DirectiveStatus>, created_at: string, updated_at: string, };

/**
 * The fields the coach writes; the status moves separately (`move_directive`).
 */
export type DirectiveInput = { client_id: string, formulation_id: string | null, title: string, instructions: string, timing: string, report_back: string, rationale: string, 
/**
 * `YYYY-MM-DD`, or empty.
 */
due_on: string, outcome: string, };

/**
 * A move of a directive's status, with what came of it.
 */
export type DirectiveMove = { status: DirectiveStatus, 
/**
 * When moving to given: the day it was given, `YYYY-MM-DD`; empty means today.
 */
given_on: string, 
/**
 * Replaces the written outcome when present.
 */
outcome: string | null, };

export type FocusSummary = { area: FocusArea, latest: RatingEntry | null, 
/**
 * The rating before the latest (one per session, so the previous session's).
 */
previous: RatingEntry | null, 
/**
 * Latest value minus the one before it; none until there are two ratings.
 */
change: number | null, 
/**
 * Up to the last `TREND_LENGTH` values, oldest first.
 */
trend: Array<number>, };

export type ClientOverview = { client: Client, 
/**
 * Active focus areas in their order.
 */
focus_areas: Array<FocusSummary>, open_homework: Array<HomeworkItem>, 
/**
 * Directives the client is working on (given or reported back), newest first.
 */
live_directives: Array<Directive>, 
/**
 * The client's values, most important first.
 */
values: Array<ClientValue>, last_session: Session | null, last_map: AssessmentMap | null, 
/**
 * The last map against the one before it, dimension by dimension; empty with fewer
 * than two maps.
 */
map_changes: Array<DimensionChange>, };

export type AreaHistory = { area: FocusArea, 
/**
 * Oldest first.
 */
ratings: Array<RatingEntry>, };

export type ClientHistory = { client: Client, 
/**
 * Every focus area with its ratings, active ones first in their order, then retired.
 */
areas: Array<AreaHistory>, 
/**
 * Newest first, to label points with the session they were taken in.
 */
sessions: Array<Session>, };

/**
 * Everything to look over before a call: the overview plus the working formulation, whose
 * hypothesis and first sign of change are worth listening for.
 */
export type SessionPrep = { overview: ClientOverview, 
/**
 * The latest version, if a formulation was started.
 */
formulation: Formulation | null, 
/**
 * Every item given in the last session, whatever its status, in list order: the ones to
 * ask about first.
 */
last_session_homework: Array<HomeworkItem>, 
/**
 * Open items from earlier sessions (or none), newest session first.
 */
earlier_open_homework: Array<HomeworkItem>, };

export type LogoFormat = "png" | "jpeg" | "svg";

export type LogoInfo = { format: LogoFormat, size_bytes: number, };

export type CoachProfile = { coach_name: string, practice_name: string, contact_lines: Array<string>, 
/**
 * `#RRGGBB`.
 */
accent_colour: string, 
/**
 * The words before the coach's name at the end of a letter, e.g. "Warm regards,".
 */
sign_off: string, logo: LogoInfo | null, updated_at: string, };

export type BrandingInput = { coach_name: string, practice_name: string, contact_lines: Array<string>, accent_colour: string, sign_off: string, };

export type LetterTemplate = { id: string, name: string, greeting: string, intro: string, closing: string, 
/**
 * The template a new letter starts from; exactly one live template has it.
 */
is_default: boolean, updated_at: string, };

export type LetterTemplateInput = { name: string, greeting: string, intro: string, closing: string, };

export type Placeholder = { name: string, meaning: string, };

/**
 * Which document to make, and from what.
 */
export type DocumentRequest = { "kind": "homework_letter", session_id: string, template_id?: string, due_on?: string, } | { "kind": "directive_sheet", directive_id: string, } | { "kind": "progress_report", client_id: string, } | { "kind": "formulation_summary", formulation_id: string, };

export type DocumentKind = "homework_letter" | "directive_sheet" | "progress_report" | "formulation_summary";

/**
 * The letter as plain text, for pasting into an e-mail.
 */
export type HomeworkLetterText = { subject: string, body: string, };

export type ExportsFolder = { path: string, 
/**
 * True when the coach has not chosen one and the default is in use.
 */
is_default: boolean, };

export type ExportedFile = { id: string, client_id: string, kind: DocumentKind, source_id: string, path: string, file_name: string, exported_at: string, };

export type WrapUpArea = { area: FocusArea, 
/**
 * The rating taken in this session, if one was.
 */
rating: RatingEntry | null, 
/**
 * The area's rating before this session, to show the change.
 */
previous: RatingEntry | null, };

export type SessionWrapUp = { session: Session, client: Client, 
/**
 * The client's active focus areas in their order.
 */
areas: Array<WrapUpArea>, homework: Array<HomeworkItem>, 
/**
 * This session's homework letters saved as PDFs, newest first.
 */
letter_exports: Array<ExportedFile>, 
/**
 * When the letter's text was last copied for an e-mail.
 */
letter_copied_at: string | null, };

export type DaySession = { session: Session, client_name: string, 
/**
 * Live homework items given in the session.
 */
homework_count: number, };

export type FlaggedClient = { client_id: string, client_name: string, 
/**
 * When the latest map was taken.
 */
taken_at: string, 
/**
 * Only the dimensions that fell by the flag's amount or more, in dimension order.
 */
drops: Array<DimensionChange>, };

export type OverdueDirective = { directive: Directive, client_name: string, days_overdue: number, };

export type UnsentLetter = { session: Session, client_name: string, homework_count: number, };

export type TodayView = { date: string, 
/**
 * Monday and Sunday of the week `date` falls in.
 */
week_starts_on: string, week_ends_on: string, 
/**
 * Every session logged for this week, by date and then client name.
 */
sessions: Array<DaySession>, flagged_clients: Array<FlaggedClient>, 
/**
 * Given directives whose date has passed without the client reporting back, most overdue first.
 */
overdue_directives: Array<OverdueDirective>, 
/**
 * Sessions of the last `UNSENT_LETTER_DAYS` with homework whose letter was neither
 * exported nor copied as e-mail text, newest first.
 */
unsent_letters: Array<UnsentLetter>, };
