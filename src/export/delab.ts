/**
 * Exported (elaborated, `pp.all`) terms back to the statement fragment's AST, so that the
 * planner reads what Lean elaborated rather than what the source says: every binder with its
 * type (an untyped `∀ i` gets `Fin n`), instance binders, implicit arguments dropped by the
 * constant's own binder information, operators from their `HAdd.hAdd`/`Eq`/… applications,
 * numerals from `OfNat.ofNat`, structure projections as `x.field`. Names are fully qualified.
 *
 * Anything outside that fragment (`match` auxiliaries, `brecOn`, `dite`) is a reason, never a
 * guess: the caller keeps the surface reading of that declaration and says so.
 */
import type { Range } from "../diagnostics/index.js";
import type { Binder as SBinder, BinaryOp, Declaration, Expr, Library, LibraryDeclaration } from "../parser/index.js";
import { parseTerm, telescopeLength, type Binder, type BinderInfo, type Term } from "./term.js";
import type { ExportFile, ExportedDeclaration } from "./types.js";

class Unsupported extends Error {}

const BINARY: Record<string, { op: BinaryOp; arity: number }> = {
  "HAdd.hAdd": { op: "+", arity: 6 },
  "HSub.hSub": { op: "-", arity: 6 },
  "HMul.hMul": { op: "*", arity: 6 },
  "HDiv.hDiv": { op: "/", arity: 6 },
  "HMod.hMod": { op: "%", arity: 6 },
  "HPow.hPow": { op: "^", arity: 6 },
  "HSMul.hSMul": { op: "•", arity: 6 },
  Eq: { op: "=", arity: 3 },
  Ne: { op: "≠", arity: 3 },
  "LE.le": { op: "≤", arity: 4 },
  "LT.lt": { op: "<", arity: 4 },
  "GE.ge": { op: "≥", arity: 4 },
  "GT.gt": { op: ">", arity: 4 },
  And: { op: "∧", arity: 2 },
  Or: { op: "∨", arity: 2 },
  Iff: { op: "↔", arity: 2 },
};

/** Binder information of core constants the export does not carry (`true` = explicit). */
const CORE: Record<string, boolean[]> = {
  "Prod.fst": [false, false, true],
  "Prod.snd": [false, false, true],
  "List.length": [false, true],
  "Nat.cast": [false, false, true],
  "Int.cast": [false, false, true],
  "Fin.castAdd": [false, true, true],
  "Fin.natAdd": [true, false, true],
  "Fin.castSucc": [false, true],
  "Fin.succ": [false, true],
  "Fin.last": [true],
  "Min.min": [false, false, true, true],
  "Max.max": [false, false, true, true],
  Fin: [true],
  List: [true],
  Nat: [],
  Int: [],
  Rat: [],
  Prop: [],
};

/** Structure fields the harness reads as `x.field` (an element of `GL n α` is its matrix). */
const RUNTIME_FIELDS = new Set(["val", "inv"]);

/** Scalar-like types a numeral is written at without an ascription. */
const PLAIN_NUMERAL_TYPES = new Set(["Nat", "Int", "Rat", "Fin"]);

export interface DelabOptions {
  /** The range every produced node gets (the declaration's name in the source). */
  range: Range;
}

export class Delaborator {
  private readonly masks = new Map<string, boolean[] | undefined>();
  constructor(private readonly decls: Readonly<Record<string, ExportedDeclaration>>) {}

  /** Which arguments of constant `name` are explicit, in order (its type's telescope). */
  mask(name: string): boolean[] | undefined {
    if (this.masks.has(name)) return this.masks.get(name);
    let m: boolean[] | undefined = CORE[name];
    const d = this.decls[name];
    if (!m && d) {
      const r = parseTerm(d.type);
      if (r.ok) {
        m = [];
        for (let t = r.value; t.k === "pi"; t = t.body) for (const b of t.binders) m.push(b.info === "default");
      }
    }
    if (!m) {
      // A structure's projection or constructor: parameters implicit; the instance of a class's
      // projection is implicit too, the value of a structure's is explicit, fields of `mk` explicit.
      const dot = name.lastIndexOf(".");
      const owner = this.decls[name.slice(0, dot)];
      const field = name.slice(dot + 1);
      const params = owner && (owner.kind === "structure" || owner.kind === "class") && owner.fields ? telescopeLength(owner.type) : undefined;
      if (owner?.fields && params !== undefined) {
        if (field === "mk") m = [...Array<boolean>(params).fill(false), ...owner.fields.map(() => true)];
        else if (owner.fields.includes(field)) m = [...Array<boolean>(params).fill(false), owner.kind === "structure"];
      }
    }
    this.masks.set(name, m);
    return m;
  }


  /** The parameter count of a structure (its type's telescope) when `name` is a structure type. */
  private structureOf(projection: string): { params: number; field: string } | undefined {
    const dot = projection.lastIndexOf(".");
    const owner = this.decls[projection.slice(0, dot)];
    const field = projection.slice(dot + 1);
    if (!owner || owner.kind !== "structure" || !owner.fields?.includes(field)) return undefined;
    const r = parseTerm(owner.type);
    if (!r.ok) return undefined;
    let params = 0;
    for (let t = r.value; t.k === "pi"; t = t.body) params += t.binders.length;
    return { params, field };
  }

  expr(t: Term, o: DelabOptions, bound: ReadonlySet<string> = new Set()): Expr {
    const range = o.range;
    switch (t.k) {
      case "var":
        return { kind: "ident", name: t.name, range };
      case "nat":
        return { kind: "num", value: String(t.value), range };
      case "str":
        return { kind: "string", value: t.value, range };
      case "sort":
        return { kind: "sort", sort: t.sort === "Sort" ? "Type" : t.sort, range };
      case "proj":
        return { kind: "proj", target: this.expr(t.term, o, bound), field: t.field, range };
      case "let":
        throw new Unsupported("a `let` in an elaborated term");
      case "lam":
        return { kind: "fun", binders: this.binders(t.binders, o, bound), body: this.expr(t.body, o, extend(bound, t.binders)), range };
      case "pi":
        return this.pi(t.binders, t.body, o, bound);
      case "const":
        return this.application(t, [], o, bound);
      case "app": {
        if (t.fn.k === "const") return this.application(t.fn, t.args, o, bound);
        const fn = this.expr(t.fn, o, bound);
        return { kind: "app", fn, args: t.args.map((a) => this.expr(a, o, bound)), named: [], range };
      }
    }
  }

  private pi(binders: Binder[], body: Term, o: DelabOptions, bound: ReadonlySet<string>): Expr {
    const [b, ...rest] = binders;
    const inner: Term = rest.length === 0 ? body : { k: "pi", binders: rest, body, at: body.at };
    if (!b) return this.expr(body, o, bound);
    if ((b.name === "_" || !mentions(inner, b.name)) && b.info === "default") {
      return { kind: "binary", op: "→", lhs: this.expr(b.type, o, bound), rhs: this.expr(inner, o, extend(bound, [b])), range: o.range };
    }
    // Consecutive binders of one `∀`.
    const group: Binder[] = [b];
    let tail = inner;
    while (tail.k === "pi" && tail.binders[0] && !(tail.binders[0].name === "_" && tail.binders[0].info === "default")) {
      const [c, ...more] = tail.binders;
      if (!mentions(more.length === 0 ? tail.body : { k: "pi", binders: more, body: tail.body, at: tail.at }, c!.name) && c!.info === "default") break;
      group.push(c!);
      tail = more.length === 0 ? tail.body : { k: "pi", binders: more, body: tail.body, at: tail.at };
    }
    return { kind: "forall", binders: this.binders(group, o, bound), body: this.expr(tail, o, extend(bound, group)), range: o.range };
  }

  /** Inside an instance binder's type every argument is kept (the planner skips instances). */
  private lenient = false;

  binders(bs: readonly Binder[], o: DelabOptions, bound: ReadonlySet<string>): SBinder[] {
    const out: SBinder[] = [];
    let scope = bound;
    for (const b of bs) {
      const was = this.lenient;
      this.lenient = was || b.info === "instImplicit";
      let type: Expr;
      try {
        type = this.expr(b.type, o, scope);
      } finally {
        this.lenient = was;
      }
      out.push({ kind: "binder", name: b.name, style: styleOf(b.info), type, range: o.range });
      scope = extend(scope, [b]);
    }
    return out;
  }

  private application(c: Extract<Term, { k: "const" }>, args: Term[], o: DelabOptions, bound: ReadonlySet<string>): Expr {
    const range = o.range;
    const e = (x: Term) => this.expr(x, o, bound);
    const name = c.name;
    const bin = BINARY[name];
    if (bin && args.length >= bin.arity) {
      const base: Expr = { kind: "binary", op: bin.op, lhs: e(args[bin.arity - 2]!), rhs: e(args[bin.arity - 1]!), range };
      return this.more(base, args.slice(bin.arity), o, bound);
    }
    if ((name === "Neg.neg" || name === "Inv.inv") && args.length >= 3) {
      const arg = e(args[2]!);
      const base: Expr = name === "Neg.neg" ? { kind: "unary", op: "-", arg, range } : { kind: "postfix", op: "⁻¹", arg, range };
      return this.more(base, args.slice(3), o, bound);
    }
    if (name === "Not" && args.length === 1) return { kind: "unary", op: "¬", arg: e(args[0]!), range };
    if ((name === "True" || name === "False") && args.length === 0) return { kind: "ident", name, range };
    if (name === "Exists" && args.length === 2) {
      const p = args[1]!;
      if (p.k !== "lam" || p.binders.length !== 1) throw new Unsupported("an `Exists` whose predicate is not a `fun`");
      const binders = this.binders(p.binders, o, bound);
      const body = this.expr(p.body, o, extend(bound, p.binders));
      // `∃ x, ∃ y, b` is read as one `∃ x y, b` (as written), so its conjuncts select generators.
      if (body.kind === "exists" && !body.unique) return { kind: "exists", binders: [...binders, ...body.binders], body: body.body, unique: false, range };
      return { kind: "exists", binders, body, unique: false, range };
    }
    if (name === "OfNat.ofNat" && args.length === 3) {
      const lit = args[1]!;
      if (lit.k !== "nat") throw new Unsupported("a numeral that is not a literal");
      const num: Expr = { kind: "num", value: String(lit.value), range };
      const ty = args[0]!;
      const head = headName(ty);
      if (ty.k === "var" || (head && PLAIN_NUMERAL_TYPES.has(head))) return num;
      return { kind: "paren", expr: { kind: "ascription", expr: num, type: e(ty), range }, range };
    }
    if (name === "ite" && args.length >= 5) {
      const base: Expr = { kind: "ite", cond: e(args[1]!), then: e(args[3]!), else: e(args[4]!), range };
      return this.more(base, args.slice(5), o, bound);
    }
    if (name === "List.nil" && args.length === 1) return { kind: "list", elems: [], range };
    if (name === "List.cons" && args.length === 3) {
      const tail = e(args[2]!);
      const head = e(args[1]!);
      if (tail.kind === "list") return { kind: "list", elems: [head, ...tail.elems], range };
      return { kind: "binary", op: "::", lhs: head, rhs: tail, range };
    }
    if (name === "Prod.mk" && args.length === 4) return { kind: "tuple", elems: [e(args[2]!), e(args[3]!)], range };
    if (name === "Membership.mem" && args.length === 5) return { kind: "binary", op: "∈", lhs: e(args[4]!), rhs: e(args[3]!), range };
    if ((name === "Prod.fst" || name === "Prod.snd") && args.length >= 3) {
      return this.more({ kind: "proj", target: e(args[2]!), field: name === "Prod.fst" ? "1" : "2", range }, args.slice(3), o, bound);
    }
    if ((name === "Min.min" || name === "Max.max") && args.length >= 4) {
      return this.more({ kind: "app", fn: { kind: "ident", name: name === "Min.min" ? "min" : "max", range }, args: [e(args[2]!), e(args[3]!)], named: [], range }, args.slice(4), o, bound);
    }
    // The library's notation: `Aᵀ`.
    if (name === "Sym.Mat.transpose" && args.length >= 4) return this.more({ kind: "postfix", op: "ᵀ", arg: e(args[3]!), range }, args.slice(4), o, bound);
    if (name === "Fin.val" && args.length >= 2) return this.more({ kind: "proj", target: e(args[1]!), field: "val", range }, args.slice(2), o, bound);
    // A projection of a library structure: `K.val`, `p.toFun i`.
    const s = this.structureOf(name);
    if (s && RUNTIME_FIELDS.has(s.field) && args.length > s.params) {
      return this.more({ kind: "proj", target: e(args[s.params]!), field: s.field, range }, args.slice(s.params + 1), o, bound);
    }
    const ident: Expr = { kind: "ident", name, range };
    if (!c.explicit) return args.length === 0 ? ident : { kind: "app", fn: ident, args: args.map(e), named: [], range };
    const mask = this.mask(name) ?? (this.lenient ? args.map(() => true) : undefined);
    if (!mask) throw new Unsupported(`the binders of \`${name}\` are not known`);
    const kept: Expr[] = [];
    args.forEach((a, k) => {
      if (k >= mask.length || mask[k]) kept.push(e(a));
    });
    return kept.length === 0 ? ident : { kind: "app", fn: ident, args: kept, named: [], range };
  }

  private more(base: Expr, rest: Term[], o: DelabOptions, bound: ReadonlySet<string>): Expr {
    if (rest.length === 0) return base;
    return { kind: "app", fn: { kind: "paren", expr: base, range: o.range }, args: rest.map((a) => this.expr(a, o, bound)), named: [], range: o.range };
  }
}

function styleOf(info: BinderInfo): SBinder["style"] {
  return info === "default" ? "explicit" : info === "instImplicit" ? "instance" : info === "strictImplicit" ? "strictImplicit" : "implicit";
}

function extend(s: ReadonlySet<string>, bs: readonly Binder[]): ReadonlySet<string> {
  const n = new Set(s);
  for (const b of bs) n.add(b.name);
  return n;
}

function headName(t: Term): string | undefined {
  while (t.k === "app") t = t.fn;
  return t.k === "const" ? t.name : undefined;
}

/** Whether `name` occurs free in `t`. */
export function mentions(t: Term, name: string): boolean {
  switch (t.k) {
    case "var":
      return t.name === name;
    case "app":
      return mentions(t.fn, name) || t.args.some((a) => mentions(a, name));
    case "lam":
    case "pi": {
      for (const b of t.binders) {
        if (mentions(b.type, name)) return true;
        if (b.name === name) return false;
      }
      return mentions(t.body, name);
    }
    case "let":
      return mentions(t.value, name) || (t.type !== undefined && mentions(t.type, name)) || (t.name !== name && mentions(t.body, name));
    case "proj":
      return mentions(t.term, name);
    default:
      return false;
  }
}

/** The leading `∀` binders of a type, flattened, and what follows them. */
function telescope(t: Term): { binders: Binder[]; rest: Term } {
  const binders: Binder[] = [];
  while (t.k === "pi") {
    binders.push(...t.binders);
    t = t.body;
  }
  return { binders, rest: t };
}

/** The elaborated form of one surface declaration, or why there is none. */
export function elaborateDeclaration(dz: Delaborator, d: LibraryDeclaration, e: ExportedDeclaration): { ok: true; value: Declaration } | { ok: false; reason: string } {
  if (!d.parsed.ok) return { ok: false, reason: "the source declaration does not parse" };
  const surface = d.parsed.value;
  const o: DelabOptions = { range: surface.nameRange };
  try {
    if (surface.keyword === "structure") return { ok: false, reason: "a structure (its fields are read from the source)" };
    const ty = parseTerm(e.type, `out/export.json#${e.name}`);
    if (!ty.ok) return { ok: false, reason: ty.diagnostics[0]!.message };
    const tele = telescope(ty.value);
    if (surface.keyword === "theorem" || surface.keyword === "lemma") {
      // Lean prints a hypothesis nothing depends on as an arrow, without its name: the source's
      // binders are the last ones before the statement's own, so they give the names back.
      const s = surface.binders.length;
      const t = surfaceTelescope(surface.type);
      const first = tele.binders.length - t - s;
      if (first >= 0) {
        surface.binders.forEach((sb, i) => {
          const b = tele.binders[first + i]!;
          if (b.name === "_" && sb.name !== "_" && !tele.binders.some((x) => x.name === sb.name)) tele.binders[first + i] = { ...b, name: sb.name };
        });
      }
      // Leading named binders are the declaration's parameters; the first hypothesis that the
      // rest does not mention (an arrow) starts the statement proper.
      const params: Binder[] = [];
      const end = first >= 0 ? first + s : tele.binders.length;
      let k = 0;
      for (; k < end; k++) {
        const b = tele.binders[k]!;
        if (b.name === "_" && b.info === "default") break;
        params.push(b);
      }
      const restTerm: Term = k < tele.binders.length ? { k: "pi", binders: tele.binders.slice(k), body: tele.rest, at: tele.rest.at } : tele.rest;
      const binders = dz.binders(params, o, new Set());
      const type = dz.expr(restTerm, o, new Set(params.map((b) => b.name)));
      return { ok: true, value: { ...surface, binders, type, body: undefined } as Declaration };
    }
    // A definition: the type's telescope fixes how many `fun` binders are parameters.
    if (e.value === undefined) return { ok: false, reason: "no exported body" };
    const val = parseTerm(e.value, `out/export.json#${e.name}`);
    if (!val.ok) return { ok: false, reason: val.diagnostics[0]!.message };
    const lams: Binder[] = [];
    let body = val.value;
    while (body.k === "lam") {
      lams.push(...body.binders);
      body = body.body;
    }
    const n = tele.binders.length;
    if (lams.length < n) return { ok: false, reason: "the body takes fewer arguments than the type (eta-reduced)" };
    const params = lams.slice(0, n);
    const extra = lams.slice(n);
    const names = new Set(params.map((b) => b.name));
    const binders = dz.binders(params, o, new Set());
    // The result type is stated over the type's own binder names: rename to the body's.
    const rename = new Map(tele.binders.map((b, i) => [b.name, params[i]!.name] as const));
    const type = dz.expr(renameVars(tele.rest, rename), o, names);
    const bodyTerm: Term = extra.length > 0 ? { k: "lam", binders: extra, body, at: body.at } : body;
    const out = dz.expr(bodyTerm, o, names);
    return { ok: true, value: { ...surface, binders, type, body: out } as Declaration };
  } catch (err) {
    if (err instanceof Unsupported) return { ok: false, reason: err.message };
    throw err;
  }
}

/** How many binders the source's statement has before its conclusion (`∀` binders and arrows). */
function surfaceTelescope(e: Expr): number {
  let n = 0;
  for (;;) {
    if (e.kind === "paren") e = e.expr;
    else if (e.kind === "forall") {
      n += e.binders.length;
      e = e.body;
    } else if (e.kind === "binary" && e.op === "→") {
      n++;
      e = e.rhs;
    } else return n;
  }
}

function renameVars(t: Term, m: ReadonlyMap<string, string>): Term {
  if (m.size === 0) return t;
  switch (t.k) {
    case "var":
      return m.has(t.name) ? { ...t, name: m.get(t.name)! } : t;
    case "app":
      return { ...t, fn: renameVars(t.fn, m), args: t.args.map((a) => renameVars(a, m)) };
    case "lam":
    case "pi": {
      const inner = new Map(m);
      const binders = t.binders.map((b) => {
        const nb = { ...b, type: renameVars(b.type, inner) };
        inner.delete(b.name);
        return nb;
      });
      return { ...t, binders, body: renameVars(t.body, inner) };
    }
    case "proj":
      return { ...t, term: renameVars(t.term, m) };
    default:
      return t;
  }
}

export interface ElaboratedLibrary {
  library: Library;
  /** Declarations read from the export, and those kept in their surface reading (with why). */
  fromExport: string[];
  surface: { name: string; reason: string }[];
}

/**
 * The library with every declaration the export covers replaced by its elaborated reading
 * (positions, docstrings and claim ids stay those of the source).
 */
export function elaborateLibrary(lib: Library, exp: ExportFile): ElaboratedLibrary {
  const dz = new Delaborator(exp.declarations);
  const fromExport: string[] = [];
  const surface: ElaboratedLibrary["surface"] = [];
  const map = (d: LibraryDeclaration): LibraryDeclaration => {
    const e = exp.declarations[d.name];
    if (!e) {
      surface.push({ name: d.name, reason: "not exported" });
      return d;
    }
    const r = elaborateDeclaration(dz, d, e);
    if (!r.ok) {
      surface.push({ name: d.name, reason: r.reason });
      return d;
    }
    fromExport.push(d.name);
    return { ...d, parsed: { ok: true, value: r.value } };
  };
  const declarations = lib.declarations.map(map);
  const byName = new Map(declarations.map((d) => [d.name, d] as const));
  return { library: { ...lib, declarations, byName }, fromExport, surface };
}

/**
 * The library the numeric stage plans from: `lib` read through `exp` (Lean's elaborated terms)
 * wherever the export covers a declaration. Without an export, `lib` itself.
 */
export function libraryWithExport(lib: Library, exp: ExportFile | undefined): Library {
  return exp ? elaborateLibrary(lib, exp).library : lib;
}
