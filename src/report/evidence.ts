/**
 * The formal evidence of registry declarations, read from `out/proofs.json`: whether each
 * declaration exists, built, and is free of sorry and forbidden constructs, in it and in
 * everything its module imports (transitively).
 */
import type { DeclarationRecord, ModuleRecord, ProofsFile } from "../build/types.js";
import type { ClaimDeclaration } from "../spec/types.js";
import { meaningHash } from "./fingerprint.js";
import type { DeclarationEvidence } from "./types.js";

export interface ProofsIndex {
  declarations: Map<string, DeclarationRecord>;
  modules: Map<string, ModuleRecord>;
  /** Per module: problems of the module itself (failed, sorry, forbidden), without imports. */
  ownProblems: Map<string, string[]>;
}

/** The first line of a reason, at most 160 characters. */
function shorten(reason: string): string {
  const first = reason.split(/\r?\n| \| /)[0]!.trim();
  return first.length > 160 ? `${first.slice(0, 157)}…` : first;
}

const THEOREM_KINDS = new Set(["theorem", "lemma"]);

export function indexProofs(proofs: ProofsFile): ProofsIndex {
  const declarations = new Map(proofs.declarations.map((d) => [d.name, d]));
  const modules = new Map(proofs.modules.map((m) => [m.name, m]));
  const ownProblems = new Map<string, string[]>();
  for (const m of proofs.modules) {
    const p: string[] = [];
    const reason = m.reason ? ` (${shorten(m.reason)})` : "";
    if (m.status === "failed") p.push(`module ${m.name} failed to build${reason}`);
    if (m.status === "skipped") p.push(`module ${m.name} was not built${reason}`);
    const errors = m.messages.filter((x) => x.severity === "error");
    if (errors.length > 0 && m.status !== "failed") p.push(`module ${m.name} has ${errors.length} error message${errors.length === 1 ? "" : "s"}`);
    const sorryDecls = proofs.declarations.filter((d) => d.module === m.name && d.usesSorry).map((d) => d.name);
    const sorryMsgs = m.messages.filter((x) => x.kind === "hasSorry" || /declaration uses 'sorry'/.test(x.text));
    if (sorryDecls.length > 0) p.push(`module ${m.name} uses sorry (${sorryDecls.join(", ")})`);
    else if (sorryMsgs.length > 0) p.push(`module ${m.name} uses sorry (${m.file}:${sorryMsgs[0]!.line})`);
    for (const f of proofs.forbidden.filter((x) => x.file === m.file)) p.push(`forbidden \`${f.construct}\` at ${f.file}:${f.line}:${f.column}`);
    ownProblems.set(m.name, p);
  }
  return { declarations, modules, ownProblems };
}

/** The module and everything it imports, transitively (project modules only). */
export function importClosure(index: ProofsIndex, module: string): string[] {
  const seen = new Set<string>();
  const stack = [module];
  while (stack.length > 0) {
    const m = stack.pop()!;
    if (seen.has(m)) continue;
    seen.add(m);
    for (const i of index.modules.get(m)?.imports ?? []) stack.push(i);
  }
  return [...seen];
}

/** Whether a module problem is the forbidden-construct scan's `sorry` inside the declaration's own lines. */
function ownSorryWord(problem: string, rec: { file: string; line: number; endLine: number }): boolean {
  const m = /^forbidden `sorry` at (.+):(\d+):\d+$/.exec(problem);
  if (!m || m[1] !== rec.file) return false;
  const line = Number(m[2]);
  return line >= rec.line && line <= rec.endLine;
}

/** The evidence one registry declaration has. */
export function assessDeclaration(decl: ClaimDeclaration, index: ProofsIndex): DeclarationEvidence {
  const rec = index.declarations.get(decl.name);
  const numericRequired = decl.numeric === true;
  const numericCounts = decl.numeric ?? (decl.role !== "definition" && decl.role !== "witness");
  const pinned = decl.statementHash !== undefined ? { pinnedHash: decl.statementHash } : {};
  if (!rec) {
    return { name: decl.name, role: decl.role, found: false, fingerprint: "unknown", problems: ["missing from out/proofs.json"], ok: false, isTheorem: false, numericRequired, numericCounts, ...pinned };
  }
  const problems: string[] = [];
  // A statement whose own proof is `sorry` is stated, not proved (state a conjecture first, test
  // it, prove it later). Any other role with `sorry` (a refutation, a conditional proof, a
  // witness, a definition) is a problem: it would otherwise vouch for something.
  if (rec.usesSorry) problems.push("uses sorry");
  const mod = index.modules.get(rec.module);
  if (!mod) problems.push(`its module ${rec.module} is not in out/proofs.json`);
  const closure = importClosure(index, rec.module);
  // When an imported module failed, modules skipped because of it are consequences, not causes.
  const rootFailed = closure.some((m) => m !== rec.module && index.modules.get(m)?.status === "failed");
  for (const m of closure) {
    const own = index.ownProblems.get(m) ?? [];
    if (m === rec.module) problems.push(...own.filter((p) => !(rec.usesSorry && (p.startsWith(`module ${m} uses sorry`) || ownSorryWord(p, rec)))));
    else if (own.length > 0) {
      const skipped = index.modules.get(m)?.status === "skipped";
      problems.push(...own.filter((p) => !(rootFailed && skipped && p.startsWith(`module ${m} was not built`))).map((p) => `imported: ${p}`));
    } else if (!index.modules.has(m)) problems.push(`imported module ${m} is not in out/proofs.json`);
  }
  // Stated only when its own `sorry` is all that is wrong with it.
  const stated = problems.length === 1 && rec.usesSorry && THEOREM_KINDS.has(rec.kind) && (decl.role === "statement" || decl.role === "proof");
  if (stated) problems.length = 0;
  const hash = meaningHash(rec);
  const fingerprint = decl.statementHash === undefined ? "unpinned" : decl.statementHash === hash ? "match" : "changed";
  return {
    name: decl.name,
    role: decl.role,
    found: true,
    kind: rec.kind,
    module: rec.module,
    ...(mod ? { moduleStatus: mod.status } : {}),
    file: rec.file,
    line: rec.line,
    endLine: rec.endLine,
    statement: rec.statement,
    hash,
    ...pinned,
    fingerprint,
    problems,
    ok: problems.length === 0 && !stated,
    isTheorem: THEOREM_KINDS.has(rec.kind) && !stated,
    ...(stated ? { stated: true as const } : {}),
    numericRequired,
    numericCounts,
  };
}
