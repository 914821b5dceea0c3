import { describe, expect, it } from 'vitest';
import { asksBeforeLocking, needsUnlock, startProblem } from './unlock';

describe('needsUnlock', () => {
  it('stands in for the app when the practice is locked or its key file stopped it', () => {
    expect(needsUnlock({ kind: 'locked', message: 'locked' })).toBe(true);
    expect(needsUnlock({ kind: 'key_file_damaged', message: 'damaged' })).toBe(true);
    expect(needsUnlock({ kind: 'key_file_mismatch', message: 'another install' })).toBe(true);
  });

  it('leaves other start-up failures to their own screen', () => {
    expect(needsUnlock(null)).toBe(false);
    expect(needsUnlock({ kind: 'read_only', message: 'read only' })).toBe(false);
    expect(needsUnlock({ kind: 'damaged', message: 'damaged' })).toBe(false);
  });

  it('names a key file problem but not the plain locked state', () => {
    expect(startProblem({ kind: 'locked', message: 'locked' })).toBeNull();
    expect(startProblem({ kind: 'key_file_damaged', message: 'the key file is not text' })).toBe('the key file is not text');
  });
});

describe('asksBeforeLocking', () => {
  it('asks at Ctrl+L when typing is not saved, never at the idle lock', () => {
    expect(asksBeforeLocking({ allSaved: false, idle: false, agreed: false })).toBe(true);
    expect(asksBeforeLocking({ allSaved: false, idle: true, agreed: false })).toBe(false);
    expect(asksBeforeLocking({ allSaved: true, idle: false, agreed: false })).toBe(false);
    expect(asksBeforeLocking({ allSaved: false, idle: false, agreed: true })).toBe(false);
  });
});
