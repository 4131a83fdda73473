// Vite build and dev-server configuration for the Workload Tracker SPA.
// The production server sends a strict CSP (script-src 'self'; style-src 'self'),
// so the build must not emit any inline <script>/<style> or data: URIs.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiTarget = process.env.WT_API_URL ?? 'http://127.0.0.1:8000';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/csp-report': { target: apiTarget, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    // No inline polyfill script in index.html (CSP forbids inline scripts).
    modulePreload: { polyfill: false },
    // Never inline assets as data: URIs; serve them as hashed files instead.
    assetsInlineLimit: 0,
    // Browsers with native light-dark(): older targets make the minifier rewrite it into a
    // prefers-color-scheme polyfill that ignores the user's explicit html[data-theme].
    cssTarget: ['chrome123', 'edge123', 'firefox120', 'safari17.5'],
    sourcemap: true,
    // The chart library in a chunk of its own, named for it: only the lazy chart pages
    // load it, and it stays cached across releases of the app's own code.
    rolldownOptions: {
      output: {
        codeSplitting: { groups: [{ name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ }] },
      },
    },
  },
});
