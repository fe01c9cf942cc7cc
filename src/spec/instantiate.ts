/**
 * Checks the registry's `instantiate` fields against the Lean library: each binder it names must
 * be bound by the declaration's statement, and each constant must be known (a library
 * declaration or a name with a numeric meaning). Problems are diagnostics at the key or value.
 */
import type { Diagnostic, SourceRange } from "./diagnostics.js";
import type { RegistryPositions } from "./load.js";
import type { Registry } from "./types.js";

export interface InstantiateContext {
  /** The names a declaration's statement binds, or `undefined` when the library lacks it or cannot read it. */
  bindersOf(name: string): readonly string[] | undefined;
  /** Whether a constant is known. */
  isConstant(name: string): boolean;
  /** The registry's text, for the source line of a diagnostic. */
  text?: string;
}

export function checkInstantiate(registry: Registry, positions: RegistryPositions, ctx: InstantiateContext): Diagnostic[] {
  const lines = ctx.text?.split("\n");
  const out: Diagnostic[] = [];
  const report = (code: Diagnostic["code"], message: string, range: SourceRange, entry: string, field: string): void => {
    const sourceLine = lines?.[range.line - 1]?.replace(/\r$/, "");
    out.push({ code, severity: "error", message: `claim "${entry}", field "${field}": ${message}`, range, entry, field, ...(sourceLine !== undefined ? { sourceLine } : {}) });
  };
  for (const claim of registry.claims) {
    const where = positions.claims.get(claim.id);
    for (const d of claim.declarations) {
      if (!d.instantiate) continue;
      const pos = where?.declarations.find((p) => p.name === d.name);
      const binders = ctx.bindersOf(d.name);
      for (const [binder, constant] of Object.entries(d.instantiate)) {
        const at = pos?.instantiate?.[binder];
        const field = `${pos?.field ?? "declarations"}.instantiate.${binder}`;
        const fallback = pos?.range ?? where?.range ?? { file: positions.file, line: 1, column: 1, endLine: 1, endColumn: 1 };
        if (binders && !binders.includes(binder)) {
          const named = binders.filter((b) => b !== "_");
          const known = named.length > 0 ? `its binders are ${named.map((b) => `\`${b}\``).join(", ")}` : "it binds no named variable";
          report("SPEC027", `\`${d.name}\` has no binder \`${binder}\` (${known})`, at?.key ?? fallback, claim.id, field);
        }
        if (!ctx.isConstant(constant)) {
          report("SPEC026", `\`${constant}\` is neither a declaration of the Lean library nor a name with a numeric meaning`, at?.value ?? fallback, claim.id, field);
        }
      }
    }
  }
  return out;
}
