/**
 * The schema of `out/export.json`: what Lean's elaborator says each declaration of the library
 * is, as `pp.all` text (every implicit argument, instance and universe explicit, no notation).
 */

export type ExportKind = "theorem" | "def" | "structure" | "class" | "inductive" | "instance" | "other";

export interface ExportedDeclaration {
  /** Fully qualified Lean name. */
  name: string;
  /** From Lean's own `#print` header (`def`, `theorem`, `structure`, …). */
  kind: ExportKind;
  /** The elaborated type, as `#check @N` prints it after the colon. */
  type: string;
  /** The elaborated body of a definition or instance (after `:=`), when Lean prints one. */
  value?: string;
  /** Field names of a structure or class, in order, from `#print`. */
  fields?: string[];
  /** Universe parameters (`u_1`, …) of the `#check` form. */
  universes: string[];
  /** Source file relative to the project root and 1-based line of the declaration keyword. */
  file: string;
  line: number;
  /** Lean reported that the declaration uses `sorry` (still exported: stated, not proved). */
  usesSorry: boolean;
  /** Found only in the body of another exported declaration (an instance with an automatic name). */
  discovered?: boolean;
}

export interface ExportFile {
  exportVersion: number;
  generatedAt: string;
  /** The hash the export is cached by: toolchain, imported modules' traces, the name list. */
  inputHash: string;
  /** The modules imported by the export run. */
  modules: string[];
  /** Wall-clock seconds of the Lean runs of this export (0 when reused). */
  seconds: number;
  /** Whether this run reused the cached export. */
  cached: boolean;
  declarations: Record<string, ExportedDeclaration>;
}

export const EXPORT_VERSION = 1;
