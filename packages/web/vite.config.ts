import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";
import { precompress } from "./precompress.ts";

/**
 * Builds the browser app into packages/web/dist (each page its own chunk, gzip and Brotli copies
 * beside every asset); in development, /api goes to a running `tumbuh serve`.
 * The service worker (Workbox, from vite-plugin-pwa) keeps the app's own files for use without a
 * network; it never stores API answers: a posyandu's data offline live in IndexedDB
 * (src/offline/), which signing out clears.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: "/",
  plugins: [
    react(),
    precompress(),
    VitePWA({
      registerType: "autoUpdate",
      // a <script src="/registerSW.js">: no inline script, so the Content-Security-Policy stays 'self'
      injectRegister: "script",
      includeAssets: ["favicon.svg"],
      manifest: {
        name: "Tumbuh — percepatan penurunan stunting",
        short_name: "Tumbuh",
        description: "Penimbangan posyandu, juga tanpa sinyal; data dikirim saat tersambung.",
        lang: "id",
        start_url: "/#/session",
        scope: "/",
        display: "standalone",
        background_color: "#ffffff",
        theme_color: "#0f6b4f",
        icons: [
          { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
          { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
          { src: "/icon-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
        ],
      },
      workbox: {
        globPatterns: ["**/*.{js,css,html,svg,png,webmanifest}"],
        // the app's one page answers every navigation offline; the API and its docs never
        navigateFallback: "/index.html",
        navigateFallbackDenylist: [/^\/api\//],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      output: {
        // the WHO tables and z-score engine in a chunk of their own, loaded by the session page only
        manualChunks: (id: string) =>
          /\/packages\/growth\/|\/packages\/core\/src\/(entry-rules|api\/growth)\.ts$/.test(id)
            ? "growth"
            : undefined,
      },
    },
  },
  server: { proxy: { "/api": process.env.TUMBUH_API ?? "http://localhost:3000" } },
});
