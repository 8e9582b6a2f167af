import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

// The client lives in web/; the built files go to dist/web, which the API server serves on the same port.
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': `http://127.0.0.1:${process.env.PORT ?? 8080}`,
    },
  },
})
