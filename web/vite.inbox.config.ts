// Builds the <herald-inbox> web component into one minified module,
// dist/inbox/herald-inbox.js, served by Herald at /inbox/herald-inbox.js
// for pages to embed. An app build rather than library mode: pages load
// it for its side effect (defining the element), and library mode would
// leave it unminified.
import { resolve } from "node:path";
import { defineConfig } from "vite";

export default defineConfig({
  build: {
    outDir: resolve(import.meta.dirname, "dist/inbox"),
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    sourcemap: false,
    rollupOptions: {
      input: resolve(import.meta.dirname, "src/inbox/herald-inbox.ts"),
      output: { entryFileNames: "herald-inbox.js", inlineDynamicImports: true },
    },
  },
});
