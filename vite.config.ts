import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web app (src/web) builds into dist/web, which the server serves (src/server/platform/web.ts).
 * In development `npx vite` proxies /api to the API server (npx tsx src/server/main.ts, port 3000;
 * override with ITDA_API_URL).
 */
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        // The Markdown renderer (call bodies: the public call page and the editor preview) is one chunk
        // of its own, loaded by those pages only.
        codeSplitting: {
          groups: [{ name: 'markdown', test: /node_modules[\\/]marked[\\/]|components[\\/]Markdown\.tsx/ }],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: process.env.ITDA_API_URL ?? 'http://localhost:3000', changeOrigin: false },
    },
  },
});
