import type { Plugin } from 'vite';

/**
 * Adds a preload link for each bundled font file whose name matches `pattern`, so the page font
 * is in before the first layout: laid out before it arrives, every weight and size of the text
 * is first set in the system's fallback font, each at its own cost, and then set again.
 */
export function preloadFont(pattern: RegExp): Plugin {
  return {
    name: 'tenfold-preload-font',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const files = Object.keys(context.bundle ?? {}).filter((name) => pattern.test(name));
        if (files.length === 0) throw new Error(`No bundled font file matches ${pattern}; the page fonts to preload moved.`);
        return files.map((file) => ({
          tag: 'link',
          attrs: { rel: 'preload', href: `./${file}`, as: 'font', type: 'font/woff2', crossorigin: '' },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}
