import { describe, expect, it } from 'vitest';
import type { Library } from '../lib/bindings';
import { filterLibraries, licenceCounts, normaliseLicence, windowTitle } from './about';
import npmPackages from './npm-packages.json';

const lib = (name: string, licence: string): Library => ({ name, version: '1.0.0', licence, repository: '' });

describe('windowTitle', () => {
  it('is the app name alone when no client is open', () => {
    expect(windowTitle(null)).toBe('Tenfold');
    expect(windowTitle('   ')).toBe('Tenfold');
  });
  it("adds the open client's name", () => {
    expect(windowTitle(' Samantha Reyes ')).toBe('Tenfold — Samantha Reyes');
  });
});

describe('licenceCounts', () => {
  it('counts old slash expressions together with their OR form, most common first', () => {
    const counts = licenceCounts([lib('a', 'MIT/Apache-2.0'), lib('b', 'MIT OR Apache-2.0'), lib('c', 'Zlib'), lib('d', '')]);
    expect(counts).toEqual([
      { licence: 'MIT OR Apache-2.0', count: 2 },
      { licence: 'not stated', count: 1 },
      { licence: 'Zlib', count: 1 },
    ]);
  });
  it('leaves SPDX expressions with spaces alone', () => {
    expect(normaliseLicence('Apache-2.0 WITH LLVM-exception OR MIT')).toBe('Apache-2.0 WITH LLVM-exception OR MIT');
  });
});

describe('filterLibraries', () => {
  it('matches name or licence, ignoring case', () => {
    const all = [lib('serde', 'MIT OR Apache-2.0'), lib('webpki', 'MPL-2.0')];
    expect(filterLibraries(all, 'SER').map((l) => l.name)).toEqual(['serde']);
    expect(filterLibraries(all, 'mpl').map((l) => l.name)).toEqual(['webpki']);
    expect(filterLibraries(all, ' ')).toHaveLength(2);
  });
});

describe('the bundled npm packages list', () => {
  it('names the runtime packages and the interface font with their licences', () => {
    const names = npmPackages.map((p) => p.name);
    for (const name of ['svelte', 'chart.js', '@tauri-apps/api', '@fontsource/inter']) expect(names).toContain(name);
    expect(npmPackages.find((p) => p.name === '@fontsource/inter')?.licence).toBe('OFL-1.1');
    expect(npmPackages.every((p) => p.licence !== '')).toBe(true);
  });
});
