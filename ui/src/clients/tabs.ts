// The screens of a chosen client, in the order Alt+1…Alt+7 reach them. New screens go at the
// end so the keys people already know keep their screens.

export type ClientTab = 'overview' | 'session' | 'history' | 'assessment' | 'profile' | 'formulation' | 'directives';

export const CLIENT_TABS: readonly { id: ClientTab; label: string }[] = [
  { id: 'overview', label: 'Overview' },
  { id: 'session', label: 'Session' },
  { id: 'history', label: 'History' },
  { id: 'assessment', label: 'Assessment Map' },
  { id: 'profile', label: 'Profile' },
  { id: 'formulation', label: 'Formulation' },
  { id: 'directives', label: 'Directives' },
];
