/**
 * The registry of numeric semantics: a map from a Lean fully-qualified constant name
 * (`Sym.Mat.mul`) to an implementation with its signature. A name with no entry yields the
 * diagnostic SYM201 "no numeric semantics for `Sym.foo`" at the use site.
 *
 * An entry's `impl` receives the context and the *explicit* arguments in Lean order, preceded by
 * the implicit `Nat` arguments listed in `implicitNats` (which the caller infers from types, e.g.
 * the `n` of an identity matrix `(1 : Mat α n n)`). Scalars, instance and type arguments are
 * never passed.
 */
import { diagnostic, type Diagnostic, type Range, type Result } from "../diagnostics/diagnostic.js";
import type { Context } from "./context.js";
import type { Mode } from "./field.js";
import { showType, type TypeSpec } from "./types.js";
import { fn, withKey, type Value } from "./value.js";

/** A semantics, polymorphic in the scalar type. */
export type Impl = <T>(ctx: Context<T>, args: readonly Value<T>[]) => Value<T>;

export interface ParamSpec {
  readonly name: string;
  readonly type: TypeSpec;
}

export interface SemanticEntry {
  /** Fully-qualified Lean name. */
  readonly name: string;
  /** Implicit `Nat` parameters the implementation needs, passed first, in this order. */
  readonly implicitNats: readonly string[];
  /** Explicit parameters, in Lean order. */
  readonly params: readonly ParamSpec[];
  readonly result: TypeSpec;
  /** Modes the implementation supports (transcendental functions: float only). */
  readonly modes: readonly Mode[];
  readonly impl: Impl;
  /** One line: what the Lean definition means. */
  readonly doc: string;
}

/** The number of arguments `impl` expects (implicit Nats plus explicit parameters). */
export function arity(e: SemanticEntry): number {
  return e.implicitNats.length + e.params.length;
}

/** The signature of an entry, e.g. `{n} → (A : Mat n n) → Prop`. */
export function signature(e: SemanticEntry): string {
  const imp = e.implicitNats.length > 0 ? [`{${e.implicitNats.join(" ")} : Nat}`] : [];
  const ps = e.params.map((p) => `(${p.name} : ${showType(p.type)})`);
  return [...imp, ...ps, showType(e.result)].join(" → ");
}

export class Registry {
  private readonly entries = new Map<string, SemanticEntry>();
  private readonly aliases = new Map<string, string>();

  /** Adds an entry; a name registered twice is a programming error. */
  register(entry: SemanticEntry): this {
    if (this.entries.has(entry.name) || this.aliases.has(entry.name)) {
      throw new Error(`numeric semantics for \`${entry.name}\` registered twice`);
    }
    this.entries.set(entry.name, entry);
    return this;
  }

  /** Replaces the entry of an existing name (a meaning derived from the Lean body instead of hand-written). */
  replace(entry: SemanticEntry): this {
    if (!this.entries.has(entry.name)) throw new Error(`no numeric semantics for \`${entry.name}\` to replace`);
    this.entries.set(entry.name, entry);
    return this;
  }

  /** Makes `alias` resolve to the entry `target` (for renamed or notation-level constants). */
  alias(alias: string, target: string): this {
    if (this.entries.has(alias) || this.aliases.has(alias)) throw new Error(`\`${alias}\` registered twice`);
    this.aliases.set(alias, target);
    return this;
  }

  get(name: string): SemanticEntry | undefined {
    return this.entries.get(this.aliases.get(name) ?? name);
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  /** The entry of `name`, or diagnostic SYM201 at `range`. */
  lookup(name: string, range?: Range): Result<SemanticEntry> {
    const e = this.get(name);
    if (e) return { ok: true, value: e };
    const d: Diagnostic = diagnostic("SYM201", range, name);
    return { ok: false, diagnostics: [d] };
  }

  /** Every registered name (entries and aliases), sorted. */
  names(): string[] {
    return [...this.entries.keys(), ...this.aliases.keys()].sort();
  }

  /**
   * The constant `name` as a value: an entry without parameters is evaluated, any other entry
   * becomes a curried function value (so `Sym.relu` can be passed where `σ : α → α` is expected).
   */
  value<T>(ctx: Context<T>, name: string): Value<T> {
    const e = this.get(name);
    if (!e) throw new Error(`no numeric semantics for \`${name}\``);
    const n = arity(e);
    return n === 0 ? e.impl(ctx, []) : withKey(fn(e.name, n, (args) => e.impl(ctx, args)), e.name);
  }

  /** Calls the entry `name` (throws when it is missing: look it up first). */
  call<T>(ctx: Context<T>, name: string, args: readonly Value<T>[]): Value<T> {
    const e = this.get(name);
    if (!e) throw new Error(`no numeric semantics for \`${name}\``);
    return e.impl(ctx, args);
  }
}

/** The message of SYM201 with its position, e.g. "no numeric semantics for `Sym.foo` (lean/Sym/X.lean:12:5)". */
export function unknownConstantMessage(name: string, range?: Range): string {
  const where = range ? ` (${range.file}:${range.line}:${range.column})` : "";
  return `no numeric semantics for \`${name}\`${where}`;
}
