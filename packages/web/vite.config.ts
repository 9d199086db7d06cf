import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { precompress } from "./precompress.ts";

/**
 * Builds the browser app into packages/web/dist (each page its own chunk, gzip and Brotli copies
 * beside every asset); in development, /api goes to a running `tumbuh serve`.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: "/",
  plugins: [react(), precompress()],
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 600 },
  server: { proxy: { "/api": process.env.TUMBUH_API ?? "http://localhost:3000" } },
});
