/**
 * Traversal of the statement AST: children, a pre-order walk, and free identifiers.
 */
import type { Binder, Expr } from "./ast.js";

/** The direct sub-expressions of a node, in source order (binder types before bodies). */
export function children(e: Expr): Expr[] {
  switch (e.kind) {
    case "ident":
    case "num":
    case "decimal":
    case "string":
    case "hole":
    case "explicit":
      return [];
    case "sort":
      return e.level ? [e.level] : [];
    case "app":
      return [e.fn, ...e.args, ...e.named.map((n) => n.value)];
    case "binary":
      return [e.lhs, e.rhs];
    case "unary":
    case "postfix":
      return [e.arg];
    case "forall":
    case "exists":
    case "fun":
      return [...binderExprs(e.binders), e.body];
    case "proj":
      return [e.target];
    case "anon":
    case "tuple":
    case "list":
      return e.elems;
    case "ascription":
      return [e.expr, e.type];
    case "paren":
      return [e.expr];
    case "ite":
      return [e.cond, e.then, e.else];
    case "setOf":
      return [...binderExprs([e.binder]), e.body];
  }
}

export function binderExprs(binders: readonly Binder[]): Expr[] {
  const out: Expr[] = [];
  for (const b of binders) {
    if (b.type) out.push(b.type);
    if (b.defaultValue) out.push(b.defaultValue);
  }
  return out;
}

/** Pre-order walk; `visit` returning `false` skips the node's children. */
export function walk(e: Expr, visit: (node: Expr) => boolean | void): void {
  if (visit(e) === false) return;
  for (const c of children(e)) walk(c, visit);
}

/** Every node of a tree, pre-order. */
export function nodes(e: Expr): Expr[] {
  const out: Expr[] = [];
  walk(e, (n) => {
    out.push(n);
  });
  return out;
}

/** Identifiers that are not bound inside `e` (in first-occurrence order, no duplicates). */
export function freeIdents(e: Expr, bound: ReadonlySet<string> = new Set()): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const go = (x: Expr, scope: ReadonlySet<string>): void => {
    if (x.kind === "ident" || x.kind === "explicit") {
      if (!scope.has(x.name) && !seen.has(x.name)) {
        seen.add(x.name);
        out.push(x.name);
      }
      return;
    }
    if (x.kind === "setOf") {
      if (x.binder.type) go(x.binder.type, scope);
      go(x.body, new Set([...scope, x.binder.name]));
      return;
    }
    if (x.kind === "ite" && x.hypName) {
      go(x.cond, scope);
      const inner = new Set([...scope, x.hypName]);
      go(x.then, inner);
      go(x.else, inner);
      return;
    }
    if (x.kind === "forall" || x.kind === "exists" || x.kind === "fun") {
      const inner = new Set(scope);
      for (const b of x.binders) {
        if (b.type) go(b.type, inner);
        if (b.defaultValue) go(b.defaultValue, inner);
        inner.add(b.name);
      }
      go(x.body, inner);
      return;
    }
    for (const c of children(x)) go(c, scope);
  };
  go(e, bound);
  return out;
}

/** Removes `paren` wrappers at the top of an expression. */
export function unparen(e: Expr): Expr {
  let x = e;
  while (x.kind === "paren") x = x.expr;
  return x;
}

/**
 * The names a declaration's statement binds: its binders, then those of the leading `∀`s and
 * dependent arrows of its type (`theorem t (σ : α → α) : ∀ n, …` binds `σ` and `n`).
 */
export function statementBinders(binders: readonly Binder[], type: Expr): string[] {
  const out = binders.map((b) => b.name);
  let t: Expr = type;
  for (;;) {
    if (t.kind === "forall") {
      out.push(...t.binders.map((b) => b.name));
      t = t.body;
    } else if (t.kind === "binary" && t.op === "→") t = t.rhs;
    else if (t.kind === "paren") t = t.expr;
    else return out;
  }
}
