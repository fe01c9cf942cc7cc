/** The claims registry's public exports. */
export { loadRegistry, parseRegistry, findCycle, CLAIM_KINDS, DECL_ROLES, VERDICTS, TRUTHS, CLAIM_ID_RE, type LoadResult, type RegistryPositions } from "./load.js";
export { DIAGNOSTIC_CODES, formatDiagnostic, fileStart, type Diagnostic, type DiagnosticCode, type SourceRange } from "./diagnostics.js";
export { checkInstantiate, type InstantiateContext } from "./instantiate.js";
export { parseJson, toValue, type JsonNode } from "./json.js";
export type * from "./types.js";
