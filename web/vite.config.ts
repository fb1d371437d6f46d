// Builds the operator console into dist/console, served by Herald at
// /console/ (the Go package in this directory embeds dist/).
import { resolve } from "node:path";
import { defineConfig } from "vite";

export default defineConfig({
  root: resolve(import.meta.dirname, "src/console"),
  base: "/console/",
  build: {
    outDir: resolve(import.meta.dirname, "dist/console"),
    emptyOutDir: true,
    // Herald serves these files itself; no inline scripts (the console's
    // Content-Security-Policy allows only 'self').
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
});
