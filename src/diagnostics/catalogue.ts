/**
 * The catalogue of every user-facing message of the statement harness, with stable codes.
 *
 * Codes are grouped by stage: `SYM0xx` lexer, `SYM1xx` parser, `SYM2xx` checking (semantics and
 * code generation), `SYM3xx` runner, `SYM4xx` command line, `SYM5xx` proof build. A code is never reused for a
 * different message; tests assert on codes, not on wording.
 */

type Template<A extends unknown[]> = (...args: A) => string;

function msg<A extends unknown[]>(template: Template<A>): Template<A> {
  return template;
}

export const catalogue = {
  // Lexer
  SYM001: msg((ch: string) => `unexpected character '${ch}'`),
  SYM002: msg(() => "unterminated block comment"),
  SYM003: msg(() => "unterminated string literal"),
  SYM004: msg((text: string) => `malformed numeric literal '${text}'`),

  // Parser
  SYM101: msg((expected: string, found: string) => `expected ${expected}, found ${found}`),
  SYM102: msg((expected: string) => `unexpected end of input, expected ${expected}`),
  SYM103: msg((construct: string) => `unsupported syntax in a statement: ${construct} (name a definition instead)`),
  SYM104: msg((open: string, close: string) => `'${open}' is not closed, expected '${close}'`),
  SYM105: msg((name: string) => `declaration \`${name}\` has no type`),
  SYM106: msg((found: string) => `expected a binder name, found ${found}`),
  SYM107: msg((op: string) => `operator '${op}' is not associative; add parentheses`),
  SYM108: msg((line: number) => `no declaration starts at line ${line}`),
  SYM109: msg((found: string) => `expected a declaration keyword (theorem, lemma, def, abbrev), found ${found}`),
  SYM111: msg((depth: number) => `the term is nested deeper than ${depth} levels; name a definition for a part of it`),
  SYM112: msg((construct: string, where: string) => `${construct} at ${where} cannot be read, so the declarations after it in its scope are not read either`),
  SYM110: msg((name: string) => `\`${name}\` is a definition whose type is not \`Prop\`; only propositions are statements`),

  // Checking: semantics and code generation
  SYM201: msg((name: string) => `no numeric semantics for \`${name}\``),
  SYM202: msg((construct: string) => `cannot check numerically: ${construct}`),
  SYM203: msg((name: string, type: string) => `no generator for binder \`${name}\` of type \`${type}\``),
  SYM204: msg((name: string) => `hypothesis \`${name}\` mentions no generated variable and cannot be used`),
  SYM205: msg((name: string) => `declaration \`${name}\` is not in the parsed library`),
  SYM206: msg((name: string, reason: string) => `cannot unfold \`${name}\`: ${reason}`),
  SYM207: msg((file: string, detail: string) => `generated module ${file} does not type-check: ${detail}`),

  // Runner
  SYM301: msg((message: string) => `the property threw: ${message}`),
  SYM302: msg((seed: number, path: string) => `seed ${seed} with path ${path} did not reproduce the stored counterexample`),
  SYM303: msg((file: string, message: string) => `cannot load generated module ${file}: ${message}`),
  SYM304: msg((id: string) => `no checked declaration for claim \`${id}\``),
  SYM305: msg((file: string, reason: string) => `cannot read ${file}: ${reason}; declarations are taken from lean/ instead`),
  SYM306: msg((ratio: string) => `too many discarded runs (${ratio}); the premises are rarely satisfied`),
  SYM307: msg((detail: string) => `harness error: ${detail}; not evidence (the harness contradicts itself on this input)`),
  SYM308: msg((reason: string) => `the declaration was not checked: ${reason}`),

  // Proof build
  SYM501: msg((where: string, module: string) => `${where}: imports \`${module}\`, which is neither a module of the library nor of the toolchain`),
  SYM502: msg((files: string) => `import cycle: ${files}`),

  // Exported elaborated terms
  SYM601: msg((expected: string, found: string) => `in an exported term: expected ${expected}, found ${found}`),
  SYM602: msg((depth: number) => `an exported term is nested deeper than ${depth} levels`),
  SYM603: msg((name: string, reason: string) => `cannot evaluate the exported term of \`${name}\`: ${reason}`),

  // Command line
  SYM401: msg((flag: string) => `unknown option ${flag}`),
  SYM402: msg((flag: string, value: string) => `invalid value for ${flag}: ${value}`),
} as const;

export type Code = keyof typeof catalogue;

export type MessageArgs<C extends Code> = Parameters<(typeof catalogue)[C]>;

/** The text of message `code` with its arguments. */
export function messageText<C extends Code>(code: C, ...args: MessageArgs<C>): string {
  const template = catalogue[code] as (...a: MessageArgs<C>) => string;
  return template(...args);
}
