/**
 * A checking plan for one declaration: its universally quantified variables (with the
 * constraints their hypotheses put on generation), its premises classified by how they are
 * met, and its conclusion, all compiled to TypeScript expressions.
 */
import { diagnostic, type Diagnostic } from "../diagnostics/index.js";
import type { Binder, Expr, Library, LibraryDeclaration } from "../parser/index.js";
import { freeIdents, nodes, printExpr, unparen } from "../parser/index.js";
import type { Registry } from "../semantics/registry.js";
import type { TypeSpec } from "../semantics/types.js";
import type { Constraint } from "../runner/generators.js";
import type { PremiseKind } from "../runner/property.js";
import { Compiler, type Helper, type Scope } from "./compile.js";
import { arr, arrow, id, jsName, lit, member, rt, str, type Ts } from "./tsexpr.js";
import { hasConstructiveGenerator } from "../runner/generators.js";
import { substitute } from "./subst.js";
import { isGLType, isSortType, scalarTypeVariables, splitDim, typeSpecOf } from "./types.js";

/** The generator implied by a binder of type `GL n α` (a more specific hypothesis overrides it). */
const INVERTIBLE: Constraint = "pred:Sym.IsInvertible";

export interface PlanVariable {
  name: string;
  key: string;
  type: TypeSpec;
  constraint: Constraint;
  lean: string;
}

export interface PlanPremise {
  name: string;
  js: string;
  kind: PremiseKind;
  lean: string;
  holds?: Ts;
  violated?: Ts;
}

export interface PlanAssignment {
  key: string;
  js: string;
  value: Ts;
}

export interface Plan {
  declaration: string;
  claimId?: string;
  file: string;
  line: number;
  mode: "exact" | "float";
  statement: string;
  variables: PlanVariable[];
  assignments: PlanAssignment[];
  premises: PlanPremise[];
  conclusion: Ts;
  conclusionLean: string;
  helpers: Helper[];
  diagnostics: Diagnostic[];
}

const v = id("v");

function isZero(e: Expr): boolean {
  const x = unparen(e);
  return x.kind === "num" && Number(x.value) === 0;
}

export interface PlanOptions {
  /** Variables fixed to a constant of the registry (`σ ↦ Sym.sigmoid`). */
  concrete?: Record<string, string>;
}

export function planDeclaration(lib: Library, registry: Registry | undefined, d: LibraryDeclaration, options: PlanOptions = {}): Plan {
  const compiler = new Compiler(lib, registry);
  const ns = d.name.split(".").slice(0, -1);
  const scope: Scope = { locals: new Map(), ns, scalars: new Set() };
  const plan: Plan = {
    declaration: d.name,
    file: d.file,
    line: d.line,
    mode: "exact",
    statement: "",
    variables: [],
    assignments: [],
    premises: [],
    conclusion: { k: "lit", value: false },
    conclusionLean: "",
    helpers: [],
    diagnostics: [],
  };
  if (d.docId) plan.claimId = d.docId;
  if (!d.parsed.ok) {
    plan.diagnostics.push(...d.parsed.diagnostics);
    return plan;
  }
  const decl = d.parsed.value;
  const hyps: Array<{ name: string; type: Expr }> = [];
  const usedKeys = new Set<string>();

  const scalarTypes = scalarTypeVariables(decl.binders, false);
  const addBinder = (b: Binder): void => {
    if (b.style === "instance") return;
    if (b.type && isSortType(b.type)) {
      // A type the statement quantifies over is instantiated at the scalars, unless it carries
      // a structure the field does not have (`[Group G]`).
      if (scalarTypes.has(b.name) || !decl.binders.includes(b)) scope.scalars.add(b.name);
      return;
    }
    if (b.type && compiler.isProp(b.type, scope)) {
      hyps.push({ name: b.name, type: b.type });
      scope.locals.set(b.name, { ts: { k: "lit", value: true }, prop: true });
      return;
    }
    const spec = b.type ? typeSpecOf(b.type, compiler.typeEnv(scope)) : undefined;
    if (!spec || spec.k === "prop" || (spec.k === "list" && spec.of.k !== "nat")) {
      plan.diagnostics.push(diagnostic("SYM203", b.range, b.name, b.type ? printExpr(b.type) : "_"));
      return;
    }
    let key = jsName(b.name);
    for (let k = 2; usedKeys.has(key); k++) key = `${jsName(b.name)}${k}`;
    usedKeys.add(key);
    scope.locals.set(b.name, { ts: member(v, key), type: spec });
    const constraint: Constraint = b.type && isGLType(b.type) ? INVERTIBLE : "none";
    plan.variables.push({ name: b.name, key, type: spec, constraint, lean: b.type ? printExpr(b.type) : "_" });
  };

  for (const b of decl.binders) addBinder(b);
  let body: Expr;
  if (decl.keyword === "def" || decl.keyword === "abbrev" || decl.keyword === "structure") {
    const t = unparen(decl.type);
    if (!(t.kind === "sort" && t.sort === "Prop") || !decl.body) {
      plan.diagnostics.push(diagnostic("SYM110", decl.nameRange, d.name));
      return plan;
    }
    body = decl.body;
    // A closed proposition the registry implements (e.g. a cited theorem whose premise sampling
    // cannot meet, checked by the registry's own search) is evaluated through that entry.
    const closed = decl.binders.every((b) => b.style !== "explicit" || (b.type !== undefined && isSortType(b.type)));
    const entry = closed ? registry?.get(d.name) : undefined;
    if (entry && entry.params.length === 0) body = { kind: "ident", name: d.name, range: decl.nameRange };
  } else {
    body = decl.type;
  }
  // Peel leading ∀ and → into variables and premises; a conclusion that is a Prop definition
  // of the library is unfolded, so its own ∀s become generated variables too.
  let unfoldings = 0;
  for (;;) {
    const x = unparen(body);
    if (x.kind === "forall") {
      for (const b of x.binders) addBinder(b);
      body = x.body;
    } else if (x.kind === "binary" && x.op === "→") {
      hyps.push({ name: `h${hyps.length + 1}`, type: x.lhs });
      body = x.rhs;
    } else {
      const unfolded = unfoldings < 3 ? unfoldDefinition(compiler, x, scope, plan.variables) : undefined;
      if (!unfolded) break;
      body = unfolded;
      unfoldings++;
    }
  }
  plan.statement = printExpr(decl.type) + (decl.body ? ` := ${printExpr(decl.body)}` : "");
  plan.conclusionLean = printExpr(body);

  const variable = (e: Expr): { name: string; idx: number } | undefined => {
    let x = unparen(e);
    // `K.val` of a `GL` element is the matrix itself.
    if (x.kind === "proj" && x.field === "val") x = unparen(x.target);
    if (x.kind !== "ident") return undefined;
    const idx = plan.variables.findIndex((p) => p.name === x.name);
    return idx >= 0 ? { name: x.name, idx } : undefined;
  };
  const assigned = new Set<string>();
  // Variables a solved scalar root is computed from (its assignment comes first): never assigned later.
  const rootDeps = new Set<string>();
  const glChecks: PlanVariable[] = [];
  // Fixed activations: `σ := Sym.sigmoid` (float mode when the function needs it).
  for (const [name, constant] of Object.entries(options.concrete ?? {})) {
    const pv = plan.variables.find((p) => p.name === name);
    const entry = registry?.get(constant);
    if (!pv || !entry) continue;
    assigned.add(pv.name);
    plan.assignments.push({ key: pv.key, js: `assign_${pv.key}`, value: rt("call", str(constant), { k: "arr", elems: [] }) });
    if (!entry.modes.includes("exact")) plan.mode = "float";
    plan.statement = `${plan.statement} [${name} := ${constant}]`;
  }

  for (const h of hyps) {
    const t = unparen(h.type);
    const js = `premise_${jsName(h.name)}`;
    const lean = printExpr(h.type);
    let kind: PremiseKind = "filter";
    // Sign conditions select the scalar generator.
    if (t.kind === "binary") {
      const sides: Array<[Expr, Expr, Constraint]> = [];
      if (t.op === "<") sides.push([t.lhs, t.rhs, "positive"]);
      if (t.op === ">") sides.push([t.rhs, t.lhs, "positive"]);
      if (t.op === "≤") sides.push([t.lhs, t.rhs, "nonneg"]);
      if (t.op === "≥") sides.push([t.rhs, t.lhs, "nonneg"]);
      if (t.op === "≠") sides.push([t.rhs, t.lhs, "nonzero"], [t.lhs, t.rhs, "nonzero"]);
      for (const [zero, other, c] of sides) {
        const x = variable(other);
        const pv = x ? plan.variables[x.idx] : undefined;
        if (isZero(zero) && pv && pv.constraint === "none" && !assigned.has(pv.name) && (pv.type.k === "scalar" || pv.type.k === "nat")) {
          // (`n ≠ 0` for a natural is `0 < n`.)
          pv.constraint = c;
          kind = "generated";
          break;
        }
      }
      // `Kᵀ * K = e` (or `K * Kᵀ = e`) with `e` free of `K`: an equation in one unknown, solved
      // by `K = Q S` (`S * K`) for an orthogonal `Q` drawn from its generator and a fixed root `S`
      // of `SᵀS = c I`, so the outcome does not depend on the seed. The premise is still checked.
      if (kind === "filter" && t.op === "=") {
        for (const [lhs, rhs] of [[t.lhs, t.rhs], [t.rhs, t.lhs]] as const) {
          const g = gramSide(lhs);
          const x = g ? variable({ kind: "ident", name: g.name, range: lhs.range }) : undefined;
          const pv = x ? plan.variables[x.idx] : undefined;
          if (!g || !pv || pv.type.k !== "mat" || pv.type.m !== pv.type.n || (pv.constraint !== "none" && pv.constraint !== INVERTIBLE) || assigned.has(pv.name) || rootDeps.has(pv.name)) continue;
          if (freeIdents(rhs).includes(pv.name)) continue;
          let qkey = `${pv.key}_orth`;
          for (let k = 2; usedKeys.has(qkey); k++) qkey = `${pv.key}_orth${k}`;
          usedKeys.add(qkey);
          plan.variables.push({ name: `${pv.name}_orth`, key: qkey, type: pv.type, constraint: "pred:Sym.IsOrthogonal", lean: `orthogonal factor of ${pv.name}` });
          assigned.add(pv.name);
          plan.assignments.push({ key: pv.key, js: `assign_${pv.key}`, value: rt("gramRoot", member(v, qkey), compiler.term(rhs, scope), { k: "lit", value: g.left }) });
          kind = "solved";
          if (pv.constraint === INVERTIBLE) glChecks.push(pv);
          break;
        }
      }
      if (kind === "filter" && t.op === "=") {
        for (const [lhs, rhs] of [[t.lhs, t.rhs], [t.rhs, t.lhs]] as const) {
          const x = variable(lhs);
          const pv = x ? plan.variables[x.idx] : undefined;
          if (!pv || (pv.constraint !== "none" && pv.constraint !== INVERTIBLE) || assigned.has(pv.name) || rootDeps.has(pv.name)) continue;
          const deps = freeIdents(rhs);
          if (deps.includes(pv.name) || deps.some((n) => assigned.has(n))) continue;
          assigned.add(pv.name);
          plan.assignments.push({ key: pv.key, js: `assign_${pv.key}`, value: compiler.term(rhs, scope) });
          kind = "assigned";
          if (pv.constraint === INVERTIBLE) glChecks.push(pv);
          break;
        }
      }
    }
    // `X * A = B` (or `A * X = B`) with `X` an invertible matrix no other premise constrains and
    // `A`, `B` free of it, `A` invertible (matrices of `GL` binders): an equation in one unknown,
    // solved as `X := B * A⁻¹` (`A⁻¹ * B`). The premise is still checked.
    if (kind === "filter" && t.kind === "binary" && t.op === "=") {
      const invertible = (e: Expr): boolean => {
        const x = variable(e);
        const pv = x ? plan.variables[x.idx] : undefined;
        return !!pv && pv.type.k === "mat" && (pv.constraint === INVERTIBLE || pv.constraint.startsWith("pred:")) && !assigned.has(pv.name);
      };
      solve: for (const [lhs, rhs] of [[t.lhs, t.rhs], [t.rhs, t.lhs]] as const) {
        const u = unparen(lhs);
        if (u.kind !== "binary" || u.op !== "*") continue;
        for (const [xe, other, left] of [[u.lhs, u.rhs, true], [u.rhs, u.lhs, false]] as const) {
          const xu = unparen(xe);
          const x = xu.kind === "ident" ? variable(xu) : undefined;
          const pv = x ? plan.variables[x.idx] : undefined;
          if (!pv || pv.type.k !== "mat" || pv.constraint !== INVERTIBLE || assigned.has(pv.name) || rootDeps.has(pv.name) || !invertible(other)) continue;
          const deps = [...freeIdents(other), ...freeIdents(rhs)];
          if (deps.includes(pv.name) || deps.some((n) => assigned.has(n))) continue;
          const inv: Expr = { kind: "postfix", op: "⁻¹", arg: other, range: other.range };
          const value: Expr = left ? { kind: "binary", op: "*", lhs: rhs, rhs: inv, range: t.range } : { kind: "binary", op: "*", lhs: inv, rhs, range: t.range };
          assigned.add(pv.name);
          plan.assignments.push({ key: pv.key, js: `assign_${pv.key}`, value: compiler.term(value, scope) });
          kind = "assigned";
          glChecks.push(pv);
          break solve;
        }
      }
    }
    // `c * c + s * s = 1`: a rational point of the unit circle.
    if (kind === "filter" && t.kind === "binary" && t.op === "=") {
      const pair = circlePair(t);
      const a = pair ? plan.variables.find((p) => p.name === pair[0]) : undefined;
      const b = pair ? plan.variables.find((p) => p.name === pair[1]) : undefined;
      if (a && b && a !== b && a.type.k === "scalar" && b.type.k === "scalar" && a.constraint === "none" && b.constraint === "none" && !assigned.has(a.name) && !assigned.has(b.name)) {
        a.constraint = `circle:${b.key}`;
        b.constraint = `circle:${a.key}`;
        kind = "generated";
      }
    }
    // An equation in scalars that none of the above fixes (`scaledPenalty a b t * scaledPenalty a b t
    // = 4 * a * b`): solved at run time for its last free scalar without a sign condition, when
    // it is a polynomial of degree at most 2 in it with a rational root (`Runtime.scalarRoot`);
    // the premise is still checked, so a run without a root is discarded as before.
    if (kind === "filter" && t.kind === "binary" && t.op === "=") {
      const free = new Set(freeIdents(t));
      const unknown = [...plan.variables].reverse().find((p) => free.has(p.name) && p.type.k === "scalar" && p.constraint === "none" && !assigned.has(p.name));
      const sideDeps = unknown ? [...free].filter((n) => n !== unknown.name) : [];
      if (unknown && !sideDeps.some((n) => assigned.has(n))) {
        assigned.add(unknown.name);
        for (const n of sideDeps) rootDeps.add(n);
        let ckey = `${unknown.key}_root`;
        for (let k = 2; usedKeys.has(ckey); k++) ckey = `${unknown.key}_root${k}`;
        usedKeys.add(ckey);
        plan.variables.push({ name: `${unknown.name}_root`, key: ckey, type: unknown.type, constraint: "none", lean: `which root of ${h.name} for ${unknown.name}` });
        // First: it reads only generated variables, and earlier assignments may read the unknown.
        plan.assignments.unshift({
          key: unknown.key,
          js: `assign_${unknown.key}`,
          value: rt("scalarRoot", v, str(unknown.key), arrow(["v"], arr([compiler.term(t.lhs, scope), compiler.term(t.rhs, scope)])), member(v, ckey)),
        });
        kind = "root";
      }
    }
    // A predicate with a constructive generator (`IsOrthogonal K`) selects it.
    if (kind === "filter" && t.kind === "app" && t.fn.kind === "ident" && !scope.locals.has(t.fn.name)) {
      const r = compiler.resolve(t.fn.name, scope);
      const subject = t.args.length === 1 ? variable(t.args[0] as Expr) : undefined;
      const pv = subject ? plan.variables[subject.idx] : undefined;
      if (r && r.kind === "registry" && hasConstructiveGenerator(r.name) && pv && pv.type.k === "mat" && (pv.constraint === "none" || pv.constraint === INVERTIBLE) && !assigned.has(pv.name)) {
        pv.constraint = `pred:${r.name}`;
        kind = "generated";
      }
    }
    // A ∀-premise (directly or through a Prop definition): checked through the contrapositive.
    if (kind === "filter") {
      const forall = unfoldForall(compiler, h.type, scope, plan.variables);
      if (forall) {
        kind = "contrapositive";
        // ¬ ∀ xs, body  ≡  ∃ xs, ¬ body, with the negation pushed inward so that hypotheses
        // (`IsOrthogonal U → …` becomes `IsOrthogonal U ∧ …`) select the witnesses' generators.
        const negated: Expr = {
          kind: "exists",
          binders: forall.binders,
          body: negate(forall.body),
          unique: false,
          range: forall.range,
        };
        plan.premises.push({ name: h.name, js: `violates_${jsName(h.name)}`, kind, lean, violated: compiler.prop(negated, forall.scope) });
        for (const n of freeIdents(h.type)) {
          const pv = plan.variables.find((p) => p.name === n);
          if (pv && pv.type.k === "mat" && (pv.constraint === "none" || pv.constraint === INVERTIBLE)) pv.constraint = "boundary";
        }
        continue;
      }
    }
    plan.premises.push({ name: h.name, js, kind, lean, holds: compiler.prop(h.type, scope) });
  }

  // A `GL` variable fixed by an equation must still be invertible.
  for (const pv of glChecks) {
    plan.premises.push({
      name: `${pv.name}_invertible`,
      js: `premise_${pv.key}_invertible`,
      kind: "filter",
      lean: `IsInvertible ${pv.name}`,
      holds: { k: "call", fn: { k: "member", obj: id("$"), name: "truth" }, args: [{ k: "call", fn: { k: "member", obj: id("$"), name: "call" }, args: [{ k: "str", value: "Sym.IsInvertible" }, { k: "arr", elems: [member(v, pv.key)] }] }] },
    });
  }
  // A group predicate applied to a free matrix variable in the conclusion (`IsOrthogonal K ↔ …`):
  // random matrices almost never land inside, so the variable is drawn from random matrices
  // mixed with elements just inside and just outside the groups.
  for (const node of nodes(body)) {
    if (node.kind !== "app" || node.fn.kind !== "ident" || node.args.length !== 1 || scope.locals.get(node.fn.name)?.prop) continue;
    const r = compiler.resolve(node.fn.name, scope);
    const x = variable(node.args[0] as Expr);
    const pv = x ? plan.variables[x.idx] : undefined;
    if (r?.kind === "registry" && hasConstructiveGenerator(r.name) && pv && pv.type.k === "mat" && pv.type.m === pv.type.n && (pv.constraint === "none" || pv.constraint === INVERTIBLE) && !assigned.has(pv.name)) {
      pv.constraint = pv.constraint === INVERTIBLE ? "mixed-invertible" : "mixed";
    }
  }
  // An index `i : Fin n` exists only when `n > 0`: at size 0 the statement holds vacuously
  // (Lean's `Fin 0` is empty), so a run that drew `n = 0` carries no information and is skipped.
  const inhabited: PlanPremise[] = [];
  for (const pv of plan.variables) {
    if (pv.type.k !== "fin") continue;
    const d = pv.type.n;
    let size: Ts;
    if (typeof d === "number") size = lit(d);
    else {
      const [name, k] = splitDim(d);
      const sv = plan.variables.find((p) => p.name === name);
      if (!sv) continue;
      size = k === 0 ? member(v, sv.key) : rt("plus", member(v, sv.key), lit(k));
    }
    inhabited.push({ name: `${pv.name}_inhabited`, js: `premise_${pv.key}_inhabited`, kind: "filter", lean: `${pv.name} < ${String(d)}`, holds: rt("lt", member(v, pv.key), size) });
  }
  plan.premises.unshift(...inhabited);
  plan.conclusion = compiler.prop(body, scope);
  plan.helpers = [...compiler.helpers.values()];
  plan.diagnostics.push(...compiler.diagnostics);
  if ([...compiler.usedEntries.values()].some((e) => !e.modes.includes("exact"))) plan.mode = "float";
  // Variables computed by an assignment are not generated.
  const assignedKeys = new Set(plan.assignments.map((a) => a.key));
  plan.variables = plan.variables.map((p) => (assignedKeys.has(p.key) ? { ...p, constraint: "none" as const } : p));
  return plan;
}

/** `∀ xs, body` behind a premise, unfolding one Prop definition of the library. */
function unfoldForall(
  compiler: Compiler,
  premise: Expr,
  scope: Scope,
  variables: readonly PlanVariable[],
): { binders: Binder[]; body: Expr; range: Expr["range"]; scope: Scope } | undefined {
  const t = unparen(premise);
  if (t.kind === "forall") return { binders: t.binders, body: t.body, range: t.range, scope };
  // The library's definition, even when the registry decides the predicate by a bounded check:
  // a ∀-premise is checked through the contrapositive, with its own witness search.
  const u = unfoldDefinition(compiler, t, scope, variables, true);
  const b = u ? unparen(u) : undefined;
  return b && b.kind === "forall" ? { binders: b.binders, body: b.body, range: b.range, scope } : undefined;
}

/** `Kᵀ * K` (`left: true`) or `K * Kᵀ` (`left: false`), also with `K.val`: the name `K`. */
function gramSide(e: Expr): { name: string; left: boolean } | undefined {
  const u = unparen(e);
  if (u.kind !== "binary" || u.op !== "*") return undefined;
  const name = (x: Expr): string | undefined => {
    let a = unparen(x);
    if (a.kind === "proj" && a.field === "val") a = unparen(a.target);
    return a.kind === "ident" ? a.name : undefined;
  };
  const transposed = (x: Expr): string | undefined => {
    const a = unparen(x);
    return a.kind === "postfix" && a.op === "ᵀ" ? name(a.arg) : undefined;
  };
  const l = transposed(u.lhs);
  if (l !== undefined && name(u.rhs) === l) return { name: l, left: true };
  const r = transposed(u.rhs);
  if (r !== undefined && name(u.lhs) === r) return { name: r, left: false };
  return undefined;
}

/** `x * x + y * y = 1` (or with `^ 2`, either side): the names `[x, y]`. */
function circlePair(e: Expr & { kind: "binary" }): [string, string] | undefined {
  const one = (x: Expr): boolean => {
    const u = unparen(x);
    return u.kind === "num" && u.value === "1";
  };
  const square = (x: Expr): string | undefined => {
    const u = unparen(x);
    if (u.kind === "binary" && u.op === "*") {
      const a = unparen(u.lhs);
      const b = unparen(u.rhs);
      if (a.kind === "ident" && b.kind === "ident" && a.name === b.name) return a.name;
    }
    if (u.kind === "binary" && u.op === "^") {
      const a = unparen(u.lhs);
      const k = unparen(u.rhs);
      if (a.kind === "ident" && k.kind === "num" && k.value === "2") return a.name;
    }
    return undefined;
  };
  const sum = one(e.rhs) ? unparen(e.lhs) : one(e.lhs) ? unparen(e.rhs) : undefined;
  if (!sum || sum.kind !== "binary" || sum.op !== "+") return undefined;
  const a = square(sum.lhs);
  const b = square(sum.rhs);
  return a && b ? [a, b] : undefined;
}

/**
 * `P a₁ … aₖ` for a Prop definition `P` of the library with a `∀`/`→` body: the body with the
 * parameters replaced by the arguments (implicit sizes read off the arguments' types).
 */
function unfoldDefinition(compiler: Compiler, x: Expr, scope: Scope, variables: readonly PlanVariable[], libraryFirst = false): Expr | undefined {
  const head = x.kind === "app" ? x.fn : x;
  const allArgs = x.kind === "app" ? x.args : [];
  if (head.kind !== "ident" || scope.locals.has(head.name)) return undefined;
  const args = allArgs.filter((a) => !(unparen(a).kind === "ident" && scope.scalars.has((unparen(a) as { name: string }).name)));
  let decl: LibraryDeclaration | undefined;
  if (libraryFirst) decl = compiler.resolveLibrary(head.name, scope);
  else {
    const r = compiler.resolve(head.name, scope);
    decl = r?.kind === "library" ? r.decl : undefined;
  }
  if (!decl || !decl.parsed.ok) return undefined;
  const d = decl.parsed.value;
  if (!d.body || !(d.type.kind === "sort" && d.type.sort === "Prop")) return undefined;
  const body = unparen(d.body);
  if (body.kind !== "forall" && !(body.kind === "binary" && body.op === "→")) return undefined;
  const explicit = d.binders.filter((b) => b.style === "explicit" && !(b.type && isSortType(b.type)));
  if (explicit.length !== args.length) return undefined;
  const map = new Map<string, Expr>();
  explicit.forEach((b, i) => map.set(b.name, args[i] as Expr));
  // Sort parameters: the statement's scalar type.
  const scalar = [...scope.scalars][0];
  for (const b of d.binders) {
    if (b.type && isSortType(b.type) && scalar && b.name !== scalar) map.set(b.name, { kind: "ident", name: scalar, range: b.range });
  }
  // Implicit sizes: unify the parameter's type with the argument variable's type.
  const defScalars = new Set(d.binders.filter((b) => b.type && isSortType(b.type)).map((b) => b.name));
  const implicitNats = d.binders.filter((b) => b.style !== "explicit" && b.style !== "instance" && b.type && unparen(b.type).kind === "ident" && ["Nat", "ℕ"].includes((unparen(b.type) as { name: string }).name)).map((b) => b.name);
  const natSet = new Set([...implicitNats, ...explicit.filter((b) => b.type && unparen(b.type).kind === "ident" && ["Nat", "ℕ"].includes((unparen(b.type) as { name: string }).name)).map((b) => b.name)]);
  const env = { scalars: defScalars, isNat: (n: string) => natSet.has(n), isWidths: () => false };
  for (const n of implicitNats) {
    let found: Expr | undefined;
    explicit.forEach((b, i) => {
      if (found || !b.type) return;
      const ps = typeSpecOf(b.type, env);
      let a = unparen(args[i] as Expr);
      if (a.kind === "proj" && a.field === "val") a = unparen(a.target);
      const av = a.kind === "ident" ? variables.find((v) => v.name === (a as { name: string }).name) : undefined;
      if (!ps || !av) return;
      for (const [pd, ad] of dimPairs(ps, av.type)) {
        if (pd !== n) continue;
        if (typeof ad === "number") found = { kind: "num", value: String(ad), range: x.range };
        else if (typeof ad === "string" && !ad.includes("+")) found = { kind: "ident", name: ad, range: x.range };
      }
    });
    if (!found) return undefined;
    map.set(n, found);
  }
  return substitute(body, map);
}

/** `¬ e` with the negation pushed through `∀ ∃ → ∧ ∨ ¬` (classical logic, as Lean's `Prop` allows). */
export function negate(e: Expr): Expr {
  const x = unparen(e);
  const range = x.range;
  switch (x.kind) {
    case "forall":
      return { kind: "exists", binders: x.binders, body: negate(x.body), unique: false, range };
    case "exists":
      return x.unique ? { kind: "unary", op: "¬", arg: x, range } : { kind: "forall", binders: x.binders, body: negate(x.body), range };
    case "unary":
      if (x.op === "¬") return x.arg;
      break;
    case "binary":
      if (x.op === "→") return { kind: "binary", op: "∧", lhs: x.lhs, rhs: negate(x.rhs), range };
      if (x.op === "∧") return { kind: "binary", op: "∨", lhs: negate(x.lhs), rhs: negate(x.rhs), range };
      if (x.op === "∨") return { kind: "binary", op: "∧", lhs: negate(x.lhs), rhs: negate(x.rhs), range };
      break;
    default:
      break;
  }
  return { kind: "unary", op: "¬", arg: x, range };
}

/** Corresponding dimensions of two types of the same shape (through function types). */
function dimPairs(a: TypeSpec, b: TypeSpec): Array<[unknown, unknown]> {
  if (a.k === "mat" && b.k === "mat") return [[a.m, b.m], [a.n, b.n]];
  if ((a.k === "vec" && b.k === "vec") || (a.k === "fin" && b.k === "fin")) return [[a.n, b.n]];
  if (a.k === "fn" && b.k === "fn" && a.from.length === b.from.length) {
    return [...a.from.flatMap((x, i) => dimPairs(x, b.from[i] as TypeSpec)), ...dimPairs(a.to, b.to)];
  }
  return [];
}
