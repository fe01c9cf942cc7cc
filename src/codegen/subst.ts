/**
 * Capture-avoiding substitution of expressions for identifiers in statement ASTs, used to unfold
 * a Prop definition at its use (`IsUnitarilyInvariant m n frobSq` → its `∀ U V …` body).
 */
import type { Binder, Expr } from "../parser/index.js";
import { freeIdents } from "../parser/index.js";

function fresh(name: string, avoid: ReadonlySet<string>): string {
  let n = `${name}'`;
  while (avoid.has(n)) n = `${n}'`;
  return n;
}

/** `e[x := map(x)]` for every free `x` in `map`; bound names that would capture are renamed. */
export function substitute(e: Expr, map: ReadonlyMap<string, Expr>): Expr {
  if (map.size === 0) return e;
  const incoming = new Set([...map.values()].flatMap((x) => freeIdents(x)));
  const go = (x: Expr, m: ReadonlyMap<string, Expr>): Expr => {
    switch (x.kind) {
      case "ident":
      case "explicit":
        return m.get(x.name) ?? x;
      case "forall":
      case "exists":
      case "fun": {
        const inner = new Map(m);
        const binders: Binder[] = [];
        for (const b of x.binders) {
          const nb: Binder = { ...b };
          if (b.type) nb.type = go(b.type, inner);
          if (b.defaultValue) nb.defaultValue = go(b.defaultValue, inner);
          inner.delete(b.name);
          if (incoming.has(b.name)) {
            const renamed = fresh(b.name, new Set([...incoming, ...freeIdents(x)]));
            inner.set(b.name, { kind: "ident", name: renamed, range: b.range });
            nb.name = renamed;
          }
          binders.push(nb);
        }
        return { ...x, binders, body: go(x.body, inner) } as Expr;
      }
      case "setOf":
        return x;
      case "ite":
        return { ...x, cond: go(x.cond, m), then: go(x.then, m), else: go(x.else, m) };
      case "app":
        return { ...x, fn: go(x.fn, m), args: x.args.map((a) => go(a, m)), named: x.named.map((n) => ({ ...n, value: go(n.value, m) })) };
      case "binary":
        return { ...x, lhs: go(x.lhs, m), rhs: go(x.rhs, m) };
      case "unary":
      case "postfix":
        return { ...x, arg: go(x.arg, m) };
      case "proj":
        return { ...x, target: go(x.target, m) };
      case "anon":
      case "tuple":
      case "list":
        return { ...x, elems: x.elems.map((y) => go(y, m)) };
      case "ascription":
        return { ...x, expr: go(x.expr, m), type: go(x.type, m) };
      case "paren":
        return { ...x, expr: go(x.expr, m) };
      case "sort":
        return x.level ? { ...x, level: go(x.level, m) } : x;
      default:
        return x;
    }
  };
  return go(e, map);
}
