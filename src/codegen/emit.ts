/**
 * Emits a plan as a TypeScript module built from ts-morph structures. The output is
 * byte-for-byte deterministic (no timestamps, stable ordering) and type-checks under the
 * project's strict compiler options.
 */
import path from "node:path";
import {
  IndentationText,
  Project,
  StructureKind,
  VariableDeclarationKind,
  type FunctionDeclarationStructure,
  type ImportDeclarationStructure,
  type InterfaceDeclarationStructure,
  type SourceFileStructure,
  type VariableStatementStructure,
  type WriterFunction,
} from "ts-morph";
import type { TypeSpec } from "../semantics/types.js";
import type { Plan } from "./plan.js";
import { id, lit, obj, printTs, str, type Ts } from "./tsexpr.js";

export const GENERATOR = "src/codegen/emit.ts";

/** `gen/Sym/Autoencoder/Scaling/four_mul_le_scaledPenalty_sq.ts` for a declaration. */
export function generatedPath(plan: Plan): string {
  const module = plan.file.replace(/^lean\//, "").replace(/\.lean$/, "");
  const last = plan.declaration.split(".").pop() ?? plan.declaration;
  const safe = last.replace(/[^\p{L}\p{N}_]/gu, (c) => `_${(c.codePointAt(0) ?? 0).toString(16)}_`);
  return path.posix.join("gen", module, `${safe}.ts`);
}

function typeData(t: TypeSpec): Ts {
  const dim = (d: string | number): Ts => (typeof d === "number" ? lit(d) : str(d));
  switch (t.k) {
    case "fin":
    case "vec":
      return obj([["k", str(t.k)], ["n", dim(t.n)]]);
    case "mat":
      return obj([["k", str("mat")], ["m", dim(t.m)], ["n", dim(t.n)]]);
    case "params":
      return obj([["k", str(t.k)], ["widths", dim(t.widths)], ...(t.input === undefined ? [] : [["input", dim(t.input)] as [string, Ts]])]);
    case "layerGroup":
      return obj([["k", str(t.k)], ["widths", dim(t.widths)]]);
    case "list":
      return obj([["k", str("list")], ["of", typeData(t.of)]]);
    case "fn":
      return obj([["k", str("fn")], ["from", { k: "arr", elems: t.from.map(typeData) }], ["to", typeData(t.to)]]);
    default:
      return obj([["k", str(t.k)]]);
  }
}

/** A data array, one element a line (a ts-morph writer, so indentation is the printer's). */
function printRows(rows: Ts[]): string | WriterFunction {
  if (rows.length === 0) return "[]";
  return (w) => {
    w.write("[").newLine();
    w.indent(() => {
      for (const r of rows) w.writeLine(`${printTs(r)},`);
    });
    w.write("]");
  };
}

function exportedConst(name: string, type: string, init: string | WriterFunction, docs?: string[]): VariableStatementStructure {
  const s: VariableStatementStructure = {
    kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [{ kind: StructureKind.VariableDeclaration, name, type, initializer: init }],
  };
  if (docs) s.docs = docs;
  return s;
}

function envFunction(name: string, returnType: string, body: Ts, doc: string): FunctionDeclarationStructure {
  return {
    kind: StructureKind.Function,
    name,
    docs: [doc],
    parameters: [
      { kind: StructureKind.Parameter, name: "$", type: "Runtime" },
      { kind: StructureKind.Parameter, name: "v", type: "Env" },
    ],
    returnType,
    statements: [`return ${printTs(body)};`],
  };
}

function escapeDoc(s: string): string {
  return s.replace(/\*\//g, "*\\/");
}

/** The module's structure. */
export function moduleStructure(plan: Plan, outFile: string): SourceFileStructure {
  const toRoot = path.posix.relative(path.posix.dirname(outFile), ".") || ".";
  const imports: ImportDeclarationStructure[] = [
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: `${toRoot}/src/runner/property.js`,
      namedImports: ["AssignmentSpec", "PremiseSpec", "PropertyMeta", "VariableSpec"],
    },
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: `${toRoot}/src/runner/runtime.js`,
      namedImports: ["Runtime", "V"],
    },
  ];
  const env: InterfaceDeclarationStructure = {
    kind: StructureKind.Interface,
    name: "Env",
    isExported: true,
    docs: ["The statement's variables."],
    properties: plan.variables.map((p) => ({
      kind: StructureKind.PropertySignature,
      name: p.key,
      type: "V",
      docs: [escapeDoc(`\`${p.name} : ${p.lean}\``)],
    })),
  };
  const meta = obj([
    ["declaration", str(plan.declaration)],
    ["claimId", plan.claimId ? str(plan.claimId) : { k: "id", name: "null" }],
    ["source", str(`${plan.file}:${plan.line}`)],
    ["mode", str(plan.mode)],
    ["statement", str(plan.statement)],
  ]);
  const helpers: FunctionDeclarationStructure[] = plan.helpers.map((h) => ({
    kind: StructureKind.Function,
    name: h.js,
    docs: [escapeDoc(`\`${h.name}\` (${h.source}): \`${h.lean}\``)],
    parameters: [
      { kind: StructureKind.Parameter, name: "$", type: "Runtime" },
      ...h.params.map((p) => ({ kind: StructureKind.Parameter as const, name: p, type: "V" })),
    ],
    returnType: h.returnsBool ? "boolean" : "V",
    statements: [...h.lets.map(([n, e]) => `const ${n} = ${printTs(e)};`), `return ${printTs(h.body)};`],
  }));
  const premiseFns: FunctionDeclarationStructure[] = plan.premises.map((p) =>
    p.kind === "contrapositive"
      ? envFunction(p.js, "boolean", p.violated ?? lit(false), escapeDoc(`A witness that violates \`${p.name} : ${p.lean}\`.`))
      : envFunction(p.js, "boolean", p.holds ?? lit(false), escapeDoc(`\`${p.name} : ${p.lean}\``)),
  );
  const assignFns: FunctionDeclarationStructure[] = plan.assignments.map((a) => envFunction(a.js, "V", a.value, `The value of \`${a.key}\` fixed by its equation premise.`));
  const conclusion: FunctionDeclarationStructure = {
    ...envFunction("conclusion", "boolean", plan.conclusion, escapeDoc(`\`${plan.conclusionLean}\``)),
    isExported: true,
  };
  const variables = printRows(
    plan.variables.map((p) =>
      obj([
        ["name", str(p.name)],
        ["key", str(p.key)],
        ["type", typeData(p.type)],
        ["constraint", str(p.constraint)],
        ["lean", str(p.lean)],
      ]),
    ),
  );
  const premises = printRows(
    plan.premises.map((p) =>
      obj([
        ["name", str(p.name)],
        ["kind", str(p.kind)],
        ["lean", str(p.lean)],
        [p.kind === "contrapositive" ? "violated" : "holds", id(p.js)],
      ]),
    ),
  );
  const assignments = printRows(plan.assignments.map((a) => obj([["key", str(a.key)], ["value", id(a.js)]])));
  return {
    kind: StructureKind.SourceFile,
    leadingTrivia: `// DO NOT EDIT — generated by ${GENERATOR} from ${plan.file}:${plan.line}\n\n`,
    statements: [
      ...imports,
      env,
      exportedConst("meta", "PropertyMeta", printTs(meta)),
      ...helpers,
      ...assignFns,
      ...premiseFns,
      conclusion,
      exportedConst("variables", "readonly VariableSpec[]", variables),
      exportedConst("assignments", "readonly AssignmentSpec<Env>[]", assignments),
      exportedConst("premises", "readonly PremiseSpec<Env>[]", premises),
    ],
  };
}

/** The module text (deterministic). */
export function emitModule(plan: Plan, outFile = generatedPath(plan)): string {
  const project = new Project({ useInMemoryFileSystem: true, manipulationSettings: { indentationText: IndentationText.TwoSpaces } });
  const sf = project.createSourceFile(outFile, moduleStructure(plan, outFile), { overwrite: true });
  sf.formatText({ indentSize: 2, tabSize: 2, convertTabsToSpaces: true });
  return sf.getFullText();
}
