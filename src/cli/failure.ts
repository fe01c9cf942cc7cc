/**
 * What a command prints for an error a stage threw instead of returning an exit code. A file-system
 * error (Node's `code` and `path`) is a problem of the machine, not of the project: its message,
 * which names the file and what failed, without a stack. Anything else is an internal error, with
 * its stack for a bug report.
 */
export function failureMessage(where: string, e: unknown): string {
  const sys = e as NodeJS.ErrnoException | undefined;
  if (sys instanceof Error && typeof sys.code === "string" && typeof sys.path === "string") return `error in ${where}: ${sys.message}`;
  return `internal error in ${where}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
}
