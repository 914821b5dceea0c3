import { describe, expect, it } from 'vitest';
import { shortcut } from '../lib/keys';
import { CLIENT_TABS } from './tabs';

describe('client tabs', () => {
  it('has an Alt key for every screen, listed in the help', () => {
    const tabKeys = shortcut('client-tab');
    expect([tabKeys.combo, ...(tabKeys.also ?? [])]).toEqual(CLIENT_TABS.map((_, i) => `Alt+${i + 1}`));
    for (const t of CLIENT_TABS) expect(tabKeys.label).toContain(t.label);
  });
});
