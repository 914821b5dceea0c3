import { describe, expect, it } from 'vitest';
import { dropWoffFallbacks, woff2Only } from './woff2Only';

const RULE = `@font-face {
  font-family: 'Inter';
  font-weight: 400;
  src: url(./files/inter-latin-400-normal.woff2) format('woff2'), url(./files/inter-latin-400-normal.woff) format('woff');
  unicode-range: U+0000-00FF;
}`;

describe('dropWoffFallbacks', () => {
  it('keeps the WOFF2 source of a rule and drops its WOFF fallback', () => {
    const kept = dropWoffFallbacks(RULE);
    expect(kept).toContain("src: url(./files/inter-latin-400-normal.woff2) format('woff2');");
    expect(kept).not.toContain('.woff)');
    expect(kept).toContain('unicode-range: U+0000-00FF;');
  });

  it('drops the fallback of every rule of a sheet, whatever the quotes and spaces', () => {
    const sheet = [RULE, RULE.replace(/400/g, '600').replace("format('woff')", 'format( "woff" )')].join('\n');
    const kept = dropWoffFallbacks(sheet);
    expect(kept.match(/format\('woff2'\)/g)).toHaveLength(2);
    expect(kept).not.toMatch(/\.woff\)/);
  });

  it('leaves a rule with only a WOFF source as it is, so that font still loads', () => {
    const only = "@font-face { src: url(./a.woff) format('woff'); }";
    expect(dropWoffFallbacks(only)).toBe(only);
  });
});

describe('woff2Only', () => {
  function generate(files: string[]) {
    const hook = woff2Only().generateBundle;
    if (typeof hook !== 'function') throw new Error('the plugin has no generateBundle hook');
    const context = {
      error(message: string): never {
        throw new Error(message);
      },
    };
    const bundle = Object.fromEntries(files.map((name) => [name, {}]));
    return () => Reflect.apply(hook, context, [{}, bundle, false]);
  }

  it('fails the build when a WOFF file is bundled all the same', () => {
    expect(generate(['assets/index-abc.js', 'assets/inter-latin-400-normal-A1.woff'])).toThrow(
      /WOFF files were bundled.*inter-latin-400-normal-A1\.woff/,
    );
  });

  it('lets a bundle of WOFF2 files through', () => {
    expect(generate(['assets/index-abc.js', 'assets/inter-latin-400-normal-A1.woff2'])).not.toThrow();
  });
});
