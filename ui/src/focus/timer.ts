// The per-area timer of the live screen: each focus area keeps its own elapsed time, only the
// current area's clock runs, and going past the planned length is shown, never interrupted.

export type AreaClock = { elapsedMs: number; startedAt: number | null };

export type Timers = {
  clocks: Record<string, AreaClock>;
  /** The area whose clock may run. */
  current: string | null;
  running: boolean;
};

export function newTimers(current: string | null = null, running = false, now = 0): Timers {
  const t: Timers = { clocks: {}, current: null, running: false };
  return switchArea(running ? start(t, now) : t, current, now);
}

function clock(t: Timers, id: string): AreaClock {
  return t.clocks[id] ?? { elapsedMs: 0, startedAt: null };
}

function stopped(c: AreaClock, now: number): AreaClock {
  return c.startedAt === null ? c : { elapsedMs: c.elapsedMs + Math.max(0, now - c.startedAt), startedAt: null };
}

/** Elapsed time of an area at `now`. */
export function elapsed(t: Timers, id: string, now: number): number {
  const c = clock(t, id);
  return c.elapsedMs + (c.startedAt === null ? 0 : Math.max(0, now - c.startedAt));
}

export function start(t: Timers, now: number): Timers {
  if (t.running) return t;
  const clocks = { ...t.clocks };
  if (t.current) clocks[t.current] = { elapsedMs: clock(t, t.current).elapsedMs, startedAt: now };
  return { ...t, clocks, running: true };
}

export function pause(t: Timers, now: number): Timers {
  if (!t.running) return t;
  const clocks = { ...t.clocks };
  if (t.current) clocks[t.current] = stopped(clock(t, t.current), now);
  return { ...t, clocks, running: false };
}

export function toggle(t: Timers, now: number): Timers {
  return t.running ? pause(t, now) : start(t, now);
}

/** Moves to another area: the old clock stops, the new one runs if the timer is running. */
export function switchArea(t: Timers, id: string | null, now: number): Timers {
  if (t.current === id) return t;
  const clocks = { ...t.clocks };
  if (t.current) clocks[t.current] = stopped(clock(t, t.current), now);
  if (id) clocks[id] = { elapsedMs: clock(t, id).elapsedMs, startedAt: t.running ? now : null };
  return { ...t, clocks, current: id };
}

/** Starts the current area's clock again from zero (keeps running or paused). */
export function reset(t: Timers, now: number): Timers {
  if (!t.current) return t;
  return { ...t, clocks: { ...t.clocks, [t.current]: { elapsedMs: 0, startedAt: t.running ? now : null } } };
}

/** `mm:ss` (minutes go past 59 rather than adding hours: a session is not that long). */
export function formatClock(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

export function isOverrun(ms: number, minutes: number): boolean {
  return ms > minutes * 60_000;
}

/** How the overrun reads, e.g. `2 min over`; empty while within the planned time. */
export function overrunText(ms: number, minutes: number): string {
  const over = ms - minutes * 60_000;
  if (over <= 0) return '';
  const mins = Math.floor(over / 60_000);
  return mins < 1 ? 'just over' : `${mins} min over`;
}
