// Words for backups: their reason and size, in the coach's terms.
import type { BackupInfo, BackupReason } from '../lib/bindings';
import { formatInstantDate, formatTime } from '../lib/dates';

/** What the shell sends when the start-up check, run while the practice is in use, finds the
 *  file damaged (`PRACTICE_DAMAGED_EVENT` in src-tauri/src/lib.rs). */
export const PRACTICE_DAMAGED_EVENT = 'practice-damaged';

export const REASON_LABELS: Record<BackupReason, string> = {
  daily: 'Daily',
  changes: 'After changes',
  manual: 'Backed up by you',
  before_restore: 'Taken before a restore',
};

export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** "12 March 2026, 09:30 · Daily · 2.4 MB" */
export function describeBackup(backup: BackupInfo): string {
  return `${formatInstantDate(backup.taken_at)}, ${formatTime(backup.taken_at)} · ${REASON_LABELS[backup.reason]} · ${formatSize(backup.size_bytes)}`;
}
