/**
 * Prints statement ASTs back as Lean text (normalized spacing, parentheses only where needed).
 */
import type { Binder, Declaration, Expr } from "./ast.js";
import { BINARY_OPS, LEAD_PREC, MAX_PREC, PREFIX_OPS } from "./operators.js";

const OPEN: Record<Binder["style"], [string, string]> = {
  explicit: ["(", ")"],
  implicit: ["{", "}"],
  strictImplicit: ["⦃", "⦄"],
  instance: ["[", "]"],
};

export function printBinder(b: Binder): string {
  const [o, c] = OPEN[b.style];
  if (b.style === "instance") return `${o}${b.name === "_" ? "" : `${b.name} : `}${b.type ? printExpr(b.type) : ""}${c}`;
  const ty = b.type ? ` : ${printExpr(b.type)}` : "";
  const dv = b.defaultValue ? ` := ${printExpr(b.defaultValue)}` : "";
  if (!ty && !dv && b.style === "explicit") return b.name;
  return `${o}${b.name}${ty}${dv}${c}`;
}

/** Groups consecutive binders that share style and type source, as they were written. */
function printBinders(bs: readonly Binder[]): string {
  const out: string[] = [];
  for (let i = 0; i < bs.length; ) {
    const b = bs[i] as Binder;
    let j = i + 1;
    while (j < bs.length && b.style !== "instance" && (bs[j] as Binder).type === b.type && (bs[j] as Binder).style === b.style && b.type) j++;
    if (j - i > 1) {
      const [o, c] = OPEN[b.style];
      out.push(`${o}${bs.slice(i, j).map((x) => x.name).join(" ")} : ${printExpr(b.type as Expr)}${c}`);
    } else out.push(printBinder(b));
    i = j;
  }
  return out.join(" ");
}

function wrap(s: string, needed: boolean): string {
  return needed ? `(${s})` : s;
}

/** Prints `e` so that it parses back at level `prec`. */
export function printExpr(e: Expr, prec = 0): string {
  switch (e.kind) {
    case "ident":
      return e.name;
    case "num":
    case "decimal":
      return e.value;
    case "string":
      return JSON.stringify(e.value);
    case "hole":
      return "_";
    case "sort":
      return e.level ? wrap(`${e.sort} ${printExpr(e.level, MAX_PREC)}`, prec > LEAD_PREC) : e.sort;
    case "explicit":
      return `@${e.name}`;
    case "app": {
      const parts = [printExpr(e.fn, MAX_PREC), ...e.args.map((a) => printExpr(a, MAX_PREC)), ...e.named.map((n) => `(${n.name} := ${printExpr(n.value)})`)];
      return wrap(parts.join(" "), prec > LEAD_PREC);
    }
    case "binary": {
      const info = BINARY_OPS.get(e.op);
      if (!info) return `(${printExpr(e.lhs)} ${e.op} ${printExpr(e.rhs)})`;
      return wrap(`${printExpr(e.lhs, info.lhs)} ${e.op} ${printExpr(e.rhs, info.rhs)}`, prec > info.prec);
    }
    case "unary": {
      const info = PREFIX_OPS.get(e.op);
      const arg = printExpr(e.arg, info?.arg ?? MAX_PREC);
      return wrap(e.op === "¬" ? `¬${arg}` : `${e.op}${arg}`, prec > (info?.prec ?? MAX_PREC));
    }
    case "postfix":
      return `${printExpr(e.arg, MAX_PREC)}${e.op}`;
    case "forall":
      return wrap(`∀ ${printBinders(e.binders)}, ${printExpr(e.body)}`, prec > 0);
    case "exists":
      return wrap(`${e.unique ? "∃!" : "∃"} ${printBinders(e.binders)}, ${printExpr(e.body)}`, prec > 0);
    case "fun":
      return wrap(`fun ${printBinders(e.binders)} => ${printExpr(e.body)}`, prec > 0);
    case "proj":
      return `${printExpr(e.target, MAX_PREC)}.${e.field}`;
    case "anon":
      return `⟨${e.elems.map((x) => printExpr(x)).join(", ")}⟩`;
    case "tuple":
      return `(${e.elems.map((x) => printExpr(x)).join(", ")})`;
    case "list":
      return `[${e.elems.map((x) => printExpr(x)).join(", ")}]`;
    case "ascription":
      return `(${printExpr(e.expr)} : ${printExpr(e.type)})`;
    case "paren":
      return printExpr(e.expr, prec);
    case "ite":
      return wrap(`if ${e.hypName ? `${e.hypName} : ` : ""}${printExpr(e.cond)} then ${printExpr(e.then)} else ${printExpr(e.else)}`, prec > 0);
    case "setOf": {
      const ty = e.binder.type ? ` : ${printExpr(e.binder.type)}` : "";
      return `{${e.binder.name}${ty} ${e.subtype ? "//" : "|"} ${printExpr(e.body)}}`;
    }
  }
}

export function printDeclaration(d: Declaration): string {
  const head = [d.keyword, d.name, printBinders(d.binders)].filter((s) => s.length > 0).join(" ");
  const body = d.body ? ` :=\n  ${printExpr(d.body)}` : "";
  return `${head} :\n    ${printExpr(d.type)}${body}`;
}
