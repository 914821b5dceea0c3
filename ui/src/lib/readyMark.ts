// Performance marks the page sets once each on its way to the first client list, so start-up can
// be timed to the millisecond from outside (scripts/footprint reads them over WebDriver) instead
// of to the resolution of a polling loop, and split into its steps: the script loaded and run,
// the first view mounted, the core asked for the clients and its answer in, the list drawn, and
// the list painted: start-up ends when the coach can see the list, as the bare app's ends at its
// first paint (benches/bare-app/page/ready.js does the same).
export const SCRIPT_RAN = 'tenfold:script-ran';
export const MOUNTED = 'tenfold:mounted';
export const CORE_ASKED = 'tenfold:core-asked';
export const CORE_ANSWERED = 'tenfold:core-answered';
export const CLIENT_LIST_READY = 'tenfold:client-list-ready';
export const CLIENT_LIST_PAINTED = 'tenfold:client-list-painted';

export type StartStep =
  | typeof SCRIPT_RAN
  | typeof MOUNTED
  | typeof CORE_ASKED
  | typeof CORE_ANSWERED
  | typeof CLIENT_LIST_READY
  | typeof CLIENT_LIST_PAINTED;

type Marks = Pick<Performance, 'getEntriesByName' | 'mark'>;

/** Marks `step` the first time only: the mark is the moment of the first start. */
export function markStartStep(step: StartStep, perf: Marks = performance): void {
  if (perf.getEntriesByName(step).length === 0) perf.mark(step);
}

/**
 * Runs `then` once the frame after this moment is painted: a frame callback runs just before
 * the browser lays out and paints, and a task queued from it runs once that is done.
 */
export function afterNextPaint(
  then: () => void,
  frame: (callback: () => void) => unknown = requestAnimationFrame,
  task: (callback: () => void) => unknown = setTimeout,
): void {
  frame(() => task(then));
}

/** Marks the loaded list in the page, then on screen. */
export function markClientListReady(perf: Marks = performance, afterPaint = afterNextPaint): void {
  markStartStep(CLIENT_LIST_READY, perf);
  afterPaint(() => markStartStep(CLIENT_LIST_PAINTED, perf));
}
