import { describe, expect, it } from 'vitest';

// Every command the app serves is there for a screen: one no screen calls is either a feature
// whose way in was never built (a planned session could not be moved, though the core could
// move it) or a door left open for nothing. The core's functions stay for its own tests.
const bindings = import.meta.glob('./bindings.ts', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const sources = import.meta.glob(['../**/*.ts', '../**/*.svelte', '!../**/*.test.ts', '!./bindings.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

function commandNames(text: string): string[] {
  const block = text.slice(text.indexOf('export const commands = {'));
  return [...block.slice(0, block.indexOf('\n}')).matchAll(/^\t(\w+): \(/gm)].map((m) => m[1]!);
}

describe('the commands', () => {
  const names = commandNames(Object.values(bindings)[0] ?? '');

  it('are read from the bindings', () => {
    expect(names.length).toBeGreaterThan(100);
    expect(names).toContain('rescheduleSession');
  });

  it('are each called by some screen', () => {
    const code = Object.values(sources).join('\n');
    const unused = names.filter((name) => !new RegExp(`\\bapi\\.${name}\\b`).test(code));
    expect(unused).toEqual([]);
  });
});
