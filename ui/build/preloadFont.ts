import type { Plugin } from 'vite';

/**
 * Adds a preload link for the bundled font file whose name matches `pattern`, so the page font
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
        const file = Object.keys(context.bundle ?? {}).find((name) => pattern.test(name));
        if (!file) throw new Error(`No bundled font file matches ${pattern}; the page font to preload moved.`);
        return [
          {
            tag: 'link',
            attrs: { rel: 'preload', href: `./${file}`, as: 'font', type: 'font/woff2', crossorigin: '' },
            injectTo: 'head',
          },
        ];
      },
    },
  };
}
