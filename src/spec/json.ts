/**
 * A small JSON parser that keeps source positions, so registry diagnostics can name
 * `file:line:col`. Returns data, never throws on user input.
 */

/** A 1-based position in a text (column counts UTF-16 code units, as editors do). */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type JsonNode =
  | { type: "object"; range: Range; members: JsonMember[] }
  | { type: "array"; range: Range; items: JsonNode[] }
  | { type: "string"; range: Range; value: string }
  | { type: "number"; range: Range; value: number }
  | { type: "boolean"; range: Range; value: boolean }
  | { type: "null"; range: Range };

export interface JsonMember {
  key: string;
  keyRange: Range;
  value: JsonNode;
}

export interface JsonSyntaxError {
  message: string;
  range: Range;
}

export type JsonParseResult = { ok: true; value: JsonNode } | { ok: false; error: JsonSyntaxError };

class Fail {
  constructor(
    readonly message: string,
    readonly range: Range,
  ) {}
}

/** Converts a parsed tree back to plain data. */
export function toValue(node: JsonNode): unknown {
  switch (node.type) {
    case "object": {
      const o: Record<string, unknown> = {};
      for (const m of node.members) o[m.key] = toValue(m.value);
      return o;
    }
    case "array":
      return node.items.map(toValue);
    case "null":
      return null;
    default:
      return node.value;
  }
}

/** Looks up a member of an object node by key. */
export function member(node: JsonNode, key: string): JsonMember | undefined {
  return node.type === "object" ? node.members.find((m) => m.key === key) : undefined;
}

/** Deeper nesting is a diagnostic (the registry needs five levels). */
export const MAX_JSON_DEPTH = 256;

export function parseJson(text: string): JsonParseResult {
  let i = 0;
  let line = 1;
  let col = 1;

  const pos = (): Position => ({ line, column: col, offset: i });
  const advance = (n = 1): void => {
    for (let k = 0; k < n && i < text.length; k++) {
      if (text[i] === "\n") {
        line++;
        col = 1;
      } else col++;
      i++;
    }
  };
  const here = (): Range => {
    const p = pos();
    return { start: p, end: { ...p, column: p.column + 1, offset: p.offset + 1 } };
  };
  const describe = (): string => (i >= text.length ? "end of file" : `'${text[i]}'`);
  const skipWs = (): void => {
    while (i < text.length && /[ \t\r\n\uFEFF]/.test(text[i]!)) advance();
  };

  let depth = 0;
  /** An array or object nested in at most `MAX_JSON_DEPTH` others (no stack overflow). */
  const nested = (parse: () => JsonNode): JsonNode => {
    if (++depth > MAX_JSON_DEPTH) throw new Fail(`arrays and objects are nested deeper than ${MAX_JSON_DEPTH} levels`, here());
    try {
      return parse();
    } finally {
      depth--;
    }
  };

  function parseValue(): JsonNode {
    skipWs();
    const start = pos();
    const c = text[i];
    if (c === "{") return nested(parseObject);
    if (c === "[") return nested(parseArray);
    if (c === '"') {
      const value = parseString();
      return { type: "string", value, range: { start, end: pos() } };
    }
    if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return parseNumber();
    for (const [word, node] of [
      ["true", { type: "boolean", value: true }],
      ["false", { type: "boolean", value: false }],
      ["null", { type: "null" }],
    ] as const) {
      if (text.startsWith(word, i)) {
        advance(word.length);
        return { ...node, range: { start, end: pos() } } as JsonNode;
      }
    }
    throw new Fail(`expected a JSON value, found ${describe()}`, here());
  }

  function parseString(): string {
    const start = pos();
    advance(); // opening quote
    let out = "";
    for (;;) {
      if (i >= text.length) throw new Fail("unterminated string", { start, end: pos() });
      const c = text[i]!;
      if (c === '"') {
        advance();
        return out;
      }
      if (c === "\n") throw new Fail("unterminated string (line break inside a string)", { start, end: pos() });
      if (c === "\\") {
        const e = text[i + 1];
        const simple: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
        if (e !== undefined && simple[e] !== undefined) {
          out += simple[e];
          advance(2);
          continue;
        }
        if (e === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          advance(6);
          continue;
        }
        throw new Fail("invalid escape sequence in string", here());
      }
      if (c < " ") throw new Fail("control character in string", here());
      out += c;
      advance();
    }
  }

  function parseNumber(): JsonNode {
    const start = pos();
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i));
    if (!m) throw new Fail(`invalid number`, here());
    advance(m[0].length);
    return { type: "number", value: Number(m[0]), range: { start, end: pos() } };
  }

  function parseArray(): JsonNode {
    const start = pos();
    advance();
    const items: JsonNode[] = [];
    skipWs();
    if (text[i] === "]") {
      advance();
      return { type: "array", items, range: { start, end: pos() } };
    }
    for (;;) {
      items.push(parseValue());
      skipWs();
      if (text[i] === ",") {
        advance();
        skipWs();
        if (text[i] === "]") throw new Fail("trailing comma in array", here());
        continue;
      }
      if (text[i] === "]") {
        advance();
        return { type: "array", items, range: { start, end: pos() } };
      }
      throw new Fail(`expected ',' or ']' in array, found ${describe()}`, here());
    }
  }

  function parseObject(): JsonNode {
    const start = pos();
    advance();
    const members: JsonMember[] = [];
    skipWs();
    if (text[i] === "}") {
      advance();
      return { type: "object", members, range: { start, end: pos() } };
    }
    for (;;) {
      skipWs();
      if (text[i] !== '"') throw new Fail(`expected a property name in double quotes, found ${describe()}`, here());
      const ks = pos();
      const key = parseString();
      const keyRange = { start: ks, end: pos() };
      skipWs();
      if (text[i] !== ":") throw new Fail(`expected ':' after property name "${key}", found ${describe()}`, here());
      advance();
      const value = parseValue();
      members.push({ key, keyRange, value });
      skipWs();
      if (text[i] === ",") {
        advance();
        skipWs();
        if (text[i] === "}") throw new Fail("trailing comma in object", here());
        continue;
      }
      if (text[i] === "}") {
        advance();
        return { type: "object", members, range: { start, end: pos() } };
      }
      throw new Fail(`expected ',' or '}' in object, found ${describe()}`, here());
    }
  }

  try {
    const value = parseValue();
    skipWs();
    if (i < text.length) throw new Fail(`unexpected ${describe()} after the end of the JSON value`, here());
    return { ok: true, value };
  } catch (e) {
    if (e instanceof Fail) return { ok: false, error: { message: e.message, range: e.range } };
    throw e;
  }
}
