import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// `parley serve` serves dist/ with an SPA fallback; in development Vite proxies the API to it.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), precompress()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 700 },
  server: { proxy: { '/api': { target: 'http://localhost:4000', changeOrigin: false } } },
});

/**
 * Brotli and gzip copies beside each script and style sheet, made once per build at the highest
 * levels: `parley serve` sends them to browsers that accept them (on a phone's connection the
 * difference is seconds). A plugin rather than a step of `npm start`, so every build has them,
 * a bare `vite build` included.
 */
function precompress(): Plugin {
  return {
    name: 'parley-precompress',
    apply: 'build',
    writeBundle(options) {
      const assetsDir = path.join(options.dir ?? 'dist', 'assets');
      for (const name of readdirSync(assetsDir)) {
        if (!/\.(js|css|svg|json)$/.test(name)) continue;
        const file = path.join(assetsDir, name);
        const content = readFileSync(file);
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
      }
    },
  };
}
