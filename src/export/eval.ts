/**
 * An evaluator of exported (elaborated, `pp.all`) terms. A library definition gets its meaning
 * from its Lean body; only primitives are written here by hand: the operations of the
 * `Lean.Grind` classes on the field's scalars (with Lean's `x / 0 = 0` and `0⁻¹ = 0`), `Nat`
 * (truncated subtraction), `Int` and `Fin` arithmetic, `ite`/`dite` deciding the proposition on
 * the runtime values, the logical connectives, equality (by enumeration on finite domains), and
 * the library's recursions (`Sym.finSum`, `Sym.finMax`), which Lean prints as `brecOn` terms.
 *
 * Runtime values: scalars are the field's own values, `Nat`/`Int`/`Fin` are JavaScript numbers,
 * functions are curried JavaScript closures, propositions are booleans (a `∀`/`→` is a `PiType`
 * until it is decided), types are `TypeValue`s, class instances are dictionaries of methods, and
 * structures are `{ ctor, fields }`.
 */
import type { Context } from "../semantics/context.js";
import { parseTerm, telescopeLength, type Term } from "./term.js";
import type { ExportedDeclaration } from "./types.js";

export type LV = unknown;

export type TypeValue =
  | { tv: "scalar" }
  | { tv: "nat" }
  | { tv: "int" }
  | { tv: "prop" }
  | { tv: "sort" }
  | { tv: "fin"; n: number }
  | { tv: "prod"; a: TypeValue; b: TypeValue }
  | { tv: "pi"; dom: LV; cod: (x: LV) => LV }
  | { tv: "opaque"; name: string };

export interface Struct {
  ctor: string;
  fields: LV[];
}

/** A class instance: its methods by name (`mul`, `hMul`, `ofNat`, `lt`, …). */
export interface Dict {
  dict: Record<string, LV>;
}

export class EvalError extends Error {}

type Fn = (x: LV) => LV;

/** A linked environment of a compiled term: the innermost binder's value first. */
type Frame = { v: LV; up: Frame } | null;
export type Code = (env: Frame) => LV;

/** The variables of `t` bound outside it. */
function freeVars(t: Term, bound: ReadonlySet<string> = new Set(), out: Set<string> = new Set()): Set<string> {
  switch (t.k) {
    case "var":
      if (!bound.has(t.name)) out.add(t.name);
      break;
    case "app":
      freeVars(t.fn, bound, out);
      for (const a of t.args) freeVars(a, bound, out);
      break;
    case "lam":
    case "pi": {
      const inner = new Set(bound);
      for (const b of t.binders) {
        freeVars(b.type, inner, out);
        inner.add(b.name);
      }
      freeVars(t.body, inner, out);
      break;
    }
    case "let":
      freeVars(t.value, bound, out);
      freeVars(t.body, new Set(bound).add(t.name), out);
      break;
    case "proj":
      freeVars(t.term, bound, out);
      break;
    default:
      break;
  }
  return out;
}

/** Whether `t` has no variables (bound inside it or not: then it is evaluated once). */
function closed(t: Term, bound: ReadonlySet<string> = new Set()): boolean {
  switch (t.k) {
    case "var":
      return bound.has(t.name);
    case "app":
      return closed(t.fn, bound) && t.args.every((a) => closed(a, bound));
    case "lam":
    case "pi": {
      const inner = new Set(bound);
      for (const b of t.binders) {
        if (!closed(b.type, inner)) return false;
        inner.add(b.name);
      }
      return closed(t.body, inner);
    }
    case "let":
      return closed(t.value, bound) && closed(t.body, new Set(bound).add(t.name));
    case "proj":
      return closed(t.term, bound);
    default:
      return true;
  }
}

/**
 * The codomain of a `∀` type value: its body under the frame `e`. (Performance: made here, not as
 * an object literal's property, which tsx's `keepNames` renames on every creation.)
 */
function codomain(body: Code, e: Frame): (x: LV) => LV {
  return (x: LV) => body({ v: x, up: e });
}

/**
 * The index of a structure's field that the projection `field` reads: the field itself, or a
 * parent projection `toMul` of a class that extends a one-field class (`Sym.Group extends Mul G,
 * One G, Inv G`: Lean prints its fields flattened, `mul`, `one`, `inv`, and `Group.mk` takes the
 * parent instances `toMul`, `toOne`, `toInv` in their place). -1 when it is neither.
 */
export function fieldIndex(fields: readonly string[], field: string): number {
  const k = fields.indexOf(field);
  if (k >= 0) return k;
  const parent = /^to([A-Z]\w*)$/.exec(field)?.[1];
  return parent ? fields.indexOf(parent[0]!.toLowerCase() + parent.slice(1)) : -1;
}

/** The owner of the frames of a term evaluated in the empty environment. */
const ROOT_FRAME = {};

/**
 * The frame of a type or instance binder, kept for reuse (see `staticFrame` in `compileNode2`).
 * Its own class marks the owners under which frames are reused: a value binder's frame is made
 * afresh by every application.
 */
class StaticFrame {
  constructor(
    readonly v: LV,
    readonly up: Frame,
  ) {}
}
/** The key of every `{ tv: "scalar" }` (they are all the same type). */
const SCALAR_TYPE = { tv: "scalar" };

/** A proof: carries nothing, and stays a proof when applied. */
export const PROOF: LV = function proof(): LV {
  return PROOF;
};

function isType(v: LV): v is TypeValue {
  return typeof v === "object" && v !== null && "tv" in v;
}
function isDict(v: LV): v is Dict {
  return typeof v === "object" && v !== null && "dict" in v;
}
function isStruct(v: LV): v is Struct {
  return typeof v === "object" && v !== null && "ctor" in v && "fields" in v;
}

/**
 * A curried primitive: collects `n` arguments, then calls `f`. Up to 4 arguments are collected by
 * nested closures (no intermediate arrays: primitives are applied once per scalar operation).
 */
function prim(n: number, f: (a: LV[]) => LV): LV {
  switch (n) {
    case 0:
      return f([]);
    case 1:
      return (a: LV) => f([a]);
    case 2:
      return (a: LV) => (b: LV) => f([a, b]);
    case 3:
      return (a: LV) => (b: LV) => (c: LV) => f([a, b, c]);
    case 4:
      return (a: LV) => (b: LV) => (c: LV) => (d: LV) => f([a, b, c, d]);
    case 5:
      return (a: LV) => (b: LV) => (c: LV) => (d: LV) => (g: LV) => f([a, b, c, d, g]);
    default: {
      const go = (got: LV[]): LV => (got.length === n ? f(got) : (x: LV) => go([...got, x]));
      return go([]);
    }
  }
}

function apply(f: LV, x: LV): LV {
  if (typeof f !== "function") throw new EvalError(`applied a value that is not a function (${describe(f)})`);
  return (f as Fn)(x);
}

function describe(v: LV): string {
  if (isType(v)) return `the type ${v.tv}`;
  if (isDict(v)) return `an instance with ${Object.keys(v.dict).join(", ")}`;
  if (isStruct(v)) return `a ${v.ctor}`;
  return typeof v;
}

function dict(v: LV, method: string): LV {
  if (!isDict(v) || !(method in v.dict)) throw new EvalError(`no method \`${method}\` in ${describe(v)}`);
  return v.dict[method];
}

/** Elements of a finite type, or undefined for an infinite one. */
function elements(t: LV): LV[] | undefined {
  if (!isType(t)) return undefined;
  if (t.tv === "fin") return Array.from({ length: t.n }, (_, i) => i);
  if (t.tv === "prod") {
    const a = elements(t.a);
    const b = elements(t.b);
    if (!a || !b) return undefined;
    return a.flatMap((x) => b.map((y) => ({ ctor: "Prod.mk", fields: [x, y] })));
  }
  return undefined;
}

/** `Decidable` instances: every primitive that takes one ignores it. */
const DECIDABLE_INSTANCES: ReadonlySet<string> = new Set(["instDecidableEqFin", "instDecidableEqNat", "Classical.propDecidable", "Nat.decLt", "Nat.decLe", "Nat.decEq", "instDecidableAnd", "instDecidableNot", "instDecidableOr", "Int.decEq", "Int.decLt"]);
/** Primitives with a lazy compiled form ({@link Evaluator.compileLazy}). */
const LAZY_FORMS: readonly string[] = ["ite", "dite", "And", "Or", ...DECIDABLE_INSTANCES];

export class Evaluator<T> {
  private readonly globals = new Map<string, LV>();
  private readonly prims: Map<string, LV>;
  /** Constants evaluated through their Lean body, and those given by a primitive. */
  readonly derived = new Set<string>();
  readonly primitiveUses = new Set<string>();
  /** The field dictionary an instance binder of `α` is given. */
  readonly field: Dict;

  constructor(
    readonly ctx: Context<T>,
    private readonly decls: Readonly<Record<string, ExportedDeclaration>>,
    /** Extra primitives (hand-written meanings), by constant name; they win over Lean bodies. */
    extra: ReadonlyMap<string, LV> = new Map(),
  ) {
    this.field = this.fieldDict();
    const base = this.primitives();
    this.prims = new Map([...base, ...extra]);
    for (const name of LAZY_FORMS) if (base.has(name) && this.prims.get(name) === base.get(name)) this.lazyForms.add(name);
  }

  /** Primitives compiled in a lazy form (see {@link compileLazy}): those not replaced by `extra`. */
  private readonly lazyForms = new Set<string>();

  private fieldDict(): Dict {
    const F = this.ctx.F;
    const s = (x: LV): T => {
      if (F.isScalar(x)) return x;
      if (typeof x === "number") return F.fromInt(x);
      throw new EvalError(`expected a scalar, found ${describe(x)}`);
    };
    // The scalar operations are curried closures (no argument arrays): they run once per
    // arithmetic operation of an evaluated body.
    const d: Record<string, LV> = {
      add: (a: LV) => (b: LV) => F.add(s(a), s(b)),
      mul: (a: LV) => (b: LV) => F.mul(s(a), s(b)),
      sub: (a: LV) => (b: LV) => F.sub(s(a), s(b)),
      neg: (a: LV) => F.neg(s(a)),
      // Lean's fields: x / 0 = 0 and 0⁻¹ = 0.
      inv: (a: LV) => (F.isExactZero(s(a)) ? F.zero : F.inv(s(a))),
      div: (a: LV) => (b: LV) => (F.isExactZero(s(b)) ? F.zero : F.div(s(a), s(b))),
      zero: F.zero,
      one: F.one,
      ofNat: (n: LV) => F.fromInt(n as number),
      natCast: (n: LV) => F.fromInt(n as number),
      intCast: (n: LV) => F.fromInt(n as number),
      npow: prim(2, ([k, a]) => F.pow(s(a), k as number)),
      pow: prim(2, ([a, k]) => F.pow(s(a), k as number)),
      lt: (a: LV) => (b: LV) => F.lt(s(a), s(b)),
      le: (a: LV) => (b: LV) => F.le(s(a), s(b)),
    };
    return { dict: d };
  }

  private primitives(): Map<string, LV> {
    const F = this.ctx.F;
    const P = new Map<string, LV>();
    const def = (name: string, v: LV) => P.set(name, v);
    const self = (n: number) => prim(n, (a) => a[n - 1]);
    // The Lean.Grind hierarchy: every parent projection of the field dictionary is the dictionary.
    for (const c of ["Field.toCommRing", "Field.toDiv", "Field.toInv", "CommRing.toCommSemiring", "CommRing.toRing", "CommSemiring.toSemiring", "Semiring.toNatModule", "NatModule.toAddCommMonoid", "AddCommMonoid.toZero", "Semiring.toMul", "Semiring.toAdd", "Ring.toNeg", "Ring.toSub", "Ring.toIntModule", "Ring.toSemiring", "Field.toDivisionRing", "DivisionRing.toRing", "Semiring.toOne", "Semiring.toNatCast", "Ring.toIntCast", "Semiring.toHPow", "OrderedRing.toLT"]) {
      def(`Lean.Grind.${c}`, self(2));
    }
    def("Lean.Grind.Semiring.ofNat", prim(3, ([, d, n]) => ({ dict: { ofNat: (dict(d, "ofNat") as Fn)(n) } })));
    def("Lean.Grind.Ring.intCast", prim(2, ([, d]) => ({ dict: { intCast: dict(d, "intCast") } })));
    def("Lean.Grind.instCommRingInt", this.intDict());
    // Heterogeneous operators and their default instances.
    for (const [op, method] of [["HAdd.hAdd", "hAdd"], ["HMul.hMul", "hMul"], ["HSub.hSub", "hSub"], ["HDiv.hDiv", "hDiv"], ["HPow.hPow", "hPow"]] as const) {
      def(op, prim(4, ([, , , inst]) => dict(inst, method)));
    }
    for (const [inst, method, base] of [["instHAdd", "hAdd", "add"], ["instHMul", "hMul", "mul"], ["instHSub", "hSub", "sub"], ["instHDiv", "hDiv", "div"], ["instHPow", "hPow", "pow"]] as const) {
      def(inst, prim(2, ([, d]) => ({ dict: { [method]: dict(d, base) } })));
    }
    for (const [mk, method] of [["HAdd.mk", "hAdd"], ["HMul.mk", "hMul"], ["HSub.mk", "hSub"], ["HDiv.mk", "hDiv"], ["Add.mk", "add"], ["Mul.mk", "mul"], ["Sub.mk", "sub"], ["Div.mk", "div"], ["Neg.mk", "neg"], ["Inv.mk", "inv"], ["One.mk", "one"], ["Zero.mk", "zero"], ["LT.mk", "lt"], ["LE.mk", "le"]] as const) {
      const arity = mk.startsWith("H") ? 4 : 2;
      def(mk, prim(arity, (a) => ({ dict: { [method]: a[arity - 1] } })));
    }
    for (const [op, method] of [["Neg.neg", "neg"], ["Inv.inv", "inv"], ["Add.add", "add"], ["Mul.mul", "mul"], ["Sub.sub", "sub"], ["Div.div", "div"]] as const) {
      def(op, prim(2, ([, inst]) => dict(inst, method)));
    }
    def("Monoid.npow", prim(2, ([, inst]) => dict(inst, "npow")));
    def("instPowNat", prim(2, ([, d]) => ({ dict: { pow: dict(d, "pow") } })));
    def("OfNat.ofNat", prim(3, ([, , inst]) => dict(inst, "ofNat")));
    def("Zero.toOfNat0", prim(2, ([, d]) => ({ dict: { ofNat: dict(d, "zero") } })));
    def("One.toOfNat1", prim(2, ([, d]) => ({ dict: { ofNat: dict(d, "one") } })));
    def("Zero.zero", prim(2, ([, d]) => dict(d, "zero")));
    def("One.one", prim(2, ([, d]) => dict(d, "one")));
    def("instOfNatNat", prim(1, ([n]) => ({ dict: { ofNat: n } })));
    def("instOfNat", prim(1, ([n]) => ({ dict: { ofNat: n } })));
    def("Int.instOfNat", prim(1, ([n]) => ({ dict: { ofNat: n } })));
    def("Fin.instOfNat", prim(3, ([n, , i]) => ({ dict: { ofNat: (i as number) % (n as number) } })));
    // Nat, Int and Fin arithmetic (Lean's: truncated subtraction, x / 0 = 0).
    const nat = (x: LV) => x as number;
    const natDict = {
      add: prim(2, ([a, b]) => nat(a) + nat(b)),
      mul: prim(2, ([a, b]) => nat(a) * nat(b)),
      sub: prim(2, ([a, b]) => Math.max(0, nat(a) - nat(b))),
      div: prim(2, ([a, b]) => (nat(b) === 0 ? 0 : Math.floor(nat(a) / nat(b)))),
      mod: prim(2, ([a, b]) => (nat(b) === 0 ? nat(a) : nat(a) % nat(b))),
      pow: prim(2, ([a, b]) => nat(a) ** nat(b)),
      lt: prim(2, ([a, b]) => nat(a) < nat(b)),
      le: prim(2, ([a, b]) => nat(a) <= nat(b)),
    };
    for (const [k, m] of [["instAddNat", "add"], ["instMulNat", "mul"], ["instSubNat", "sub"], ["Nat.instDiv", "div"], ["Nat.instMod", "mod"], ["instLTNat", "lt"], ["instLENat", "le"]] as const) def(k, { dict: { [m]: natDict[m] } });
    def("instPowNat", { dict: { pow: natDict.pow } });
    def("instNatPowNat", { dict: { pow: natDict.pow } });
    def("Nat.add", natDict.add);
    def("Nat.sub", natDict.sub);
    def("Nat.mul", natDict.mul);
    def("Nat.succ", (n: LV) => nat(n) + 1);
    def("Nat.zero", 0);
    def("Nat.lt", natDict.lt);
    def("Nat.le", natDict.le);
    def("Min.min", prim(3, ([, inst]) => dict(inst, "min")));
    def("instMinNat", { dict: { min: prim(2, ([a, b]) => Math.min(nat(a), nat(b))) } });
    def("Nat.instMin", { dict: { min: prim(2, ([a, b]) => Math.min(nat(a), nat(b))) } });
    const int = this.intDict().dict;
    for (const [k, m] of [["Int.instAdd", "add"], ["Int.instMul", "mul"], ["Int.instSub", "sub"], ["Int.instNegInt", "neg"], ["Int.instLTInt", "lt"], ["Int.instLEInt", "le"]] as const) def(k, { dict: { [m]: int[m] } });
    def("Int.cast", prim(3, ([, inst, n]) => apply(dict(inst, "intCast"), n)));
    def("Nat.cast", prim(3, ([, inst, n]) => apply(dict(inst, "natCast"), n)));
    def("Int.ofNat", (n: LV) => n);
    def("Fin.val", prim(2, ([, i]) => i));
    def("Fin.mk", prim(3, ([, v]) => v));
    def("Fin.succ", prim(2, ([, i]) => nat(i) + 1));
    def("Fin.castSucc", prim(2, ([, i]) => i));
    def("Fin.castAdd", prim(3, ([, , i]) => i));
    def("Fin.natAdd", prim(3, ([n, , i]) => nat(n) + nat(i)));
    def("Fin.last", (n: LV) => n);
    def("Fin.addCases", prim(6, ([m, , , left, right, i]) => (nat(i) < nat(m) ? apply(left, i) : apply(right, nat(i) - nat(m)))));
    // Types.
    def("Nat", { tv: "nat" });
    def("Int", { tv: "int" });
    def("Fin", (n: LV) => ({ tv: "fin", n: nat(n) }));
    def("Prod", prim(2, ([a, b]) => ({ tv: "prod", a, b })));
    def("Prod.mk", prim(4, ([, , a, b]) => ({ ctor: "Prod.mk", fields: [a, b] })));
    def("Prod.fst", prim(3, ([, , p]) => (p as Struct).fields[0]));
    def("Prod.snd", prim(3, ([, , p]) => (p as Struct).fields[1]));
    def("PUnit", () => ({ tv: "opaque", name: "PUnit" }));
    def("PUnit.unit", () => ({ ctor: "PUnit.unit", fields: [] }));
    def("Unit", { tv: "opaque", name: "Unit" });
    def("Unit.unit", { ctor: "PUnit.unit", fields: [] });
    // Propositions, decided on the runtime values.
    def("True", true);
    def("False", false);
    def("Not", (p: LV) => !this.decide(p));
    def("And", prim(2, ([p, q]) => this.decide(p) && this.decide(q)));
    def("Or", prim(2, ([p, q]) => this.decide(p) || this.decide(q)));
    def("Iff", prim(2, ([p, q]) => this.decide(p) === this.decide(q)));
    def("Eq", prim(3, ([t, a, b]) => this.equal(t, a, b)));
    def("Ne", prim(3, ([t, a, b]) => !this.equal(t, a, b)));
    def("LT.lt", prim(4, ([, inst, a, b]) => apply(apply(dict(inst, "lt"), a), b)));
    def("LE.le", prim(4, ([, inst, a, b]) => apply(apply(dict(inst, "le"), a), b)));
    def("GT.gt", prim(4, ([, inst, a, b]) => apply(apply(dict(inst, "lt"), b), a)));
    def("GE.ge", prim(4, ([, inst, a, b]) => apply(apply(dict(inst, "le"), b), a)));
    def("Exists", prim(2, ([t, p]) => {
      const xs = elements(t);
      if (!xs) throw new EvalError("an ∃ over an infinite type cannot be decided");
      return xs.some((x) => this.decide(apply(p, x)));
    }));
    def("ite", prim(5, ([, c, , a, b]) => (this.decide(c) ? a : b)));
    def("dite", prim(5, ([, c, , a, b]) => (this.decide(c) ? apply(a, undefined) : apply(b, undefined))));
    def("Decidable.decide", prim(2, ([p]) => this.decide(p)));
    for (const d of DECIDABLE_INSTANCES) def(d, () => prim(8, () => undefined));
    // The library's recursions (Lean prints them as `brecOn` terms): sums and maxima over Fin n.
    def("Sym.finSum", prim(4, ([, d, n, f]) => {
      let acc = dict(d, "zero");
      const add = dict(d, "add");
      for (let i = nat(n) - 1; i >= 0; i--) acc = apply(apply(add, apply(f, i)), acc);
      return acc;
    }));
    // `finMax 0 f = 0`, `finMax (n + 1) f = maxOf (f 0) (finMax n (f ∘ succ))`, with
    // `maxOf a b = if a ≤ b then b else a` decided by the `LE` instance it is given.
    def("Sym.finMax", prim(5, ([, d, le, n, f]) => {
      let acc = dict(d, "zero");
      const leq = dict(le, "le");
      for (let i = nat(n) - 1; i >= 0; i--) {
        const x = apply(f, i);
        acc = this.decide(apply(apply(leq, x), acc)) ? acc : x;
      }
      return acc;
    }));
    return P;
  }

  private intDict(): Dict {
    const i = (x: LV) => x as number;
    return {
      dict: {
        add: prim(2, ([a, b]) => i(a) + i(b)),
        mul: prim(2, ([a, b]) => i(a) * i(b)),
        sub: prim(2, ([a, b]) => i(a) - i(b)),
        neg: (a: LV) => -i(a),
        lt: prim(2, ([a, b]) => i(a) < i(b)),
        le: prim(2, ([a, b]) => i(a) <= i(b)),
        zero: 0,
        one: 1,
        ofNat: (n: LV) => n,
        intCast: (n: LV) => n,
        natCast: (n: LV) => n,
      },
    };
  }

  /** Whether `name` has a hand-written meaning here (a primitive), rather than its Lean body. */
  isPrimitive(name: string): boolean {
    return this.prims.has(name);
  }

  /** The truth of a proposition value. */
  decide(p: LV): boolean {
    if (typeof p === "boolean") return p;
    if (isType(p) && p.tv === "pi") {
      if (typeof p.dom === "boolean") return !p.dom || this.decide(p.cod(undefined));
      const xs = elements(p.dom);
      if (!xs) throw new EvalError("a ∀ over an infinite type cannot be decided");
      return xs.every((x) => this.decide(p.cod(x)));
    }
    throw new EvalError(`expected a proposition, found ${describe(p)}`);
  }

  /** Equality at a type: scalars by the field's equality, functions on a finite domain pointwise. */
  equal(t: LV, a: LV, b: LV): boolean {
    const F = this.ctx.F;
    if (isType(t)) {
      if (t.tv === "scalar") return F.eq(a as T, b as T);
      if (t.tv === "pi") {
        const xs = elements(t.dom);
        if (!xs) throw new EvalError("equality of functions on an infinite domain cannot be decided");
        return xs.every((x) => this.equal(t.cod(x), apply(a, x), apply(b, x)));
      }
      if (t.tv === "prop") return this.decide(a) === this.decide(b);
    }
    return this.structuralEq(a, b);
  }

  private structuralEq(a: LV, b: LV): boolean {
    const F = this.ctx.F;
    if (F.isScalar(a) && F.isScalar(b)) return F.eq(a, b);
    if (typeof a === "number" || typeof a === "boolean" || typeof a === "string") return a === b;
    if (isStruct(a) && isStruct(b)) return a.ctor === b.ctor && a.fields.every((x, k) => this.structuralEq(x, b.fields[k]));
    throw new EvalError(`cannot compare ${describe(a)} and ${describe(b)} without their type`);
  }

  /** The value of a constant: a primitive, or its exported Lean body. */
  constant(name: string): LV {
    const p = this.prims.get(name);
    if (p !== undefined) {
      this.primitiveUses.add(name);
      return p;
    }
    const g = this.globals.get(name);
    if (g !== undefined) return g;
    const d = this.decls[name];
    // Proofs carry no runtime information.
    if (/\._proof_\d+$/.test(name) || d?.kind === "theorem") return PROOF;
    const proj = this.projection(name);
    if (proj !== undefined) {
      this.globals.set(name, proj);
      return proj;
    }
    if (d && (d.kind === "structure" || d.kind === "class")) {
      // A structure or class as a type: opaque (its values are built by `mk` and read by projections).
      const v = prim(telescopeLength(d.type) ?? 0, () => ({ tv: "opaque", name }));
      this.globals.set(name, v);
      return v;
    }
    if (!d || d.value === undefined) throw new EvalError(`no meaning for \`${name}\`: not a primitive and no exported body`);
    const r = parseTerm(d.value, `out/export.json#${name}`);
    if (!r.ok) throw new EvalError(`the exported body of \`${name}\` does not parse: ${r.diagnostics[0]!.message}`);
    // A lazy slot first, so recursive references (which only recursion primitives resolve) fail clearly.
    let cache: LV;
    let done = false;
    const lazy = (x: LV) => {
      if (!done) {
        cache = this.eval(r.value, new Map());
        done = true;
      }
      return apply(cache, x);
    };
    const value = d.value.trimStart().startsWith("fun") ? lazy : this.eval(r.value, new Map());
    this.derived.add(name);
    this.globals.set(name, value);
    return value;
  }

  /** Structure constructors `S.mk` and projections `S.field` of exported library structures. */
  private projection(name: string): LV | undefined {
    const dot = name.lastIndexOf(".");
    const owner = this.decls[name.slice(0, dot)];
    const field = name.slice(dot + 1);
    if (!owner || (owner.kind !== "structure" && owner.kind !== "class") || !owner.fields) return undefined;
    const params = telescopeLength(owner.type);
    if (params === undefined) return undefined;
    if (field === "mk") return prim(params + owner.fields.length, (a) => ({ ctor: owner.name, fields: a.slice(params) }));
    const k = fieldIndex(owner.fields, field);
    if (k < 0) return undefined;
    return prim(params + 1, (a) => {
      const s = a[params];
      if (!isStruct(s)) throw new EvalError(`projection \`${name}\` of ${describe(s)}`);
      return s.fields[k];
    });
  }

  /** Evaluates `t` with the variables of `env` (compiled to closures once per term). */
  eval(t: Term, env: Map<string, LV>): LV {
    const names = [...env.keys()];
    let frame: Frame = null;
    for (const n of names) frame = { v: env.get(n), up: frame };
    return this.compile(t, names.reverse(), names.map(() => false))(frame);
  }

  private readonly compiled = new WeakMap<Term, { scope: string; code: Code }>();
  private readonly prefixes = new WeakMap<Term, Term>();

  /**
   * `t` as a closure over a linked environment (innermost binder first). Variables are resolved
   * to their depth once; a subterm without variables is evaluated once, on first use.
   */
  compile(t: Term, scope: readonly string[], statics: readonly boolean[]): Code {
    const key = scope.map((n, k) => (statics[k] ? `!${n}` : n)).join("\u0000");
    const hit = this.compiled.get(t);
    if (hit && hit.scope === key) return hit.code;
    const code = this.compileNode(t, scope, statics);
    this.compiled.set(t, { scope: key, code });
    return code;
  }

  private compileNode(t: Term, scope: readonly string[], statics: readonly boolean[]): Code {
    if (t.k === "var" || t.k === "const" || t.k === "nat" || t.k === "str" || t.k === "sort") return this.compileNode2(t, scope, statics);
    const free = freeVars(t);
    if (free.size === 0) {
      const inner = this.compileNode2(t, [], []);
      let done = false;
      let value: LV;
      return () => {
        if (!done) {
          value = inner(null);
          done = true;
        }
        return value;
      };
    }
    // A subterm of type and instance variables only (an instance chain, `@instHMul α …`): its
    // value is fixed once those are bound, so it is computed once per binding.
    let kMin = Infinity;
    let allStatic = true;
    for (const n of free) {
      const k = scope.indexOf(n);
      if (k < 0 || !statics[k]) {
        allStatic = false;
        break;
      }
      kMin = Math.min(kMin, k);
    }
    const inner = this.compileNode2(t, scope, statics);
    if (!allStatic) return inner;
    const cache = new WeakMap<object, { v: LV }>();
    return (e) => {
      let f = e;
      for (let i = 0; i < kMin; i++) f = f!.up;
      const hit = cache.get(f!);
      if (hit) return hit.v;
      const v = inner(e);
      cache.set(f!, { v });
      return v;
    };
  }

  private compileNode2(t: Term, scope: readonly string[], statics: readonly boolean[]): Code {
    switch (t.k) {
      case "var": {
        const k = scope.indexOf(t.name);
        if (k < 0) {
          const name = t.name;
          return () => {
            throw new EvalError(`unbound variable \`${name}\``);
          };
        }
        if (k === 0) return (e) => e!.v;
        if (k === 1) return (e) => e!.up!.v;
        if (k === 2) return (e) => e!.up!.up!.v;
        return (e) => {
          let f = e;
          for (let i = 0; i < k; i++) f = f!.up;
          return f!.v;
        };
      }
      case "const": {
        const name = t.name;
        let done = false;
        let value: LV;
        return () => {
          if (!done) {
            value = this.constant(name);
            done = true;
          }
          return value;
        };
      }
      case "app": {
        const lazy = this.compileLazy(t, scope, statics);
        if (lazy) return lazy;
        const full = this.listedFieldsOnly(t);
        if (full !== t) return this.compile(full, scope, statics);
        // `@f α inst … x`: the prefix of type and instance arguments is its own (cached) subterm,
        // so a constant is specialised once per binding of the instances.
        const isStatic = (a: Term): boolean => [...freeVars(a)].every((n) => statics[scope.indexOf(n)] === true);
        let cut = 0;
        if (t.fn.k === "const" || isStatic(t.fn)) while (cut < t.args.length && isStatic(t.args[cut]!)) cut++;
        if (cut > 0 && cut < t.args.length) {
          let prefix = this.prefixes.get(t);
          if (!prefix) {
            prefix = { k: "app", fn: t.fn, args: t.args.slice(0, cut), at: t.at };
            this.prefixes.set(t, prefix);
          }
          const head = this.compile(prefix, scope, statics);
          const rest = t.args.slice(cut).map((a) => this.compile(a, scope, statics));
          return (e) => {
            let f = head(e);
            for (const a of rest) f = apply(f, a(e));
            return f;
          };
        }
        const fn = this.compile(t.fn, scope, statics);
        const args = t.args.map((a) => this.compile(a, scope, statics));
        if (args.length === 1) {
          const a0 = args[0]!;
          return (e) => apply(fn(e), a0(e));
        }
        return (e) => {
          let f = fn(e);
          for (const a of args) f = apply(f, a(e));
          return f;
        };
      }
      case "lam": {
        const names = t.binders.map((b) => b.name);
        let inner = scope;
        let innerStatics = statics;
        for (const b of t.binders) {
          inner = [b.name, ...inner];
          innerStatics = [b.info === "instImplicit" || b.type.k === "sort", ...innerStatics];
        }
        const body = this.compile(t.body, inner, innerStatics);
        const n = names.length;
        // A type or instance binder (`{α : Type}`, `[inst : C α]`) bound again to the same value
        // reuses its frame: the subterms computed once per binding of the instances (see
        // `compileNode`) are then computed once per definition, not once per call.
        const isStaticBinder = t.binders.map((b) => b.info === "instImplicit" || b.type.k === "sort");
        const frames = new WeakMap<object, Map<LV, Frame>>();
        // Performance: the last frame each binder gave out, checked before the tables (nearly
        // every call binds the same instance under the same owner again). A frame dropped from
        // its table since is still `{ v: x, up: e }` for the same `x` and `e`: the same value.
        const lastOwner: Array<object | undefined> = [];
        const lastKey: LV[] = [];
        const lastFrame: Frame[] = [];
        const staticFrame = (x: LV, e: Frame, k: number): Frame => {
          // Under a value binder's frame (made afresh by every application) a frame is seldom
          // asked for again: a table there cost its look-up, its allocation and the collector's
          // time on every call (4.3 of 11.3 s of CPU in `linear_act_eq`/`linear_reconstruct_gl`,
          // with most of the collector's 5.9 s). A fresh frame holds the same values.
          if (e !== null && !(e instanceof StaticFrame)) return new StaticFrame(x, e);
          const owner = e ?? ROOT_FRAME;
          const key = isType(x) && x.tv === "scalar" ? SCALAR_TYPE : x;
          if (owner === lastOwner[k] && key === lastKey[k]) return lastFrame[k]!;
          let m = frames.get(owner);
          if (!m) frames.set(owner, (m = new Map()));
          let f = m.get(key);
          if (f === undefined) {
            // Instances built afresh on each call would only grow the table: keep it small.
            if (m.size >= 64) m.clear();
            m.set(key, (f = new StaticFrame(x, e)));
          }
          lastOwner[k] = owner;
          lastKey[k] = key;
          lastFrame[k] = f;
          return f;
        };
        const bind = (k: number, e: Frame): LV => (k === n ? body(e) : isStaticBinder[k] ? (x: LV) => bind(k + 1, staticFrame(x, e, k)) : (x: LV) => bind(k + 1, { v: x, up: e }));
        if (n === 1 && !isStaticBinder[0]) return (e) => (x: LV) => body({ v: x, up: e });
        return (e) => bind(0, e);
      }
      case "pi": {
        const [b, ...rest] = t.binders;
        const dom = this.compile(b!.type, scope, statics);
        const bodyTerm: Term = rest.length === 0 ? t.body : { ...t, binders: rest };
        const body = this.compile(bodyTerm, [b!.name, ...scope], [false, ...statics]);
        return (e) => ({ tv: "pi", dom: dom(e), cod: codomain(body, e) }) satisfies TypeValue;
      }
      case "let": {
        const value = this.compile(t.value, scope, statics);
        const body = this.compile(t.body, [t.name, ...scope], [false, ...statics]);
        return (e) => body({ v: value(e), up: e });
      }
      case "nat": {
        const v = Number(t.value);
        return () => v;
      }
      case "str": {
        const v = t.value;
        return () => v;
      }
      case "sort": {
        const v: TypeValue = t.sort === "Prop" ? { tv: "prop" } : { tv: "sort" };
        return () => v;
      }
      case "proj": {
        const term = this.compile(t.term, scope, statics);
        const field = t.field;
        const k = Number(field) - 1;
        return (e) => {
          const s = term(e);
          if (!isStruct(s) || !Number.isInteger(k)) throw new EvalError(`projection .${field} of ${describe(s)}`);
          return s.fields[k];
        };
      }
    }
  }

  private readonly truncated = new WeakMap<Term, Term>();

  /**
   * A constructor application `@S.mk params… fields…` with more arguments than the export lists
   * fields (`#print` of `Sym.GroupAction` lists `act` but not its two proof fields, whose types
   * Lean prints over several lines): the trailing arguments are those proofs, which carry nothing,
   * so the application is evaluated without them. Any other term is returned unchanged.
   */
  private listedFieldsOnly(t: Extract<Term, { k: "app" }>): Term {
    if (t.fn.k !== "const" || !t.fn.name.endsWith(".mk")) return t;
    const owner = this.decls[t.fn.name.slice(0, -3)];
    if (!owner || owner.kind !== "structure" || !owner.fields) return t;
    const params = telescopeLength(owner.type);
    if (params === undefined) return t;
    const n = params + owner.fields.length;
    if (t.args.length <= n) return t;
    let cut = this.truncated.get(t);
    if (!cut) this.truncated.set(t, (cut = { ...t, args: t.args.slice(0, n) }));
    return cut;
  }

  /**
   * Applications of primitives that need not evaluate all their arguments, with the value the
   * primitive gives: `ite`/`dite` evaluate the branch the condition picks, `And`/`Or` their
   * second operand only when the first does not decide, and a `Decidable` instance (which every
   * primitive ignores) is not computed at all, so the proposition of an `if` is decided once.
   * Undefined for any other application (compiled as usual).
   */
  private compileLazy(t: Extract<Term, { k: "app" }>, scope: readonly string[], statics: readonly boolean[]): Code | undefined {
    if (t.fn.k !== "const" || !this.lazyForms.has(t.fn.name)) return undefined;
    const name = t.fn.name;
    const n = t.args.length;
    const arg = (k: number): Code => this.compile(t.args[k]!, scope, statics);
    if (DECIDABLE_INSTANCES.has(name)) {
      // The instance ignores its arguments: apply it to placeholders, once.
      let v = this.constant(name);
      for (let k = 0; k < n; k++) v = apply(v, undefined);
      return () => v;
    }
    if ((name === "ite" || name === "dite") && n === 5) {
      this.constant(name);
      const c = arg(1);
      const a = arg(3);
      const b = arg(4);
      if (name === "ite") return (e) => (this.decide(c(e)) ? a(e) : b(e));
      return (e) => apply(this.decide(c(e)) ? a(e) : b(e), undefined);
    }
    if ((name === "And" || name === "Or") && n === 2) {
      this.constant(name);
      const p = arg(0);
      const q = arg(1);
      if (name === "And") return (e) => this.decide(p(e)) && this.decide(q(e));
      return (e) => this.decide(p(e)) || this.decide(q(e));
    }
    return undefined;
  }

  /**
   * Applies constant `name` to arguments for its binders, in order: `types` for sort binders
   * (the scalar type `α` by default), the field dictionary for instance binders, and `args` by
   * binder name for the others.
   */
  call(name: string, args: Readonly<Record<string, LV>>, explicit: readonly LV[] = []): LV {
    let next = 0;
    const d = this.decls[name];
    if (!d) throw new EvalError(`\`${name}\` was not exported`);
    const r = parseTerm(d.type, `out/export.json#${name}`);
    if (!r.ok) throw new EvalError(r.diagnostics[0]!.message);
    let f = this.constant(name);
    for (let t = r.value; t.k === "pi"; t = t.body) {
      for (const b of t.binders) {
        if (b.info === "default" && next < explicit.length) f = apply(f, explicit[next++]);
        else if (b.name in args) f = apply(f, args[b.name]);
        else if (b.type.k === "sort") f = apply(f, { tv: "scalar" });
        else if (b.info === "instImplicit") f = apply(f, this.field);
        else throw new EvalError(`no argument for binder \`${b.name}\` of \`${name}\``);
      }
    }
    return f;
  }
}
