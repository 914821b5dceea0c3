// Performance marks the page sets once each on its way to the first client list, so start-up can
// be timed to the millisecond from outside (scripts/footprint reads them over WebDriver) instead
// of to the resolution of a polling loop, and split into its steps: the script loaded and run,
// the first view mounted, the core asked for the clients and its answer in, the list drawn.
export const SCRIPT_RAN = 'tenfold:script-ran';
export const MOUNTED = 'tenfold:mounted';
export const CORE_ASKED = 'tenfold:core-asked';
export const CORE_ANSWERED = 'tenfold:core-answered';
export const CLIENT_LIST_READY = 'tenfold:client-list-ready';

export type StartStep =
  | typeof SCRIPT_RAN
  | typeof MOUNTED
  | typeof CORE_ASKED
  | typeof CORE_ANSWERED
  | typeof CLIENT_LIST_READY;

type Marks = Pick<Performance, 'getEntriesByName' | 'mark'>;

/** Marks `step` the first time only: the mark is the moment of the first start. */
export function markStartStep(step: StartStep, perf: Marks = performance): void {
  if (perf.getEntriesByName(step).length === 0) perf.mark(step);
}

export function markClientListReady(perf: Marks = performance): void {
  markStartStep(CLIENT_LIST_READY, perf);
}
