import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The front end lives in src/web and is served by the API server from dist/web in
// production; in development Vite serves it and forwards /api to the running server.
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across
        // releases. No catch-all vendor group, so libraries used only by lazily loaded
        // pages (charts) stay out of the first load.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
            { name: 'mantine', test: /node_modules[\\/](@mantine[\\/](core|hooks|form|notifications)|@floating-ui)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
    },
  },
});
