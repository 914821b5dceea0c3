// Copying text for the coach, wherever the interface offers it.

/** Copies `text`; falls back to a hidden text area where the async clipboard is not allowed. */
export async function copyText(text: string, doc: Document = document): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Fall through to the older way below.
  }
  // Selecting the hidden area takes the focus; it goes back where the coach had it.
  const focused = doc.activeElement as HTMLElement | null;
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  doc.body.appendChild(area);
  area.select();
  try {
    return doc.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
    focused?.focus?.();
  }
}

/**
 * Copies `text`; when neither way of copying is allowed, selects it in `box`, the read-only box
 * it is shown in, so Ctrl+C copies it. True when copied.
 */
export async function copyOrSelect(
  text: string,
  box: Pick<HTMLTextAreaElement, 'focus' | 'select'> | null | undefined,
  doc: Document = document,
): Promise<boolean> {
  if (await copyText(text, doc)) return true;
  box?.focus();
  box?.select();
  return false;
}
