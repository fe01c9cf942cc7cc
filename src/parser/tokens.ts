/**
 * Token kinds of the Lean 4 statement fragment.
 */

export type TokenKind =
  | "ident"
  | "num"
  | "decimal"
  | "string"
  | "char"
  | "symbol"
  | "keyword"
  | "docComment"
  | "eof"
  | "error";

export interface Token {
  kind: TokenKind;
  /** The token's text (for `ident`, the dotted name with `«»` removed). */
  text: string;
  /** Code-point offsets into the source: `[start, end)`. */
  start: number;
  end: number;
  /** Whitespace or a comment precedes the token. */
  spaceBefore: boolean;
}

/** Symbols, longest first when matched. */
export const SYMBOLS: readonly string[] = [
  ":=", "=>", "↦", "→", "->", "←", "<-", "↔", "<->", "∀", "∃!", "∃", "¬", "∧", "/\\", "∨", "\\/",
  "==", "=", "≠", "!=", "≤", "<=", "≥", ">=", "<|>", "<|", "|>.", "|>", "<", ">", "++", "+", "//", "-", "*", "/", "%", "^",
  "•", "∘", "⁻¹", "ᵀ", "(", ")", "{", "}", "[", "]", "⦃", "⦄", "⟨", "⟩", ",", "::", ":", "..", ".",
  "@[", "@", "||", "|", "∈", "∉", "⊆", "⊂", "∩", "∪", "×", "·", "↑", "&&", "!", "$", "∣", "⬝", "⊗", "∑", "∏",
  "≈", "≃", "⋊", "#", "?", ";", "λ", "Π", "Σ", "∅",
].slice().sort((a, b) => Array.from(b).length - Array.from(a).length);

/** Symbols by their first character (longest first), for the lexer. */
export const SYMBOLS_BY_FIRST: ReadonlyMap<string, ReadonlyArray<{ text: string; chars: string[] }>> = (() => {
  const m = new Map<string, Array<{ text: string; chars: string[] }>>();
  for (const s of SYMBOLS) {
    const chars = Array.from(s);
    const first = chars[0] as string;
    if (!m.has(first)) m.set(first, []);
    m.get(first)!.push({ text: s, chars });
  }
  return m;
})();

/** Words that are tokens, not identifiers. Command keywords end a statement. */
export const COMMAND_KEYWORDS: ReadonlySet<string> = new Set([
  "theorem", "lemma", "def", "abbrev", "instance", "example", "structure", "class", "inductive",
  "namespace", "section", "end", "open", "variable", "universe", "attribute", "set_option",
  "noncomputable", "private", "protected", "public", "import", "module", "axiom", "opaque",
  "macro", "syntax", "notation", "infix", "infixl", "infixr", "prefix", "postfix", "macro_rules",
  "elab", "deriving", "mutual", "local", "scoped", "termination_by", "decreasing_by", "partial",
  "unsafe", "nonrec", "where", "export", "omit", "include", "meta", "extends",
]);

export const TERM_KEYWORDS: ReadonlySet<string> = new Set([
  "fun", "Type", "Sort", "Prop", "by", "have", "show", "let", "match", "with", "if", "then", "else",
  "do", "at", "from", "in", "calc", "suffices", "return",
]);
