import { describe, expect, it } from 'vitest';
import { contactLines, inputFromProfile, isHexColour } from './branding';

describe('branding form', () => {
  it('reads contact lines one per line, dropping blanks', () => {
    expect(contactLines('  a@b.example \n\n +44 1 \n')).toEqual(['a@b.example', '+44 1']);
    expect(contactLines('')).toEqual([]);
  });

  it('knows a colour the picker can show', () => {
    expect(isHexColour('#2F5D54')).toBe(true);
    expect(isHexColour('#2f5d5')).toBe(false);
    expect(isHexColour('green')).toBe(false);
  });

  it('starts the form from the saved profile', () => {
    const input = inputFromProfile({
      coach_name: 'J',
      practice_name: 'P',
      contact_lines: ['x'],
      accent_colour: '#000000',
      sign_off: 'Best,',
      logo: null,
      updated_at: '2026-11-21T10:00:00.000Z',
    });
    expect(input).toEqual({ coach_name: 'J', practice_name: 'P', contact_lines: ['x'], accent_colour: '#000000', sign_off: 'Best,' });
  });
});
