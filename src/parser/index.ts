/**
 * The statement parser's public API.
 */
import type { Result } from "../diagnostics/index.js";
import type { Declaration, Expr } from "./ast.js";
import { Parser } from "./parser.js";
import { lineOffset, sourceText, type SourceText } from "./source.js";

export type { Binder, BinderStyle, BinaryOp, Declaration, DeclKeyword, Expr, ExprKind, ExprOf, Field, NamedArg, PostfixOp, SortKind, UnaryOp } from "./ast.js";
export { children, freeIdents, nodes, statementBinders, unparen, walk } from "./traverse.js";
export { sourceText, lineText, type SourceText } from "./source.js";
export { tokenize } from "./lexer.js";
export { printExpr, printBinder, printDeclaration } from "./print.js";
export { scanLibrary, scanFile, type LibraryDeclaration, type Library } from "./scan.js";
export { returnsProp } from "./parser.js";

/** Parses a whole text as one term (fixtures, tests). */
export function parseTerm(text: string, file = "<input>"): Result<Expr> {
  const src = sourceText(file, text);
  return Parser.run(() => {
    const p = new Parser(src);
    const e = p.term(0);
    p.expectEnd();
    return e;
  });
}

/** Parses the declaration that starts at 1-based `line` of a source (doc comment included when it starts there). */
export function parseDeclarationAt(src: SourceText, line: number): Result<Declaration> {
  return Parser.run(() => new Parser(src, lineOffset(src, line)).declarationOnLine(line));
}

/** Parses the declaration at code-point offset `offset`. */
export function parseDeclarationAtOffset(src: SourceText, offset: number): Result<Declaration> {
  return Parser.run(() => new Parser(src, offset).declaration());
}

/** Parses a text holding exactly one declaration (header, and body for a `def … : Prop`). */
export function parseDeclaration(text: string, file = "<input>"): Result<Declaration> {
  const src = sourceText(file, text);
  return Parser.run(() => new Parser(src).declaration());
}
