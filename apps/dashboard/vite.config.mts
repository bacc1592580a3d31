import react from '@vitejs/plugin-react';
import { join } from 'node:path';
import { defineConfig } from 'vite';

// The merchant dashboard: a static single-page app, built to dist/apps/dashboard, that the reports app serves at `/`.
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react()],
  build: {
    outDir: join(import.meta.dirname, '..', '..', 'dist', 'apps', 'dashboard'),
    emptyOutDir: true,
    // ECharts is most of the bundle; it is one file the browser caches for good (its name is its hash).
    chunkSizeWarningLimit: 1200,
  },
});
