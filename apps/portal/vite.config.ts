import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
// `npm run dev:portal`: Vite's hot reload, /api proxied to the API that `npm start` runs.
const api = process.env.API_URL || `http://127.0.0.1:${process.env.PORT || 3000}`;

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: 'dist',
    // dist/.vite/manifest.json: which chunks each page loads (npm run bench measures first-load JS).
    manifest: true,
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        // Libraries every page needs in one long-cached chunk; pages and ECharts load on demand.
        manualChunks: (id) => {
          if (!id.includes('node_modules')) return undefined;
          if (/node_modules\/(echarts|zrender)\//.test(id)) return 'echarts';
          if (/node_modules\/(react|react-dom|scheduler|react-router)\//.test(id)) return 'react';
          return undefined;
        },
      },
    },
  },
  server: { port: Number(process.env.PORTAL_PORT || 5173), proxy: { '/api': { target: api, changeOrigin: false } } },
});
