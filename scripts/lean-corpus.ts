/**
 * The manifest of the public Lean corpus (`test/fixtures/lean-corpus/manifest.json`): the files
 * `scripts/fetch-lean-corpus.ts` fetches and the parser's corpus test reads.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

/** One public file: where it comes from, its licence, its hash and its declaration count. */
export interface CorpusEntry {
  repo: string;
  commit: string;
  path: string;
  licence: string;
  sha256: string;
  declarations: number;
}

export function readCorpusManifest(corpus: string): { files: CorpusEntry[] } {
  return JSON.parse(readFileSync(path.join(corpus, "manifest.json"), "utf8")) as { files: CorpusEntry[] };
}
