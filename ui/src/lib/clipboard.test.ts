import { afterEach, describe, expect, it, vi } from 'vitest';
import { copyOrSelect, copyText } from './clipboard';

/** Just enough of a page for the fallback: a body, a text area, `execCommand` and the focus. */
function fakePage(copies: boolean | 'throws') {
  const button = { focus: vi.fn() };
  const area = { value: '', style: {} as Record<string, string>, setAttribute: vi.fn(), select: vi.fn(), remove: vi.fn() };
  const doc = {
    activeElement: button,
    createElement: vi.fn(() => area),
    body: { appendChild: vi.fn() },
    execCommand: vi.fn(() => {
      if (copies === 'throws') throw new Error('not allowed');
      return copies;
    }),
  };
  return { doc: doc as unknown as Document, area, button };
}

afterEach(() => vi.unstubAllGlobals());

describe('copyText', () => {
  it('uses the clipboard when it is allowed', async () => {
    const writeText = vi.fn(async () => {});
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    const { doc } = fakePage(false);
    await expect(copyText('Notes', doc)).resolves.toBe(true);
    expect(writeText).toHaveBeenCalledWith('Notes');
  });

  it('falls back to a hidden text area when the clipboard refuses, and gives the focus back', async () => {
    vi.stubGlobal('navigator', { clipboard: { writeText: async () => Promise.reject(new Error('denied')) } });
    const { doc, area, button } = fakePage(true);
    await expect(copyText('Notes', doc)).resolves.toBe(true);
    expect(area.value).toBe('Notes');
    expect(area.select).toHaveBeenCalled();
    expect(area.remove).toHaveBeenCalled();
    expect(button.focus).toHaveBeenCalled();
  });

  it('says so when neither way copies', async () => {
    vi.stubGlobal('navigator', {});
    for (const refusal of [false, 'throws'] as const) {
      const { doc, area, button } = fakePage(refusal);
      await expect(copyText('Notes', doc)).resolves.toBe(false);
      expect(area.remove).toHaveBeenCalled();
      expect(button.focus).toHaveBeenCalled();
    }
  });
});

describe('copyOrSelect', () => {
  it('leaves the box alone when the text is copied', async () => {
    vi.stubGlobal('navigator', { clipboard: { writeText: async () => {} } });
    const box = { focus: vi.fn(), select: vi.fn() };
    await expect(copyOrSelect('Notes', box, fakePage(false).doc)).resolves.toBe(true);
    expect(box.select).not.toHaveBeenCalled();
  });

  it('selects the text in its box when neither way copies', async () => {
    vi.stubGlobal('navigator', {});
    const box = { focus: vi.fn(), select: vi.fn() };
    await expect(copyOrSelect('Notes', box, fakePage(false).doc)).resolves.toBe(false);
    expect(box.focus).toHaveBeenCalled();
    expect(box.select).toHaveBeenCalled();
  });
});
