// Turning words from a live note into a homework item: the coach selects a phrase, or just
// leaves the cursor in a line, and presses one key. This decides which words that means.

/** List markers people type at the start of a note line: "- ", "* ", "• ", "1. ", "2) ". */
const LIST_MARKER = /^(?:[-*•–]|\d{1,3}[.)])\s+/u;

/**
 * The words to capture from `value` with the selection `start`–`end`: the selection when
 * there is one, otherwise the whole line holding the cursor. Line breaks inside a selection
 * become spaces, a leading list marker is dropped, and the result is trimmed, so an empty
 * string means there is nothing to capture.
 */
export function captureText(value: string, start: number, end: number): string {
  const from = Math.max(0, Math.min(start, end, value.length));
  const to = Math.min(value.length, Math.max(start, end));
  const picked = from === to ? lineAround(value, from) : value.slice(from, to);
  const oneLine = picked.replace(/\s*\n\s*/g, ' ').trim();
  return oneLine.replace(LIST_MARKER, '').trim();
}

function lineAround(value: string, at: number): string {
  const lineStart = value.lastIndexOf('\n', at - 1) + 1;
  const next = value.indexOf('\n', at);
  return value.slice(lineStart, next === -1 ? value.length : next);
}
