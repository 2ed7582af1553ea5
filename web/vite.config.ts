import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: {
    proxy: {
      '/api': {
        target: api,
        // better-auth checks the Origin header against its base URL: present the API's own.
        configure: (proxy) => {
          proxy.on('proxyReq', (req) => req.setHeader('origin', api));
        },
      },
    },
  },
});
