/**
 * Fetches the parser's test corpus of public Lean files (`test/fixtures/lean-corpus/manifest.json`)
 * into `test/fixtures/lean-corpus/<owner>/<repo>/<path>`, with each repository's LICENSE.
 * The files are third-party code: they are test data, fetched, not committed.
 *
 * Sources, in order: a local git mirror (`--mirror-root DIR`, default `/work/.mirror`, holding
 * `<owner>+<repo>/repo`), else `https://raw.githubusercontent.com/<owner>/<repo>/<commit>/<path>`.
 * Every file is checked against the manifest's SHA-256. Run with `npx tsx scripts/fetch-lean-corpus.ts`.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { readCorpusManifest } from "./lean-corpus.js";


const root = path.resolve(import.meta.dirname, "..");
const corpus = path.join(root, "test/fixtures/lean-corpus");
const manifest = readCorpusManifest(corpus);
const flag = process.argv.indexOf("--mirror-root");
const mirrorRoot = flag >= 0 ? (process.argv[flag + 1] ?? "/work/.mirror") : "/work/.mirror";

async function get(repo: string, commit: string, file: string): Promise<Buffer> {
  const mirror = path.join(mirrorRoot, repo.replace("/", "+"), "repo");
  if (existsSync(mirror)) return execFileSync("git", ["--git-dir", mirror, "show", `${commit}:${file}`], { maxBuffer: 64 << 20 });
  const res = await fetch(`https://raw.githubusercontent.com/${repo}/${commit}/${file}`);
  if (!res.ok) throw new Error(`${repo}@${commit}:${file}: HTTP ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

let failures = 0;
const licences = new Set<string>();
for (const e of manifest.files) {
  const target = path.join(corpus, e.repo, e.path);
  try {
    const data = await get(e.repo, e.commit, e.path);
    const sha = createHash("sha256").update(data).digest("hex");
    if (sha !== e.sha256) throw new Error(`SHA-256 ${sha} differs from the manifest's ${e.sha256}`);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, data);
    if (!licences.has(e.repo)) {
      licences.add(e.repo);
      writeFileSync(path.join(corpus, e.repo, "LICENSE"), await get(e.repo, e.commit, "LICENSE"));
    }
  } catch (err) {
    failures++;
    console.error(`error: ${e.repo}/${e.path}: ${err instanceof Error ? err.message : String(err)}`);
  }
}
console.log(`${manifest.files.length - failures} of ${manifest.files.length} corpus files in ${path.relative(root, corpus)}`);
process.exit(failures > 0 ? 1 : 0);
