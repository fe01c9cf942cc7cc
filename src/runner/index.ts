/**
 * The numeric runner's public API: check the library's statements, run one generated property,
 * and the data contract of `out/numeric.json`.
 */
export { checkAll, checkNumericOnly, checkOne, checkSource, loadModule, writeGenTsconfig, DEFAULT_RUNS, DEFAULT_CONJECTURE_RUNS, type DriverOptions } from "./driver.js";
export { runWith, evaluate, environmentArbitrary, DEFAULT_TIME_LIMIT_MS, type RunOptions, type Evaluation } from "./check.js";
export { Runtime, DEFAULT_BUDGETS, type Budgets, type Scalar, type V, type TypeArg } from "./runtime.js";
export { selectDeclarations, type Selected } from "./select.js";
export { readLibrary } from "./library.js";
export { handWrittenProperties } from "./handwritten.js";
export { numericOnlyProperties } from "./numeric-only.js";
export type { AssignmentSpec, Env, PremiseKind, PremiseSpec, PropertyMeta, PropertyModule, VariableSpec } from "./property.js";
export type { NumericFile, NumericRecord, NumericStatus } from "./types.js";
