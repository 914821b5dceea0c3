// Which session the Session tab has open, and at which stage: its prep while it is planned
// ahead, its live screen during the call, or its wrap-up after. None open means the prep and
// the session log.
import type { LivePosition } from '../lib/bindings';

export type SessionStage = 'prep' | 'live' | 'wrap-up';

/** `at`: where on the live screen to put the coach back (after a crash mid-call). */
export type OpenSession = { id: string; stage: SessionStage; at?: LivePosition };
