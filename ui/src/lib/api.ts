// Typed, thin wrappers over the Tauri commands. Argument names are the camelCase forms of the
// Rust parameters (Tauri converts them). Every wrapper rejects with an ErrorView.
import { invoke } from '@tauri-apps/api/core';
import type {
  About,
  AssessmentDimension,
  AssessmentInput,
  AssessmentMap,
  BackupInfo,
  Client,
  ClientHistory,
  ClientInput,
  ClientOverview,
  ClientStatus,
  ClientValue,
  FocusAnswer,
  FocusArea,
  HomeworkItem,
  HomeworkStatus,
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
  Settings,
  TrashedItem,
  TrashKind,
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

export const listClientValues = (clientId: string) => call<ClientValue[]>('list_client_values', { clientId });

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
