/**
 * Everything the benchmark must undo (servers, databases, temporary folders, child processes), in
 * reverse order of creation. Runs at the normal end, on Ctrl-C / SIGTERM, and from the watchdog.
 */
type Task = { name: string, run: () => Promise<unknown> | unknown }

const tasks: Task[] = []
/** Process groups of children still alive; killed synchronously even if the process dies abruptly. */
const processGroups = new Set<number>()

export function defer (name: string, run: Task['run']): () => Promise<void> {
  const task: Task = { name, run }
  tasks.push(task)
  return async () => {
    const index = tasks.indexOf(task)
    if (index === -1) return
    tasks.splice(index, 1)
    await task.run()
  }
}

/** Like `defer`, for something that usually finishes on its own: the returned function drops the task unrun. */
export function deferUnlessDone (name: string, run: Task['run']): () => void {
  const task: Task = { name, run }
  tasks.push(task)
  return () => {
    const index = tasks.indexOf(task)
    if (index !== -1) tasks.splice(index, 1)
  }
}

export async function runCleanup () {
  while (tasks.length > 0) {
    const task = tasks.pop()!
    try {
      await withTimeout(Promise.resolve(task.run()), 20_000, task.name)
    } catch (error) {
      console.error(`cleanup: ${task.name} failed: ${(error as Error).message}`)
    }
  }
}

export function trackProcessGroup (pid: number) {
  processGroups.add(pid)
  return () => processGroups.delete(pid)
}

export function killProcessGroupsNow () {
  for (const pid of processGroups) {
    try { process.kill(-pid, 'SIGKILL') } catch { /* already gone */ }
  }
  processGroups.clear()
}

export function withTimeout<T> (promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

let installed = false
/** Ctrl-C, SIGTERM and the watchdog all end the same way: undo everything, then exit. */
export function installSignalHandlers (watchdogSeconds: number) {
  if (installed) return () => {}
  installed = true
  let stopping = false
  const stop = async (why: string, code: number) => {
    if (stopping) return
    stopping = true
    console.error(`\n${why}: cleaning up…`)
    killProcessGroupsNow()
    await runCleanup()
    process.exit(code)
  }
  process.once('SIGINT', () => void stop('interrupted', 130))
  process.once('SIGTERM', () => void stop('terminated', 143))
  process.on('exit', killProcessGroupsNow)
  const watchdog = setTimeout(() => void stop(`watchdog: the benchmark ran longer than ${watchdogSeconds} s`, 1), watchdogSeconds * 1000)
  return () => clearTimeout(watchdog)
}
