export { catalogue, messageText, type Code, type MessageArgs } from "./catalogue.js";
export {
  diagnostic,
  fail,
  formatDiagnostic,
  formatPosition,
  ok,
  type Diagnostic,
  type DiagnosticSeverity,
  type Range,
  type Result,
} from "./diagnostic.js";
