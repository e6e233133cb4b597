import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { contentSecurityPolicy } from './tools/csp-plugin.ts';

/**
 * The service worker (vite-plugin-pwa's workbox build) precaches the whole built site, Monaco and its workers
 * included, so a second visit opens and works offline. A new deploy waits until the user takes it (the app shows
 * "update available"), so an open tab never mixes two versions' chunks.
 */
const pwa = VitePWA({
  disable: Boolean(process.env.VITEST),
  registerType: 'prompt',
  injectRegister: false,
  includeAssets: ['favicon.svg', 'apple-touch-icon.png'],
  manifest: {
    name: 'Wingsmith — winget manifest editor',
    short_name: 'Wingsmith',
    description: 'Write winget manifests in your browser: form and YAML views, validation, installer hashing, zip export and pull requests.',
    start_url: './',
    scope: './',
    display: 'standalone',
    background_color: '#f7f8fa',
    theme_color: '#2b5fd9',
    icons: [
      { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,png,wasm,ttf,woff,woff2,webmanifest}'],
    // Monaco's main chunk is several MB; without it the YAML view would not open offline.
    maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
    navigateFallback: 'index.html',
    cleanupOutdatedCaches: true,
  },
});

export default defineConfig({
  plugins: [react(), pwa, contentSecurityPolicy()],
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
