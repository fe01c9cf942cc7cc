/**
 * Which declarations the numeric harness checks: those the claims registry lists with a
 * statement-like role, and (until every claim lists its declarations) every theorem, lemma or
 * `def … : Prop` whose docstring starts with a claim id.
 */
import type { Library, LibraryDeclaration } from "../parser/index.js";
import { returnsProp } from "../parser/index.js";
import type { DeclRole, Registry as ClaimsRegistry } from "../spec/types.js";

export interface Selected {
  decl: LibraryDeclaration;
  claimId: string;
  /** Conjectures get the larger default run count. */
  conjecture: boolean;
  role?: DeclRole;
  /**
   * Binders fixed to a concrete constant with numeric semantics (`σ ↦ Sym.sigmoid`), as the
   * claims registry says (`instantiate`): a conjecture about sigmoid, or a named hypothesis of a
   * conditional proof, is evaluated on the function the claim is about.
   */
  concrete?: Record<string, string>;
}

const NUMERIC_ROLES: ReadonlySet<DeclRole> = new Set(["statement", "proof", "refutation", "conditional", "hypothesis"]);

function isProposition(d: LibraryDeclaration): boolean {
  if (d.keyword === "theorem" || d.keyword === "lemma") return true;
  if (!d.parsed.ok) return false;
  const t = d.parsed.value.type;
  return t.kind === "sort" && t.sort === "Prop" && returnsProp(t);
}

/**
 * A `def … : Prop` whose explicit binders are all types is a closed proposition (a conjecture or
 * a named hypothesis); with value binders it is a predicate, i.e. a definition.
 */
function isClosedProposition(d: LibraryDeclaration): boolean {
  if (d.keyword === "theorem" || d.keyword === "lemma") return true;
  if (!d.parsed.ok) return false;
  return d.parsed.value.binders.every((b) => b.style !== "explicit" || (b.type !== undefined && b.type.kind === "sort" && b.type.sort !== "Prop"));
}

export function selectDeclarations(lib: Library, claims: ClaimsRegistry | undefined): { selected: Selected[]; missing: Array<{ claimId: string; name: string }> } {
  const out = new Map<string, Selected>();
  const missing: Array<{ claimId: string; name: string }> = [];
  /** Every declaration the registry lists: the registry alone decides whether it is checked. */
  const listed = new Set<string>();
  for (const c of claims?.claims ?? []) {
    for (const cd of c.declarations) {
      listed.add(cd.name);
      const numeric = cd.numeric ?? NUMERIC_ROLES.has(cd.role);
      if (!numeric) continue;
      const d = lib.byName.get(cd.name);
      if (!d) {
        missing.push({ claimId: c.id, name: cd.name });
        continue;
      }
      // The literal statement of a conjecture gets the larger run count; its lemmas do not.
      const conjecture = c.kind === "conjecture" && cd.role === "statement";
      // A structure of hypotheses is checked field by field.
      const decls = d.keyword === "structure" ? lib.declarations.filter((x) => x.name.startsWith(`${d.name}.`) && x.line > d.line && x.file === d.file && x.keyword === "def") : [d];
      for (const x of decls) {
        const sel: Selected = { decl: x, claimId: c.id, conjecture, role: cd.role };
        // The registry names the concrete function a binder stands for (`σ ↦ Sym.sigmoid`).
        if (cd.instantiate && Object.keys(cd.instantiate).length > 0) sel.concrete = { ...cd.instantiate };
        out.set(x.name, sel);
      }
    }
  }
  const kinds = new Map((claims?.claims ?? []).map((c) => [c.id, c.kind]));
  for (const d of lib.declarations) {
    if (!d.docId || out.has(d.name) || listed.has(d.name) || !isProposition(d)) continue;
    // A `def … : Prop` tagged with the id of a definition claim defines, it does not claim.
    if (d.keyword !== "theorem" && d.keyword !== "lemma" && (kinds.get(d.docId) === "definition" || !isClosedProposition(d))) continue;
    out.set(d.name, { decl: d, claimId: d.docId, conjecture: kinds.get(d.docId) === "conjecture" && d.keyword === "def" });
  }
  const selected = [...out.values()].sort((a, b) => (a.decl.file === b.decl.file ? a.decl.line - b.decl.line : a.decl.file < b.decl.file ? -1 : 1));
  return { selected, missing };
}
