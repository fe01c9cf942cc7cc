/**
 * The vitest configuration of mutation testing (`npm run test:mutation`, `stryker.config.json`):
 * the whole suite less the tests that cannot see a mutant or cost minutes per run: the build of a
 * fixture library with the real Lean toolchain, the headless-browser test of the HTML report, and
 * the command-line tests (they run the code in a child process, where Stryker's active mutant is
 * not switched on: the `cli.test.ts` files, `test/cli/`, and the blocks that skip themselves when
 * SYMCHECK_MUTATION is set).
 *
 * SYMCHECK_MUTATION_SKIP (comma-separated test files) leaves more out for one run: a file reached
 * only incidentally by costly tests (`src/build/scan.ts` and `cache.ts` by the stand-in compiler's builds
 * of `test/build/traces.test.ts` and `prove-records.test.ts`) is then measured by its own tests alone, in minutes instead of
 * hours. Fewer tests can only kill fewer mutants, so such a score is a lower bound.
 */
import { defineConfig } from "vitest/config";

function skipped(): string[] {
  return (process.env["SYMCHECK_MUTATION_SKIP"] ?? "")
    .split(",")
    .map((f) => f.trim())
    .filter((f) => f !== "");
}

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/**/*.integration.test.ts", "test/**/*.browser.test.ts", "test/**/cli.test.ts", "test/cli/**", "**/node_modules/**", ...skipped()],
    env: { SYMCHECK_MUTATION: "1" },
    // One module graph for every test file of a mutant's run: each file no longer re-imports the
    // semantics and runner modules. Only mutants of module-level code depend on a fresh import,
    // and \`ignoreStatic\` leaves those out.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
