/**
 * Compiles statement ASTs to TypeScript expressions over the runtime `$`: terms to values,
 * propositions to booleans, inner `∀` to sampling and `∃` to witness searches. Constants resolve
 * to the numeric semantics registry first, then to the body of a Lean definition of the library
 * (compiled once into a helper function); anything else is a diagnostic, never a silent pass.
 */
import { diagnostic, type Diagnostic, type Range } from "../diagnostics/index.js";
import type { Binder, Declaration, Expr, Library, LibraryDeclaration } from "../parser/index.js";
import { printExpr, returnsProp, unparen } from "../parser/index.js";
import type { Registry, SemanticEntry } from "../semantics/registry.js";
import type { Dim, TypeSpec } from "../semantics/types.js";
import { arrow, bin, call, id, jsName, lit, not, obj, rt, str, type Ts } from "./tsexpr.js";
import { hasConstructiveGenerator } from "../runner/generators.js";
import { isGLType, isMatrixLikeType, isSortType, scalarTypeVariables, splitDim, typeSpecOf, type TypeEnv } from "./types.js";

export interface Local {
  ts: Ts;
  type?: TypeSpec;
  /** The local is a proof (a hypothesis binder) or a decided proposition. */
  prop?: boolean;
}

export interface Scope {
  locals: Map<string, Local>;
  /** Namespace the source was written in, for resolving constants. */
  ns: string[];
  scalars: Set<string>;
}

/** A library definition compiled to a function of the generated module. */
export interface Helper {
  /** Fully qualified Lean name. */
  name: string;
  js: string;
  params: string[];
  /** Sizes inferred from the arguments' shapes: `const n = $.rows(K)`. */
  lets: Array<[string, Ts]>;
  body: Ts;
  returnsBool: boolean;
  source: string;
  lean: string;
}

type ParsedDecl = LibraryDeclaration & { parsed: { ok: true; value: Declaration } };

type Resolved = { kind: "registry"; name: string; entry: SemanticEntry } | { kind: "library"; name: string; decl: ParsedDecl };

const RELATIONS = new Set(["=", "≠", "≤", "<", "≥", ">", "∈", "∉", "⊆", "∣", "≈", "=="]);
const CONNECTIVES = new Set(["∧", "∨", "→", "↔"]);

/** Coercions between number types: the runtime coerces naturals to scalars itself. */
const CASTS = new Set(["OfNat.ofNat", "Nat.cast", "NatCast.natCast", "Int.cast", "IntCast.intCast"]);

const ARITH: Record<string, string> = {
  "+": "add",
  "-": "sub",
  "*": "mul",
  "/": "div",
  "^": "pow",
  "•": "smul",
  "∘": "compose",
  "⊗": "kron",
};

export class Compiler {
  readonly diagnostics: Diagnostic[] = [];
  readonly helpers = new Map<string, Helper>();
  /** Registry entries used (the mode depends on them). */
  readonly usedEntries = new Map<string, SemanticEntry>();
  private readonly inProgress = new Set<string>();

  constructor(
    readonly library: Library,
    readonly registry: Registry | undefined,
  ) {}

  private fail(code: "SYM201" | "SYM202" | "SYM203", range: Range | undefined, ...args: string[]): Ts {
    const d =
      code === "SYM201"
        ? diagnostic("SYM201", range, args[0] ?? "")
        : code === "SYM202"
          ? diagnostic("SYM202", range, args[0] ?? "")
          : diagnostic("SYM203", range, args[0] ?? "", args[1] ?? "");
    if (!this.diagnostics.some((x) => x.code === d.code && x.message === d.message)) this.diagnostics.push(d);
    return lit(false);
  }

  typeEnv(scope: Scope): TypeEnv {
    return {
      scalars: scope.scalars,
      isNat: (n) => scope.locals.get(n)?.type?.k === "nat",
      isWidths: (n) => scope.locals.get(n)?.type?.k === "list",
    };
  }

  // ---- resolution ----

  resolve(name: string, scope: Scope): Resolved | undefined {
    const base = name.startsWith("_root_.") ? name.slice(7) : name;
    const tries: string[] = [];
    for (let k = scope.ns.length; k >= 0; k--) tries.push([...scope.ns.slice(0, k), base].join("."));
    for (const full of tries) {
      const entry = this.registry?.get(full);
      if (entry) return { kind: "registry", name: full, entry };
      const d = this.library.byName.get(full);
      if (d && d.parsed.ok) return { kind: "library", name: full, decl: d as ParsedDecl };
    }
    return undefined;
  }

  /** The library definition of `name` even when the registry also has it (to unfold a premise). */
  resolveLibrary(name: string, scope: Scope): ParsedDecl | undefined {
    const base = name.startsWith("_root_.") ? name.slice(7) : name;
    for (let k = scope.ns.length; k >= 0; k--) {
      const d = this.library.byName.get([...scope.ns.slice(0, k), base].join("."));
      if (d && d.parsed.ok) return d as ParsedDecl;
    }
    return undefined;
  }

  /** Whether `e` denotes a proposition (so `=` between two of them is `===`). */
  isProp(e: Expr, scope: Scope): boolean {
    const x = unparen(e);
    switch (x.kind) {
      case "binary":
        if (x.op === "→") return this.isProp(x.rhs, scope) && !typeSpecOf(x.lhs, this.typeEnv(scope)) && !isSortType(x.lhs);
        return RELATIONS.has(x.op) || CONNECTIVES.has(x.op);
      case "unary":
        return x.op === "¬";
      case "forall":
      case "exists":
        return true;
      case "ident":
        if (x.name === "True" || x.name === "False") return true;
        return scope.locals.get(x.name)?.prop === true || this.constantIsProp(x.name, 0, scope);
      case "app":
        return x.fn.kind === "ident" && !scope.locals.has(x.fn.name) && this.constantIsProp(x.fn.name, x.args.length, scope);
      default:
        return false;
    }
  }

  /** A constant applied to `argc` arguments is a proposition (not a partially applied predicate). */
  private constantIsProp(name: string, argc: number, scope: Scope): boolean {
    if (scope.locals.has(name)) return false;
    const r = this.resolve(name, scope);
    if (!r) return false;
    if (r.kind === "registry") return r.entry.result.k === "prop" && argc >= r.entry.params.length;
    const d = r.decl.parsed.value;
    const explicit = d.binders.filter((b) => b.style === "explicit").length;
    return returnsProp(d.type) && argc >= explicit;
  }

  // ---- types ----

  /** A runtime type argument `{ k: "vec", n: v.n }` for an inner quantifier. */
  typeArg(type: Expr | undefined, scope: Scope, binder: Binder): Ts | undefined {
    if (!type) {
      this.fail("SYM202", binder.range, `binder \`${binder.name}\` has no type`);
      return undefined;
    }
    const spec = typeSpecOf(type, this.typeEnv(scope));
    // Parameters are searched over (pass-through, structured, then random layers); a layer group
    // inside a statement is not.
    if (!spec || spec.k === "fn" || spec.k === "list" || spec.k === "layerGroup" || spec.k === "prop" || spec.k === "perm") {
      this.fail("SYM203", binder.range, binder.name, printExpr(type));
      return undefined;
    }
    // Inside a statement, dimensions are values of variables (`n`, `n + 1`); a width function
    // (`minWidth n ws`) is resolved only for the statement's own variables.
    const dims = spec.k === "mat" ? [spec.m, spec.n] : spec.k === "vec" || spec.k === "fin" ? [spec.n] : [];
    if (dims.some((d) => typeof d === "string" && /[\s(]/.test(d))) {
      this.fail("SYM203", binder.range, binder.name, printExpr(type));
      return undefined;
    }
    return this.typeArgOf(spec, scope);
  }

  typeArgOf(spec: TypeSpec, scope: Scope): Ts {
    const dim = (d: Dim): Ts => {
      if (typeof d === "number") return lit(d);
      const [name, k] = splitDim(d);
      const base = scope.locals.get(name)?.ts ?? lit(0);
      return k === 0 ? base : rt("plus", base, lit(k));
    };
    switch (spec.k) {
      case "fin":
        return obj([["k", str("fin")], ["n", dim(spec.n)]]);
      case "vec":
        return obj([["k", str("vec")], ["n", dim(spec.n)]]);
      case "perm":
        return obj([["k", str("perm")], ["n", dim(spec.n)]]);
      case "mat":
        return obj([["k", str("mat")], ["m", dim(spec.m)], ["n", dim(spec.n)]]);
      case "layerGroup":
        return obj([["k", str("layerGroup")], ["widths", this.widthsArg(spec.widths, scope)]]);
      case "params":
        return obj([["k", str("params")], ["widths", this.widthsArg(spec.widths, scope)], ["input", dim(spec.input ?? 0)]]);
      default:
        return obj([["k", str(spec.k)]]);
    }
  }

  /** A widths key (`ws`, `m::k::[]`, `m::m'::ws`) as a runtime list. */
  private widthsArg(key: Dim, scope: Scope): Ts {
    if (typeof key === "number") return lit(key);
    const parts = key.split("::");
    if (parts.length === 1) return scope.locals.get(key)?.ts ?? lit(0);
    const last = parts.pop() as string;
    const heads = parts.map((p) => (/^\d+$/.test(p) ? lit(Number(p)) : (scope.locals.get(p)?.ts ?? lit(0))));
    const tail = last === "[]" ? { k: "id" as const, name: "null" } : (scope.locals.get(last)?.ts ?? lit(0));
    return rt("widths", { k: "arr", elems: heads }, tail);
  }

  // ---- propositions ----

  prop(e: Expr, scope: Scope): Ts {
    const x = unparen(e);
    switch (x.kind) {
      case "binary": {
        switch (x.op) {
          case "∧":
            return bin("&&", this.prop(x.lhs, scope), this.prop(x.rhs, scope));
          case "∨":
            return bin("||", this.prop(x.lhs, scope), this.prop(x.rhs, scope));
          case "→":
            return bin("||", not(this.prop(x.lhs, scope)), this.prop(x.rhs, scope));
          case "↔":
            return bin("===", this.prop(x.lhs, scope), this.prop(x.rhs, scope));
          case "=":
          case "==":
            if (this.isProp(x.lhs, scope) && this.isProp(x.rhs, scope)) {
              return bin("===", this.prop(x.lhs, scope), this.prop(x.rhs, scope));
            }
            return rt("eq", this.term(x.lhs, scope), this.term(x.rhs, scope));
          case "≠":
            return rt("ne", this.term(x.lhs, scope), this.term(x.rhs, scope));
          case "≤":
            return rt("le", this.term(x.lhs, scope), this.term(x.rhs, scope));
          case "<":
            return rt("lt", this.term(x.lhs, scope), this.term(x.rhs, scope));
          case "≥":
            return rt("le", this.term(x.rhs, scope), this.term(x.lhs, scope));
          case ">":
            return rt("lt", this.term(x.rhs, scope), this.term(x.lhs, scope));
          case "∈": {
            // Membership in a list literal, `x ∈ [a, b, c]`: `x = a ∨ x = b ∨ x = c`.
            const r = unparen(x.rhs);
            if (r.kind !== "list") return this.fail("SYM202", x.range, "membership `∈` in anything but a list literal");
            const lhs = this.term(x.lhs, scope);
            const eqs = r.elems.map((el) => rt("eq", lhs, this.term(el, scope)));
            return eqs.length === 0 ? lit(false) : eqs.reduce((acc, t) => bin("||", acc, t));
          }
          default:
            return this.fail("SYM202", x.range, `the relation \`${x.op}\``);
        }
      }
      case "unary":
        if (x.op === "¬") return not(this.prop(x.arg, scope));
        break;
      case "forall":
      case "exists":
        return this.quantifier(x.kind, x.binders, x.body, scope, x.kind === "exists" && x.unique, x.range);
      case "ident":
        if (x.name === "True") return lit(true);
        if (x.name === "False") return lit(false);
        break;
      case "ite":
        return { k: "cond", test: this.prop(x.cond, scope), then: this.prop(x.then, scope), else: this.prop(x.else, scope) };
      default:
        break;
    }
    const t = this.term(x, scope);
    if (t.k === "call" && t.fn.k === "id" && this.isHelperCall(t.fn.name)) return t;
    return rt("truth", t);
  }

  private isHelperCall(js: string): boolean {
    for (const h of this.helpers.values()) if (h.js === js) return h.returnsBool;
    return false;
  }

  private quantifier(kind: "forall" | "exists", binders: Binder[], body: Expr, scope: Scope, unique: boolean, range: Range): Ts {
    if (unique) return this.fail("SYM202", range, "unique existence `∃!`");
    const inner: Scope = { ...scope, locals: new Map(scope.locals) };
    const steps: Array<{ name: string; type?: Ts; hyp?: Expr; gl?: boolean }> = [];
    for (const b of binders) {
      if (b.style === "instance") continue;
      if (b.type && isSortType(b.type)) {
        if (scalarTypeVariables(binders, false).has(b.name)) inner.scalars = new Set([...inner.scalars, b.name]);
        continue;
      }
      if (b.type && this.isProp(b.type, inner)) {
        steps.push({ name: b.name, hyp: b.type });
        inner.locals.set(b.name, { ts: lit(true), prop: true });
        continue;
      }
      const ty = this.typeArg(b.type, inner, b);
      const js = this.freshName(b.name, inner);
      const spec = b.type ? typeSpecOf(b.type, this.typeEnv(inner)) : undefined;
      const local: Local = { ts: id(js) };
      if (spec) local.type = spec;
      inner.locals.set(b.name, local);
      const step: { name: string; type?: Ts; gl?: boolean } = { name: js };
      if (ty) step.type = ty;
      if (b.type && isGLType(b.type)) step.gl = true;
      steps.push(step);
    }
    // `∀ U, IsOrthogonal U → …` (and hypotheses bound as binders): the candidates of `U` come
    // from the predicate's constructive generator.
    let rest: Expr = body;
    const hyps: Expr[] = steps.flatMap((s) => (s.hyp ? [s.hyp] : []));
    for (;;) {
      const r = unparen(rest);
      if (kind === "forall" && r.kind === "binary" && r.op === "→") {
        hyps.push(r.lhs);
        rest = r.rhs;
      } else if (kind === "exists" && r.kind === "binary" && r.op === "∧") {
        hyps.push(r.lhs);
        rest = r.rhs;
      } else break;
    }
    const generatorOf = new Map<string, string>();
    for (const h of hyps) {
      const x = unparen(h);
      if (x.kind !== "app" || x.fn.kind !== "ident" || x.args.length !== 1) continue;
      const a = unparen(x.args[0] as Expr);
      const subject = a.kind === "proj" && a.field === "val" ? unparen(a.target) : a;
      if (subject.kind !== "ident") continue;
      const r = this.resolve(x.fn.name, inner);
      const local = inner.locals.get(subject.name);
      if (r?.kind === "registry" && hasConstructiveGenerator(r.name) && local?.ts.k === "id") generatorOf.set(local.ts.name, r.name);
    }
    for (const s of steps) if (s.gl && !generatorOf.has(s.name)) generatorOf.set(s.name, "Sym.IsInvertible");
    let out = this.prop(body, inner);
    for (let i = steps.length - 1; i >= 0; i--) {
      const s = steps[i] as { name: string; type?: Ts; hyp?: Expr };
      if (s.hyp) {
        const h = this.prop(s.hyp, scope);
        out = kind === "forall" ? bin("||", not(h), out) : bin("&&", h, out);
      } else {
        const g = generatorOf.get(s.name);
        out = g
          ? rt(kind, s.type ?? lit(false), arrow([s.name], out), str(g))
          : rt(kind, s.type ?? lit(false), arrow([s.name], out));
      }
    }
    return out;
  }

  private freshName(lean: string, scope: Scope): string {
    const base = jsName(lean);
    const used = new Set([...scope.locals.values()].flatMap((l) => (l.ts.k === "id" ? [l.ts.name] : [])));
    let name = base;
    for (let k = 2; used.has(name); k++) name = `${base}${k}`;
    return name;
  }

  // ---- terms ----

  term(e: Expr, scope: Scope): Ts {
    switch (e.kind) {
      case "paren":
        return this.term(e.expr, scope);
      case "num":
      case "decimal":
        return rt("num", str(e.value));
      case "ident":
        return this.application(e, [], scope, e.range);
      case "app":
        // Named arguments that only fix a type (`(α := α)`) carry no value.
        if (e.named.some((n) => !(n.value.kind === "ident" && scope.scalars.has(n.value.name)))) {
          return this.fail("SYM202", e.range, "named arguments");
        }
        return this.application(e.fn, e.args, scope, e.range);
      case "binary": {
        const m = ARITH[e.op];
        if (m) return rt(m, this.term(e.lhs, scope), this.term(e.rhs, scope));
        // `m :: ws`: a list of widths.
        if (e.op === "::") return rt("widths", { k: "arr", elems: [this.term(e.lhs, scope)] }, this.term(e.rhs, scope));
        if (RELATIONS.has(e.op) || CONNECTIVES.has(e.op)) return this.prop(e, scope);
        return this.fail("SYM202", e.range, `the operator \`${e.op}\``);
      }
      case "unary":
        if (e.op === "-") return rt("neg", this.term(e.arg, scope));
        if (e.op === "↑") return this.term(e.arg, scope);
        if (e.op === "¬") return this.prop(e, scope);
        return this.fail("SYM202", e.range, `the operator \`${e.op}\``);
      case "postfix":
        return e.op === "⁻¹" ? rt("inv", this.term(e.arg, scope)) : rt("transpose", this.term(e.arg, scope));
      case "proj":
        return this.projection(e.target, e.field, scope, e.range);
      case "anon":
      case "tuple":
      case "list":
        return rt("tuple", { k: "arr", elems: e.elems.map((x) => this.term(x, scope)) });
      case "ascription": {
        const spec = typeSpecOf(e.type, this.typeEnv(scope));
        // A size the fragment cannot read (`GL (2 * d) α`): the ascription only fixes the scalar
        // type, and the value computed by the term has its shape already.
        if (!spec && isMatrixLikeType(e.type)) return this.term(e.expr, scope);
        if (!spec) return this.fail("SYM202", e.type.range, `the type ascription \`${printExpr(e.type)}\``);
        // Only shapes the runtime can use (a numeral as a matrix, `1` of a layer group) are kept.
        if (!["mat", "vec", "fin", "layerGroup", "params"].includes(spec.k)) return this.term(e.expr, scope);
        return rt("ascribe", this.term(e.expr, scope), this.typeArgOf(spec, scope));
      }
      case "ite":
        return rt("ite", this.prop(e.cond, scope), arrow([], this.term(e.then, scope)), arrow([], this.term(e.else, scope)));
      case "fun":
        return this.lambda(e.binders, e.body, scope);
      case "forall":
      case "exists":
        return this.prop(e, scope);
      default:
        return this.fail("SYM202", e.range, `the term \`${printExpr(e)}\``);
    }
  }

  /** A scalar type variable or a sort, passed explicitly. */
  private isTypeArgument(a: Expr, scope: Scope): boolean {
    const x = unparen(a);
    return (x.kind === "ident" && scope.scalars.has(x.name) && !scope.locals.has(x.name)) || x.kind === "sort";
  }

  private lambda(binders: Binder[], body: Expr, scope: Scope): Ts {
    const inner: Scope = { ...scope, locals: new Map(scope.locals) };
    const names: string[] = [];
    for (const b of binders) {
      const js = this.freshName(b.name, inner);
      const local: Local = { ts: id(js) };
      const spec = b.type ? typeSpecOf(b.type, this.typeEnv(inner)) : undefined;
      if (spec) local.type = spec;
      inner.locals.set(b.name, local);
      names.push(js);
    }
    const out = this.isProp(body, inner) ? this.prop(body, inner) : this.term(body, inner);
    return rt("lambda", lit(names.length), arrow(names, out));
  }

  private projection(target: Expr, field: string, scope: Scope, range: Range): Ts {
    const t = unparen(target);
    if (t.kind === "ident") {
      const local = scope.locals.get(t.name);
      const ns = local?.type?.k === "mat" ? "Sym.Mat" : local?.type?.k === "vec" ? "Sym.Vec" : undefined;
      if (local && ns && !/^\d+$/.test(field) && field !== "val") {
        const r = this.resolve(`${ns}.${field}`, { ...scope, ns: [] });
        if (r) return this.callResolved(r, [local.ts], range);
      }
    }
    return rt("proj", this.term(target, scope), str(field));
  }

  private application(fn: Expr, args: Expr[], scope: Scope, range: Range): Ts {
    const f = unparen(fn);
    const argTs = (): Ts[] => args.map((a) => (this.isProp(a, scope) ? this.prop(a, scope) : this.term(a, scope)));
    if (f.kind === "ident" && CASTS.has(f.name) && args.length === 1 && !scope.locals.has(f.name)) {
      return this.term(args[0] as Expr, scope);
    }
    if (f.kind === "ident") {
      const local = scope.locals.get(f.name);
      if (local) return args.length === 0 ? local.ts : rt("apply", local.ts, { k: "arr", elems: argTs() });
      if (f.name === "True" || f.name === "False") return lit(f.name === "True");
      const r = this.resolve(f.name, scope);
      // Named as Lean would look it up first: in the statement's namespace.
      if (!r) return this.fail("SYM201", f.range, [...scope.ns, f.name].join("."));
      // Type arguments (`EntrywiseL1Conjecture α`) carry no value.
      const valueArgs = args.filter((a) => !this.isTypeArgument(a, scope));
      return this.callResolved(r, valueArgs.map((a) => (this.isProp(a, scope) ? this.prop(a, scope) : this.term(a, scope))), range);
    }
    if (f.kind === "explicit") return this.fail("SYM202", f.range, "explicit application `@`");
    const head = this.term(f, scope);
    return args.length === 0 ? head : rt("apply", head, { k: "arr", elems: argTs() });
  }

  private callResolved(r: Resolved, args: Ts[], range: Range): Ts {
    if (r.kind === "registry") {
      this.usedEntries.set(r.name, r.entry);
      return rt("call", str(r.name), { k: "arr", elems: args });
    }
    const h = this.helper(r, range);
    if (!h) return lit(false);
    const n = h.params.length;
    if (args.length === n) return call(id(h.js), [id("$"), ...args]);
    if (args.length > n) return rt("apply", call(id(h.js), [id("$"), ...args.slice(0, n)]), { k: "arr", elems: args.slice(n) });
    const missing = Array.from({ length: n - args.length }, (_, i) => `x${i + 1}`);
    return rt("lambda", lit(missing.length), arrow(missing, call(id(h.js), [id("$"), ...args, ...missing.map(id)])));
  }

  /** The explicit parameters, sizes and scalar types of a library definition. */
  signatureScope(d: Declaration, ns: string[]): { scope: Scope; params: string[]; lets: Array<[string, Ts]>; missing?: string } {
    const scope: Scope = { locals: new Map(), ns, scalars: scalarTypeVariables(d.binders, true) };
    const params: string[] = [];
    const implicitNats: string[] = [];
    for (const b of d.binders) {
      if (b.style === "instance") continue;
      if (b.type && isSortType(b.type)) continue;
      const spec = b.type ? typeSpecOf(b.type, this.typeEnv(scope)) : undefined;
      if (b.style !== "explicit") {
        if (spec?.k === "nat") {
          implicitNats.push(b.name);
          scope.locals.set(b.name, { ts: id(jsName(b.name)), type: spec });
        }
        continue;
      }
      const js = this.freshName(b.name, scope);
      const local: Local = { ts: id(js) };
      if (spec) local.type = spec;
      if (b.type && this.isProp(b.type, scope)) local.prop = true;
      scope.locals.set(b.name, local);
      params.push(js);
    }
    const lets: Array<[string, Ts]> = [];
    for (const n of implicitNats) {
      let how: Ts | undefined;
      for (const [name, l] of scope.locals) {
        if (name === n || !l.type) continue;
        if (l.type.k === "mat" && l.type.m === n) how = rt("rows", l.ts);
        else if (l.type.k === "mat" && l.type.n === n) how = rt("cols", l.ts);
        else if (l.type.k === "vec" && l.type.n === n) how = rt("size", l.ts);
        if (how) break;
      }
      if (!how) return { scope, params, lets, missing: n };
      lets.push([jsName(n), how]);
    }
    return { scope, params, lets };
  }

  private helper(r: Extract<Resolved, { kind: "library" }>, range: Range): Helper | undefined {
    const existing = this.helpers.get(r.name);
    if (existing) return existing;
    const d = r.decl.parsed.value;
    if (this.inProgress.has(r.name)) {
      this.fail("SYM202", range, `the recursive definition \`${r.name}\``);
      return undefined;
    }
    if (!d.body) {
      this.fail("SYM201", range, r.name);
      return undefined;
    }
    const ns = r.name.split(".").slice(0, -1);
    const sig = this.signatureScope(d, ns);
    if (sig.missing) {
      this.fail("SYM202", range, `the size \`${sig.missing}\` of \`${r.name}\` cannot be read off its arguments`);
      return undefined;
    }
    this.inProgress.add(r.name);
    const js = `${jsName(r.name.split(".").pop() ?? r.name)}_`;
    const returnsBool = returnsProp(d.type);
    const body = returnsBool ? this.prop(d.body, sig.scope) : this.valueBody(d.body, d.type, sig.scope);
    this.inProgress.delete(r.name);
    let name = js;
    const taken = new Set([...this.helpers.values()].map((h) => h.js));
    for (let k = 2; taken.has(name); k++) name = `${js}${k}`;
    const h: Helper = {
      name: r.name,
      js: name,
      params: sig.params,
      lets: sig.lets,
      body,
      returnsBool,
      source: `${r.decl.file}:${r.decl.line}`,
      lean: `${printExpr(d.type)} := ${printExpr(d.body)}`,
    };
    this.helpers.set(r.name, h);
    return h;
  }

  /** A definition's value; a `fun` whose declared type is a matrix or vector is tabulated. */
  private valueBody(body: Expr, type: Expr, scope: Scope): Ts {
    const spec = typeSpecOf(type, this.typeEnv(scope));
    const b = unparen(body);
    if (spec && b.kind === "fun") {
      const dim = (d: Dim): Ts => (typeof d === "number" ? lit(d) : (scope.locals.get(d)?.ts ?? lit(0)));
      const inner: Scope = { ...scope, locals: new Map(scope.locals) };
      const names = b.binders.map((x) => {
        const js = this.freshName(x.name, inner);
        inner.locals.set(x.name, { ts: id(js), type: { k: "nat" } });
        return js;
      });
      const value = this.term(b.body, inner);
      if (spec.k === "mat" && names.length === 2) return rt("tabulate", dim(spec.m), dim(spec.n), arrow(names, value));
      if (spec.k === "vec" && names.length === 1) return rt("tabulateVec", dim(spec.n), arrow(names, value));
    }
    return this.term(body, scope);
  }
}
