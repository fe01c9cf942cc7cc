/**
 * A small TypeScript expression AST for the bodies of generated functions, printed with
 * parentheses where JavaScript needs them. Declarations around these expressions are ts-morph
 * structures (see `emit.ts`).
 */

export type Ts =
  | { k: "id"; name: string }
  | { k: "str"; value: string }
  | { k: "lit"; value: number | boolean }
  | { k: "call"; fn: Ts; args: Ts[] }
  | { k: "member"; obj: Ts; name: string }
  | { k: "arrow"; params: string[]; body: Ts }
  | { k: "bin"; op: "&&" | "||" | "==="; lhs: Ts; rhs: Ts }
  | { k: "not"; arg: Ts }
  | { k: "cond"; test: Ts; then: Ts; else: Ts }
  | { k: "obj"; entries: Array<[string, Ts]> }
  | { k: "arr"; elems: Ts[] };

export const id = (name: string): Ts => ({ k: "id", name });
export const str = (value: string): Ts => ({ k: "str", value });
export const lit = (value: number | boolean): Ts => ({ k: "lit", value });
export const call = (fn: Ts, args: Ts[]): Ts => ({ k: "call", fn, args });
export const member = (obj: Ts, name: string): Ts => ({ k: "member", obj, name });
export const arrow = (params: string[], body: Ts): Ts => ({ k: "arrow", params, body });
export const not = (arg: Ts): Ts => ({ k: "not", arg });
export const bin = (op: "&&" | "||" | "===", lhs: Ts, rhs: Ts): Ts => ({ k: "bin", op, lhs, rhs });
export const obj = (entries: Array<[string, Ts]>): Ts => ({ k: "obj", entries });
export const arr = (elems: Ts[]): Ts => ({ k: "arr", elems });

/** `$.name(args)`. */
export function rt(name: string, ...args: Ts[]): Ts {
  return call(member(id("$"), name), args);
}

const PREC: Record<string, number> = { "||": 1, "&&": 2, "===": 3 };

function isIdentifierName(s: string): boolean {
  return /^[\p{L}_$][\p{L}\p{N}_$]*$/u.test(s);
}

/** Prints an expression; `ctx` is the precedence of the surrounding operator. */
export function printTs(e: Ts, ctx = 0): string {
  switch (e.k) {
    case "id":
      return e.name;
    case "str":
      return JSON.stringify(e.value);
    case "lit":
      return String(e.value);
    case "call":
      return `${printTs(e.fn, 10)}(${e.args.map((a) => printTs(a)).join(", ")})`;
    case "member":
      return isIdentifierName(e.name) ? `${printTs(e.obj, 10)}.${e.name}` : `${printTs(e.obj, 10)}[${JSON.stringify(e.name)}]`;
    case "arrow": {
      const ps = e.params.length === 1 ? (e.params[0] as string) : `(${e.params.join(", ")})`;
      const body = e.body.k === "obj" ? `(${printTs(e.body)})` : printTs(e.body);
      const s = `${ps} => ${body}`;
      return ctx > 0 ? `(${s})` : s;
    }
    case "bin": {
      const p = PREC[e.op] as number;
      // Mixed && / || always get parentheses, for the reader.
      const side = (x: Ts): string => (x.k === "bin" && x.op !== e.op ? `(${printTs(x)})` : printTs(x, p));
      const s = `${side(e.lhs)} ${e.op} ${side(e.rhs)}`;
      return ctx > p ? `(${s})` : s;
    }
    case "not":
      return `!${printTs(e.arg, 9)}`;
    case "cond": {
      const s = `${printTs(e.test, 1)} ? ${printTs(e.then, 1)} : ${printTs(e.else, 1)}`;
      return ctx > 0 ? `(${s})` : s;
    }
    case "obj":
      return `{ ${e.entries.map(([k, v]) => `${isIdentifierName(k) ? k : JSON.stringify(k)}: ${printTs(v)}`).join(", ")} }`;
    case "arr":
      return `[${e.elems.map((x) => printTs(x)).join(", ")}]`;
  }
}

const RESERVED = new Set(
  "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with as implements interface let package private protected public static yield await any boolean number string symbol type of undefined NaN Infinity arguments eval v".split(" "),
);

const SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉";

/** A JavaScript identifier for a Lean local name (deterministic, readable). */
export function jsName(lean: string): string {
  let s = "";
  for (const ch of lean) {
    const k = SUBSCRIPTS.indexOf(ch);
    if (k >= 0) s += String(k);
    else if (ch === "'") s += "ʹ";
    else if (ch === "!" || ch === "?" || ch === ".") s += "_";
    else if (/[\p{L}\p{N}_$]/u.test(ch)) s += ch;
    else s += "_";
  }
  if (s === "" || /^\p{N}/u.test(s)) s = `_${s}`;
  if (RESERVED.has(s) || s === "$") s = `${s}_`;
  return s;
}
