// Typed, thin wrappers over the Tauri commands. Argument names are the camelCase forms of the
// Rust parameters (Tauri converts them). Every wrapper rejects with an ErrorView.
import { invoke } from '@tauri-apps/api/core';
import type {
  About,
  AssessmentDimension,
  AssessmentInput,
  AssessmentMap,
  AttemptedSolution,
  BackupInfo,
  BrandingInput,
  Client,
  ClientHistory,
  ClientInput,
  ClientOverview,
  ClientStatus,
  ClientValue,
  CoachProfile,
  Directive,
  DirectiveInput,
  DirectiveMove,
  DocumentRequest,
  ExportedFile,
  ExportsFolder,
  FocusAnswer,
  FocusArea,
  Formulation,
  FormulationStep,
  FormulationText,
  FormulationVersion,
  Licences,
  HomeworkEdit,
  HomeworkInput,
  HomeworkItem,
  HomeworkLetterText,
  HomeworkStatus,
  LetterTemplate,
  LetterTemplateInput,
  PersonInSystem,
  Placeholder,
  PurgeReport,
  RatingEntry,
  RatingInput,
  RecoveryOptions,
  RestoreReport,
  SearchResults,
  Session,
  SessionChange,
  SessionInput,
  SessionPrep,
  SessionWrapUp,
  Settings,
  TodayView,
  TrashKind,
  TrashedItem,
  ValueInput,
} from './bindings';
import { toErrorView } from './errors';

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (reason) {
    throw toErrorView(reason);
  }
}

export const about = () => call<About>('about');
export const licences = () => call<Licences>('licences');

export const listClients = (status: ClientStatus | null = null) => call<Client[]>('list_clients', { status });

export const listTrashedClients = () => call<Client[]>('list_trashed_clients');
export const getClient = (id: string) => call<Client>('get_client', { id });
export const createClient = (input: ClientInput) => call<Client>('create_client', { input });
export const updateClient = (id: string, input: ClientInput) => call<Client>('update_client', { id, input });
export const trashClient = (id: string) => call<Client>('trash_client', { id });
export const restoreClient = (id: string) => call<Client>('restore_client', { id });

export const createSamplePractice = () => call<Client>('create_sample_practice');
export const removeSamplePractice = () => call<number>('remove_sample_practice');

export const getSettings = () => call<Settings>('get_settings');
export const updateSettings = (settings: Settings) => call<Settings>('update_settings', { settings });

export const clientOverview = (clientId: string) => call<ClientOverview>('client_overview', { clientId });
export const clientHistory = (clientId: string) => call<ClientHistory>('client_history', { clientId });
export const sessionPrep = (clientId: string) => call<SessionPrep>('session_prep', { clientId });

export const listSessions = (clientId: string) => call<Session[]>('list_sessions', { clientId });
export const createSession = (input: SessionInput) => call<Session>('create_session', { input });
export const updateSession = (id: string, change: SessionChange) => call<Session>('update_session', { id, change });
/** Resolves with the instant the core stored the notes (RFC 3339). */
export const updateSessionNotes = (id: string, notes: string) => call<string>('update_session_notes', { id, notes });

export const listFocusAreas = (clientId: string, includeRetired: boolean) =>
  call<FocusArea[]>('list_focus_areas', { clientId, includeRetired });
export const createFocusArea = (clientId: string, title: string) => call<FocusArea>('create_focus_area', { clientId, title });
export const renameFocusArea = (id: string, title: string) => call<FocusArea>('rename_focus_area', { id, title });
export const reorderFocusAreas = (clientId: string, orderedIds: string[]) =>
  call<FocusArea[]>('reorder_focus_areas', { clientId, orderedIds });
/** Resolves with the instant the core stored the answer (RFC 3339). */
export const updateFocusAnswer = (id: string, answer: FocusAnswer, text: string) =>
  call<string>('update_focus_answer', { id, answer, text });
export const setThreeMonthTarget = (id: string, target: number | null) => call<FocusArea>('set_three_month_target', { id, target });
export const retireFocusArea = (id: string) => call<FocusArea>('retire_focus_area', { id });
export const reinstateFocusArea = (id: string) => call<FocusArea>('reinstate_focus_area', { id });
export const recordRating = (input: RatingInput) => call<RatingEntry>('record_rating', { input });
export const ratingHistory = (focusAreaId: string) => call<RatingEntry[]>('rating_history', { focusAreaId });

export const assessmentDimensions = () => call<AssessmentDimension[]>('assessment_dimensions');
export const renameAssessmentDimension = (position: number, label: string) =>
  call<AssessmentDimension[]>('rename_assessment_dimension', { position, label });
export const recordAssessmentMap = (input: AssessmentInput) => call<AssessmentMap>('record_assessment_map', { input });
export const listAssessmentMaps = (clientId: string) => call<AssessmentMap[]>('list_assessment_maps', { clientId });

export const listHomework = (clientId: string, openOnly: boolean) => call<HomeworkItem[]>('list_homework', { clientId, openOnly });
export const setHomeworkStatus = (id: string, status: HomeworkStatus) => call<HomeworkItem>('set_homework_status', { id, status });
export const addHomeworkItem = (input: HomeworkInput) => call<HomeworkItem>('add_homework_item', { input });
export const listSessionHomework = (sessionId: string) => call<HomeworkItem[]>('list_session_homework', { sessionId });
export const updateHomeworkItem = (id: string, edit: HomeworkEdit) => call<HomeworkItem>('update_homework_item', { id, edit });
export const reorderSessionHomework = (sessionId: string, orderedIds: string[]) =>
  call<HomeworkItem[]>('reorder_session_homework', { sessionId, orderedIds });
export const trashHomeworkItem = (id: string) => call<void>('trash_homework_item', { id });
export const restoreHomeworkItem = (id: string) => call<HomeworkItem>('restore_homework_item', { id });

export const sessionWrapUp = (sessionId: string) => call<SessionWrapUp>('session_wrap_up', { sessionId });
/** Resolves to the instant the copy was noted. */
export const recordLetterCopied = (sessionId: string) => call<string>('record_letter_copied', { sessionId });

export const todayView = () => call<TodayView>('today_view');

export const startFormulation = (clientId: string) => call<Formulation>('start_formulation', { clientId });
export const latestFormulation = (clientId: string) => call<Formulation | null>('latest_formulation', { clientId });
export const getFormulation = (id: string) => call<Formulation>('get_formulation', { id });
export const formulationVersions = (clientId: string) => call<FormulationVersion[]>('formulation_versions', { clientId });
/** Each of these resolves with the instant the core stored the change (RFC 3339). */
export const updateFormulationText = (id: string, field: FormulationText, text: string) =>
  call<string>('update_formulation_text', { id, field, text });
export const updateAttemptedSolutions = (id: string, rows: AttemptedSolution[]) =>
  call<string>('update_attempted_solutions', { id, rows });
export const updatePeopleInSystem = (id: string, rows: PersonInSystem[]) => call<string>('update_people_in_system', { id, rows });
export const setFormulationStep = (id: string, step: FormulationStep) => call<Formulation>('set_formulation_step', { id, step });
export const reviseFormulation = (clientId: string) => call<Formulation>('revise_formulation', { clientId });

export const listDirectives = (clientId: string) => call<Directive[]>('list_directives', { clientId });
export const createDirective = (input: DirectiveInput) => call<Directive>('create_directive', { input });
export const directiveDraftFromFormulation = (formulationId: string) =>
  call<DirectiveInput>('directive_draft_from_formulation', { formulationId });
export const updateDirective = (id: string, input: DirectiveInput) => call<Directive>('update_directive', { id, input });
export const moveDirective = (id: string, change: DirectiveMove) => call<Directive>('move_directive', { id, change });
export const trashDirective = (id: string) => call<void>('trash_directive', { id });
export const restoreDirective = (id: string) => call<Directive>('restore_directive', { id });

export const listClientValues = (clientId: string) => call<ClientValue[]>('list_client_values', { clientId });
export const addClientValue = (clientId: string, input: ValueInput) => call<ClientValue>('add_client_value', { clientId, input });
export const updateClientValue = (id: string, input: ValueInput) => call<ClientValue>('update_client_value', { id, input });
export const rankClientValues = (clientId: string, orderedIds: string[]) =>
  call<ClientValue[]>('rank_client_values', { clientId, orderedIds });
export const trashClientValue = (id: string) => call<void>('trash_client_value', { id });
export const restoreClientValue = (id: string) => call<ClientValue>('restore_client_value', { id });

export const getCoachProfile = () => call<CoachProfile>('get_coach_profile');
export const updateBranding = (input: BrandingInput) => call<CoachProfile>('update_branding', { input });
/** Resolves with a `data:` URL of the letterhead rendered with `input` (not saved). */
export const previewLetterhead = (input: BrandingInput) => call<string>('preview_letterhead', { input });
/** Opens the system's file dialog; resolves with null when the coach cancels. */
export const chooseLogo = () => call<CoachProfile | null>('choose_logo');
export const clearLogo = () => call<CoachProfile>('clear_logo');

export const listLetterTemplates = () => call<LetterTemplate[]>('list_letter_templates');
export const letterPlaceholders = () => call<Placeholder[]>('letter_placeholders');
export const createLetterTemplate = (input: LetterTemplateInput) => call<LetterTemplate>('create_letter_template', { input });
export const updateLetterTemplate = (id: string, input: LetterTemplateInput) =>
  call<LetterTemplate>('update_letter_template', { id, input });
export const setDefaultLetterTemplate = (id: string) => call<LetterTemplate>('set_default_letter_template', { id });
export const trashLetterTemplate = (id: string) => call<void>('trash_letter_template', { id });

/** Resolves with one `data:` URL (PNG) per page. */
export const previewDocument = (request: DocumentRequest) => call<string[]>('preview_document', { request });
export const exportDocument = (request: DocumentRequest) => call<ExportedFile>('export_document', { request });
/** Opens the system's save dialog; resolves with null when the coach cancels. */
export const saveDocumentAs = (request: DocumentRequest) => call<ExportedFile | null>('save_document_as', { request });
export const openExportedFile = (path: string) => call<void>('open_exported_file', { path });
export const showExportedFile = (path: string) => call<void>('show_exported_file', { path });
export const listExports = (sourceId: string) => call<ExportedFile[]>('list_exports', { sourceId });
export const homeworkLetterText = (sessionId: string, templateId: string | null, dueOn: string | null) =>
  call<HomeworkLetterText>('homework_letter_text', { sessionId, templateId, dueOn });
export const getExportsFolder = () => call<ExportsFolder>('get_exports_folder');
export const setExportsFolder = (path: string) => call<ExportsFolder>('set_exports_folder', { path });
/** Opens the system's folder dialog; resolves with null when the coach cancels. */
export const chooseExportsFolder = () => call<ExportsFolder | null>('choose_exports_folder');
export const exportClientDocuments = (clientId: string) => call<ExportedFile[]>('export_client_documents', { clientId });

export const backUpNow = () => call<BackupInfo>('back_up_now');
export const listBackups = () => call<BackupInfo[]>('list_backups');
export const restoreBackup = (fileName: string) => call<RestoreReport>('restore_backup', { fileName });
/** Null when the practice opened; otherwise what the recovery screen offers. */
export const recoveryOptions = () => call<RecoveryOptions | null>('recovery_options');
export const recoverFromBackup = (fileName: string) => call<RestoreReport>('recover_from_backup', { fileName });
export const listTrash = () => call<TrashedItem[]>('list_trash');
export const trashItem = (kind: TrashKind, id: string) => call<null>('trash_item', { kind, id });
export const restoreItem = (kind: TrashKind, id: string) => call<null>('restore_item', { kind, id });
export const purgeExpiredTrash = () => call<PurgeReport>('purge_expired_trash');

export const search = (query: string) => call<SearchResults>('search', { query });
