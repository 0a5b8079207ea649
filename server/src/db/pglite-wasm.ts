import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

type WasmModule = WebAssembly.Module

// Reads and compiles the file on the worker's thread and posts the compiled module back (V8 shares
// the compiled code between threads); plain CommonJS, so it runs the same from source and from dist.
const compileOnWorker = `
const { parentPort, workerData } = require('node:worker_threads')
WebAssembly.compile(require('node:fs').readFileSync(workerData)).then((module) => parentPort.postMessage(module))
`

let compiling: Promise<WasmModule> | undefined

/**
 * PGlite's 9 MB of WebAssembly, compiled once per process on a thread of its own. PGlite would read and
 * compile it on the main thread when a database is created, and wait for V8's compiler threads:
 * 0.15–0.2 s of the server's start. The server calls this before loading its other modules, so the
 * compilation runs while the main thread loads them; a process that opens several databases (the
 * tests) compiles once.
 */
export function compilePgliteWasm (): Promise<WasmModule> {
  compiling ??= new Promise<WasmModule>((resolve, reject) => {
    const path = createRequire(import.meta.url).resolve('@electric-sql/pglite/pglite.wasm')
    const worker = new Worker(compileOnWorker, { eval: true, workerData: path })
    worker.once('message', (module: WasmModule) => {
      resolve(module)
      void worker.terminate()
    })
    worker.once('error', reject)
    worker.once('exit', (code) => reject(new Error(`compiling PGlite's WebAssembly stopped (exit code ${code})`)))
  })
  return compiling
}
