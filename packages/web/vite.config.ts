import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `parley serve` serves dist/ with an SPA fallback; in development Vite proxies the API to it.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': { target: 'http://localhost:4000', changeOrigin: false } } },
});
