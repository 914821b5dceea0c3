// The message of the app's one polite live region (LiveAnnouncer.svelte). `announce` says a
// message once; saying the same words again (a second "Saved") is heard again, because the
// region is emptied first and filled a moment later.
import { SaveAnnouncer } from './announce';

export const liveRegion = $state({ text: '' });

let refill: ReturnType<typeof setTimeout> | undefined;

export function announce(text: string) {
  clearTimeout(refill);
  liveRegion.text = '';
  refill = setTimeout(() => (liveRegion.text = text), 60);
}

/** A SaveAnnouncer that speaks through the app's live region. */
export function saveAnnouncer(): SaveAnnouncer {
  return new SaveAnnouncer(announce);
}
