import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const at = (path: string): string => resolve(root, path);

export default defineConfig({
  main: {
    root,
    build: {
      outDir: at('out/main'),
      rollupOptions: { input: { index: at('electron/main/index.ts') } },
    },
  },
  preload: {
    root,
    build: {
      outDir: at('out/preload'),
      // A sandboxed preload cannot require node_modules: bundle everything into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: at('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: at('renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: at('out/renderer'),
      rollupOptions: { input: { index: at('renderer/index.html') } },
    },
  },
});
