// The screens of a chosen client, in the order Alt+1…Alt+5 reach them.

export type ClientTab = 'overview' | 'session' | 'history' | 'assessment' | 'profile';

export const CLIENT_TABS: readonly { id: ClientTab; label: string }[] = [
  { id: 'overview', label: 'Overview' },
  { id: 'session', label: 'Session' },
  { id: 'history', label: 'History' },
  { id: 'assessment', label: 'Assessment Map' },
  { id: 'profile', label: 'Profile' },
];
