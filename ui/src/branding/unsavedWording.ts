// Letter wording typed and not saved, kept while the app runs: Settings can be closed and opened
// again (to look something up in a client's file, say) without losing what was typed, and the
// template being edited is the one shown again.
import type { LetterTemplateInput } from '../lib/bindings';

export const unsavedWording = {
  drafts: new Map<string, LetterTemplateInput>(),
  /** The template on screen when Settings was last left. */
  lastShown: null as string | null,
};
