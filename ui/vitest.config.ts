import { defineConfig } from 'vitest/config';

// Unit tests cover the pure logic (.ts files); components are checked by svelte-check and
// exercised end to end against the real app.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'build/**/*.test.ts'],
    environment: 'node',
  },
});
