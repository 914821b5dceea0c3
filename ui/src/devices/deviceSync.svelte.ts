// The sync of a shared practice: at start, whenever the window gets the focus, and every
// minute. What was typed is saved first, so it goes out with this sync; the other devices'
// changes come in; a screen showing what changed reloads (see App).
import { getCurrentWindow } from '@tauri-apps/api/window';
import { api } from '../lib/api';
import type { ErrorView, SyncReport } from '../lib/bindings';
import { toErrorView } from '../lib/errors';
import { flushAll } from '../lib/flush';

export const SYNC_EVERY_MS = 60_000;

type Outcome = { at: Date; report: SyncReport | null; error: ErrorView | null };

class DeviceSync {
  /** The last sync's outcome; `null` until a shared practice has synced once. */
  last = $state<Outcome | null>(null);
  running = $state(false);
  private queued = false;
  private listeners = new Set<(report: SyncReport) => void>();

  /** Hears every sync that applied another device's changes. */
  onApplied(listener: (report: SyncReport) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Syncs now; a sync asked for while one runs follows it once. */
  async run(): Promise<Outcome | null> {
    if (this.running) {
      this.queued = true;
      return this.last;
    }
    this.running = true;
    try {
      do {
        this.queued = false;
        await this.once();
      } while (this.queued);
    } finally {
      this.running = false;
    }
    return this.last;
  }

  private async once() {
    await flushAll();
    try {
      const report = await api.syncDevices();
      this.last = { at: new Date(), report, error: null };
      if (report.applied > 0) for (const listener of this.listeners) listener(report);
    } catch (reason) {
      const error = toErrorView(reason);
      // Not shared (the usual case) or locked: there is nothing to sync, and nothing to say.
      if (error.kind === 'not_shared' || error.kind === 'locked') return;
      this.last = { at: new Date(), report: null, error };
    }
  }
}

export const deviceSync = new DeviceSync();

/** Starts the syncs the window runs; returns what stops them. */
export function startDeviceSync(): () => void {
  void deviceSync.run();
  const timer = setInterval(() => void deviceSync.run(), SYNC_EVERY_MS);
  let stopFocus: (() => void) | undefined;
  getCurrentWindow()
    .onFocusChanged(({ payload: focused }) => {
      if (focused) void deviceSync.run();
    })
    .then((stop) => (stopFocus = stop))
    .catch(() => {
      // Outside the desktop shell there is no window focus to follow.
    });
  return () => {
    clearInterval(timer);
    stopFocus?.();
  };
}
