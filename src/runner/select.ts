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
   * Activation binders fixed to a concrete function of the registry (`σ ↦ Sym.sigmoid`): a
   * named hypothesis of a conditional proof is evaluated on the function the claim is about.
   */
  concrete?: Record<string, string>;
}

/** Concrete activations a claim can be about, by the word its title or paraphrase uses. */
const CONCRETE_ACTIVATIONS: ReadonlyArray<[RegExp, string]> = [
  [/sigmoid/i, "Sym.sigmoid"],
  [/\brelu\b/i, "Sym.relu"],
];

function concreteFor(d: LibraryDeclaration, text: string): Record<string, string> | undefined {
  if (!d.parsed.ok) return undefined;
  const hit = CONCRETE_ACTIVATIONS.find(([re]) => re.test(text));
  if (!hit) return undefined;
  const out: Record<string, string> = {};
  for (const b of d.parsed.value.binders) {
    const t = b.type;
    if (b.style === "explicit" && t && t.kind === "binary" && t.op === "→" && t.lhs.kind === "ident" && t.rhs.kind === "ident" && t.lhs.name === t.rhs.name) {
      out[b.name] = hit[1];
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
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
  for (const c of claims?.claims ?? []) {
    for (const cd of c.declarations) {
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
        if (cd.role === "hypothesis" || cd.role === "conditional") {
          const concrete = concreteFor(x, `${c.title} ${c.paraphrase}`);
          if (concrete) sel.concrete = concrete;
        }
        out.set(x.name, sel);
      }
    }
  }
  const kinds = new Map((claims?.claims ?? []).map((c) => [c.id, c.kind]));
  for (const d of lib.declarations) {
    if (!d.docId || out.has(d.name) || !isProposition(d)) continue;
    // A `def … : Prop` tagged with the id of a definition claim defines, it does not claim.
    if (d.keyword !== "theorem" && d.keyword !== "lemma" && (kinds.get(d.docId) === "definition" || !isClosedProposition(d))) continue;
    out.set(d.name, { decl: d, claimId: d.docId, conjecture: kinds.get(d.docId) === "conjecture" && d.keyword === "def" });
  }
  const selected = [...out.values()].sort((a, b) => (a.decl.file === b.decl.file ? a.decl.line - b.decl.line : a.decl.file < b.decl.file ? -1 : 1));
  return { selected, missing };
}
