import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { bundledPackages } from './build/bundledPackages.ts';
import { preloadFont } from './build/preloadFont.ts';
import { woff2Only } from './build/woff2Only.ts';

// Tauri serves ui/dist from inside the binary, so assets use relative paths and nothing is
// fetched from the network at run time.
export default defineConfig({
  base: './',
  plugins: [
    svelte(),
    woff2Only(),
    bundledPackages(new URL('./src/about/npm-packages.json', import.meta.url).pathname),
    // The Latin files of Inter's regular, medium and semibold weights: everything the interface
    // itself writes on its first page (bold is for emphasis further in).
    preloadFont(/inter-latin-[456]00-normal-[^/]*\.woff2$/),
  ],
  clearScreen: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'safari15',
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 600,
  },
});
