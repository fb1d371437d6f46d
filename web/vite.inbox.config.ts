// Builds the <herald-inbox> web component into one module,
// dist/inbox/herald-inbox.js, served by Herald at /inbox/herald-inbox.js
// for pages to embed.
import { resolve } from "node:path";
import { defineConfig } from "vite";

export default defineConfig({
  build: {
    outDir: resolve(import.meta.dirname, "dist/inbox"),
    emptyOutDir: true,
    lib: {
      entry: resolve(import.meta.dirname, "src/inbox/herald-inbox.ts"),
      formats: ["es"],
      fileName: () => "herald-inbox.js",
    },
    sourcemap: false,
  },
});
