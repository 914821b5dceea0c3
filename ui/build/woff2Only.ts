import type { Plugin } from 'vite';

/** A WOFF fallback after a WOFF2 source in an `@font-face` rule's `src`. */
const WOFF_FALLBACK = /,\s*url\([^)]*\.woff\)\s*format\(\s*['"]woff['"]\s*\)/g;

/** Takes each WOFF fallback out of a style sheet's `@font-face` rules, keeping the WOFF2 sources. */
export function dropWoffFallbacks(css: string): string {
  return css.replace(WOFF_FALLBACK, '');
}

/**
 * Font packages list each file as WOFF2 with a WOFF fallback for browsers without WOFF2. The
 * window is WebKitGTK, which reads WOFF2, so the fallbacks would only add half a megabyte of
 * fonts never read to the binary and the package. The rules are rewritten before Vite bundles
 * what they point to, and the build fails if a WOFF file is bundled all the same.
 */
export function woff2Only(): Plugin {
  return {
    name: 'tenfold-woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!id.split('?')[0].endsWith('.css') || !code.includes('@font-face')) return null;
      return { code: dropWoffFallbacks(code), map: null };
    },
    generateBundle(_options, bundle) {
      const woff = Object.keys(bundle).filter((name) => name.endsWith('.woff'));
      if (woff.length > 0) this.error(`WOFF files were bundled beside their WOFF2 sources: ${woff.join(', ')}`);
    },
  };
}
