// Lists the npm packages whose code or styles end up in the built UI, with their licences, for
// the About section. The list is committed (src/about/npm-packages.json) and the build fails
// while it is stale; `TENFOLD_WRITE_LICENCES=1 npm run build` rewrites it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

export type BundledPackage = { name: string; version: string; licence: string; repository: string };

const NODE_MODULES = '/node_modules/';

/** The package folder a module id lies in (the innermost one), or null for the app's own code. */
export function packageRoot(moduleId: string): string | null {
  const id = moduleId.replace(/^\0/, '').split('?')[0]!;
  const at = id.lastIndexOf(NODE_MODULES);
  if (at < 0) return null;
  const rest = id.slice(at + NODE_MODULES.length).split('/');
  const name = rest[0]!.startsWith('@') ? rest.slice(0, 2).join('/') : rest[0]!;
  return id.slice(0, at + NODE_MODULES.length) + name;
}

function repositoryUrl(repository: unknown): string {
  const url = typeof repository === 'string' ? repository : (repository as { url?: string } | undefined)?.url;
  if (!url) return '';
  // npm's shorthand "owner/name" means a GitHub repository.
  if (/^[\w.-]+\/[\w.-]+$/.test(url)) return `https://github.com/${url}`;
  return url.replace(/^git\+/, '').replace(/\.git$/, '').replace(/^git:\/\//, 'https://');
}

function readPackage(root: string): BundledPackage {
  const json = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return { name: json.name, version: json.version, licence: json.license ?? '', repository: repositoryUrl(json.repository) };
}

export function formatList(packages: BundledPackage[]): string {
  return `[\n${packages.map((p) => `  ${JSON.stringify(p)}`).join(',\n')}\n]\n`;
}

export function bundledPackages(listPath: string): Plugin {
  return {
    name: 'tenfold-bundled-packages',
    apply: 'build',
    generateBundle(_options, bundle) {
      const roots = new Set<string>();
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        for (const [id, module] of Object.entries(output.modules)) {
          // Tree-shaken modules render nothing; a stylesheet renders into the CSS file instead.
          const shipped = module.renderedLength > 0 || /\.css($|\?)/.test(id);
          const root = shipped ? packageRoot(id) : null;
          if (root) roots.add(root);
        }
      }
      const fresh = formatList([...roots].map(readPackage).sort((a, b) => a.name.localeCompare(b.name)));
      if (process.env.TENFOLD_WRITE_LICENCES) {
        writeFileSync(listPath, fresh);
        return;
      }
      let committed = '';
      try {
        committed = readFileSync(listPath, 'utf8');
      } catch {
        // A missing list is as stale as an outdated one.
      }
      if (committed !== fresh) {
        this.error(`${listPath} is stale (the bundled packages changed). Run \`TENFOLD_WRITE_LICENCES=1 npm run build\` and commit it.`);
      }
    },
  };
}
