// What the wrap-up says once the letter went to the mail program.
import type { LetterEmailed } from '../lib/bindings';

/** One sentence: where the message opened, for whom, and where the PDF is. */
export function handOffText(sent: LetterEmailed): string {
  if (sent.hand_off.how === 'attached') {
    return `Your mail program has the letter for ${sent.to}, with ${sent.file.file_name} attached; check it and press Send there.`;
  }
  return `Your mail program has the letter’s text for ${sent.to}; this system lets no program attach files to it, so attach ${sent.file.file_name} from the folder now shown.`;
}
