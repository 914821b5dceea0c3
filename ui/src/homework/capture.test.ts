import { describe, expect, it } from 'vitest';
import { captureText } from './capture';

const NOTE = 'Talked about mornings.\n- walk before checking e-mail\n2) ask Priya to run planning\n\nlast line';

describe('captureText', () => {
  it('takes the selection when there is one, trimmed', () => {
    const start = NOTE.indexOf('walk');
    expect(captureText(NOTE, start - 1, start + 'walk before checking'.length)).toBe('walk before checking');
  });

  it('takes the whole line holding the cursor without a selection', () => {
    const inside = NOTE.indexOf('checking');
    expect(captureText(NOTE, inside, inside)).toBe('walk before checking e-mail');
  });

  it('drops a leading list marker, bulleted or numbered', () => {
    const at = NOTE.indexOf('Priya');
    expect(captureText(NOTE, at, at)).toBe('ask Priya to run planning');
    expect(captureText('• breathe first', 3, 3)).toBe('breathe first');
  });

  it('works at the very start and end of the text and of a line', () => {
    expect(captureText(NOTE, 0, 0)).toBe('Talked about mornings.');
    expect(captureText(NOTE, NOTE.length, NOTE.length)).toBe('last line');
    const endOfFirst = NOTE.indexOf('\n');
    expect(captureText(NOTE, endOfFirst, endOfFirst)).toBe('Talked about mornings.');
  });

  it('gives nothing on an empty line or an empty note', () => {
    const blank = NOTE.indexOf('\n\n') + 1;
    expect(captureText(NOTE, blank, blank)).toBe('');
    expect(captureText('', 0, 0)).toBe('');
    expect(captureText('   \n  ', 4, 4)).toBe('');
  });

  it('joins a selection over several lines into one', () => {
    const from = NOTE.indexOf('walk');
    const to = NOTE.indexOf('to run');
    expect(captureText(NOTE, from, to)).toBe('walk before checking e-mail 2) ask Priya');
  });

  it('accepts a backwards selection and keeps text in any script', () => {
    const arabic = 'المشي كل صباح\nكتابة رسالة';
    expect(captureText(arabic, 5, 0)).toBe('المشي');
    expect(captureText(arabic, arabic.length - 2, arabic.length - 2)).toBe('كتابة رسالة');
    const tricky = '#panic("x") *bold* $x$ <l> @r \\ "q"';
    expect(captureText(tricky, 3, 3)).toBe(tricky);
  });
});
