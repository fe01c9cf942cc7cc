/**
 * Where the library's sources and build products live, and how file names map to module names.
 */
import path from "node:path";

/** The Lean library's source root: `lean/Sym/Foo.lean` is module `Sym.Foo`. */
export const LEAN_SRC_DIR = "lean";

/** Root of the built `.olean` files (on LEAN_PATH for importers). */
export function oleanRoot(projectRoot: string): string {
  return path.join(projectRoot, ".cache", "olean");
}

/** `Sym/Foo.lean` (relative to the source root) → `Sym.Foo`. */
export function moduleNameOf(relFile: string): string {
  return relFile.replace(/\\/g, "/").replace(/\.lean$/, "").split("/").join(".");
}

/** `Sym.Foo` → `<oleanRoot>/Sym/Foo.olean`. */
export function oleanPathFor(projectRoot: string, moduleName: string): string {
  return path.join(oleanRoot(projectRoot), ...moduleName.split(".")) + ".olean";
}

/**
 * Lean options every module is compiled with (as `-D` flags; `lakefile.lean` sets the same).
 * Without `autoImplicit=false` a misspelled name in a statement silently becomes a universally
 * quantified variable, which changes what the theorem says.
 */
export const LEAN_OPTIONS: readonly string[] = ["autoImplicit=false"];
