export { Compiler, type Helper, type Local, type Scope } from "./compile.js";
export { emitModule, generatedPath, moduleStructure, GENERATOR } from "./emit.js";
export { planDeclaration, type Plan, type PlanAssignment, type PlanPremise, type PlanVariable } from "./plan.js";
export { jsName, printTs, type Ts } from "./tsexpr.js";
export { typeSpecOf } from "./types.js";
