// Builds the explorer into dist/, which the Go binary embeds: bundles
// src/main.js and its packages into dist/explorer.js, copies the page and
// its style, and writes dist/SOURCES.sha256, the hash of every input, which
// web's Go test compares with the sources to catch a stale bundle.
// Run: npm ci && npm run build (from web/).

import { build } from "esbuild";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const out = process.argv[2] || "dist";
mkdirSync(out, { recursive: true });

await build({
  entryPoints: ["src/main.js"],
  bundle: true,
  format: "esm",
  minify: true,
  target: "es2020",
  legalComments: "eof",
  outfile: join(out, "explorer.js"),
  logLevel: "warning",
});
copyFileSync("src/index.html", join(out, "index.html"));
copyFileSync("src/style.css", join(out, "explorer.css"));

// The inputs, in the order web/bundle_test.go hashes them.
const inputs = ["build.mjs", "package.json", "package-lock.json", ...readdirSync("src").map((f) => "src/" + f)].sort();
const h = createHash("sha256");
for (const f of inputs) {
  h.update(f + "\0");
  h.update(readFileSync(f));
  h.update("\0");
}
writeFileSync(join(out, "SOURCES.sha256"), h.digest("hex") + "\n");
