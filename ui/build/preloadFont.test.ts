import { describe, expect, it } from 'vitest';
import type { IndexHtmlTransformContext, IndexHtmlTransformResult } from 'vite';
import { preloadFont } from './preloadFont';

type Handler = (html: string, context: IndexHtmlTransformContext) => IndexHtmlTransformResult;

function transform(files: string[]): IndexHtmlTransformResult {
  const hook = preloadFont(/inter-latin-[456]00-normal-[^/]*\.woff2$/).transformIndexHtml;
  if (!hook || typeof hook === 'function' || !('handler' in hook)) throw new Error('the plugin has no ordered hook');
  const bundle = Object.fromEntries(files.map((name) => [name, {}]));
  const context = { path: '/index.html', filename: 'index.html', bundle } as unknown as IndexHtmlTransformContext;
  return (hook.handler as Handler)('<html></html>', context);
}

describe('preloadFont', () => {
  it('preloads every matching font file of the bundle, and nothing else', () => {
    const tags = transform([
      'assets/index-abc.js',
      'assets/inter-latin-400-normal-A1.woff2',
      'assets/inter-latin-600-normal-B2.woff2',
      'assets/inter-latin-700-normal-C3.woff2',
      'assets/inter-greek-400-normal-D4.woff2',
    ]);
    expect(tags).toEqual([
      expect.objectContaining({
        tag: 'link',
        attrs: expect.objectContaining({ rel: 'preload', href: './assets/inter-latin-400-normal-A1.woff2', as: 'font' }),
      }),
      expect.objectContaining({ attrs: expect.objectContaining({ href: './assets/inter-latin-600-normal-B2.woff2' }) }),
    ]);
  });

  it('fails the build when no file matches, rather than quietly preloading nothing', () => {
    expect(() => transform(['assets/index-abc.js'])).toThrow(/No bundled font file matches/);
  });
});
