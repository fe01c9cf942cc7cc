/** The report stage's public exports. */
export { writeReports, DEFAULT_FILES, REPORT_FILES, type WriteReportsOptions, type WriteReportsResult } from "./write.js";
export { buildReport, incompleteReport, type BuildInput } from "./build.js";
export { decideVerdict, summarizeNumeric, type VerdictInput, type VerdictResult } from "./verdict.js";
export { crossCheck } from "./crosscheck.js";
export { assessDeclaration, indexProofs, importClosure } from "./evidence.js";
export { normalizeStatement, statementHash } from "./fingerprint.js";
export { pinText, type PinChange } from "./pin.js";
export { renderMarkdown } from "./markdown.js";
export { renderHtml, renderGraphSvg } from "./html.js";
export { layoutGraph, type GraphLayout } from "./layout.js";
export type * from "./types.js";
