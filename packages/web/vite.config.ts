import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** Builds the browser app into packages/web/dist; in development, /api goes to a running `tumbuh serve`. */
export default defineConfig({
  root: import.meta.dirname,
  base: "/",
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { "/api": process.env.TUMBUH_API ?? "http://localhost:3000" } },
});
