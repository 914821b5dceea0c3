// Some input tools (and WebDriver's WebKit driver) deliver a line break as a key event whose
// key is a literal "\n" instead of "Enter"; WebKit then inserts nothing. Notes taken live must
// keep their line breaks, so text areas insert it themselves.

type TextTarget = {
  value: string;
  selectionStart: number | null;
  selectionEnd: number | null;
  setRangeText: (text: string, start: number, end: number, mode: 'end') => void;
  dispatchEvent: (event: Event) => boolean;
};

/** Handles a keydown: inserts the line break for a literal "\n" key and says whether it did. */
export function insertLiteralNewline(event: Pick<KeyboardEvent, 'key' | 'preventDefault'>, target: TextTarget): boolean {
  if (event.key !== '\n' && event.key !== '\r') return false;
  event.preventDefault();
  const start = target.selectionStart ?? target.value.length;
  const end = target.selectionEnd ?? start;
  target.setRangeText('\n', start, end, 'end');
  target.dispatchEvent(new Event('input', { bubbles: true }));
  return true;
}
