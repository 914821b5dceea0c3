// Which session the Session tab has open, and at which stage: its live screen during the
// call, or its wrap-up after. None open means the prep and the session log.

export type SessionStage = 'live' | 'wrap-up';

export type OpenSession = { id: string; stage: SessionStage };
