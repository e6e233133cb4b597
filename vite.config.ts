import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  // Relative URLs: the built site works from any folder (a GitHub Pages project site, an intranet share), not only from a host's root.
  base: './',
  build: {
    target: 'es2022',
    sourcemap: true,
    // Monaco and its workers are large by nature and load lazily, after the first frame.
    chunkSizeWarningLimit: 4096,
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  worker: { format: 'es' },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
