/**
 * The command's articles linted on worker threads (`maxWorkers`, on machines of four cores
 * or more; see `workerCount`), for runs of many articles: each thread runs unified-engine
 * with the same options as the main thread would, on the batches of articles the main
 * thread hands out, and sends back each file's path and messages; the main thread rebuilds
 * the files and reports them as before (docs/design-notes.md, section 17).
 *
 * Only plain lint runs take this path (no `--fix`, `--fix-dry-run` or `--cache`, no stdin,
 * no file large enough to be linted in sections): everything else stays on the main
 * thread. A batch that comes back with anything but rule findings (an unreadable file, a
 * configuration error, a rule that threw) makes the whole run start again on the main
 * thread, so errors are reported exactly as without workers. Messages are plain data, and
 * the report sorts files by path: the output is the same as a run on one thread.
 */
import {availableParallelism} from 'node:os'
import type {Worker as WorkerThread} from 'node:worker_threads'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {builtin} from '../lazy.js'

const workerThreads = builtin<typeof import('node:worker_threads')>('node:worker_threads')

/** Set in a worker's environment: the command's module then looks for its job. */
export const workerVariable = 'COQUILLE_LINT_WORKER'

/** Workers at most: each holds its own lexicons and compiled code (some 50 MB). */
export const maxWorkers = 2
/** Below this many articles, starting a worker (its own start-up and warm-up) costs more than it saves. */
export const fewestArticles = 48

/** The articles of one configuration group: what a batch is cut from. */
export interface Group {
  readonly configPath: string | undefined
  readonly paths: readonly string[]
}

/** What a worker is started with. */
export interface WorkerJob {
  readonly coquilleLintWorker: true
  readonly argv: readonly string[]
  readonly cwd: string
}

export interface Batch {
  readonly configPath: string | undefined
  readonly paths: readonly string[]
}

/** A file as it crosses threads: what the reports and exit code read. */
export interface SentFile {
  readonly cwd: string
  readonly history: string[]
  readonly messages: Array<Record<string, unknown>>
}

export type WorkerReply = {readonly type: 'files'; readonly files: SentFile[]} | {readonly type: 'unusual'; readonly why: string}

/**
 * How many threads to lint on: none (undefined) when the run is small, when the machine
 * has one core, or when COQUILLE_WORKERS says so (0 or 1: the main thread only; n: n
 * workers, for tests and measurements).
 */
export function workerCount(articles: number, env: NodeJS.ProcessEnv = process.env): number | undefined {
  const asked = env.COQUILLE_WORKERS
  if (asked !== undefined && asked !== '') {
    const count = Number(asked)
    return Number.isInteger(count) && count > 1 ? Math.min(count, 16) : undefined
  }
  // On two cores the second one is already V8's: its optimizing compiler takes 1.2 to 2 s
  // of CPU beside the main thread over 1,000 articles, and each worker compiles and warms
  // up the same code again (+40 % CPU in all). Measured on two cores, workers were no
  // faster (2 to 4 runs each, load 4: 3.1 to 4.3 s against 3.1 to 4.9 s): they start from
  // four cores, where both workers and their compilers have one.
  if (articles < fewestArticles || availableParallelism() < 4) return undefined
  return maxWorkers
}

/** Batches of at most `size` articles, each within one configuration group. */
export function batchesOf(groups: readonly Group[], size: number): Batch[] {
  const batches: Batch[] = []
  for (const group of groups) {
    for (let start = 0; start < group.paths.length; start += size) batches.push({configPath: group.configPath, paths: group.paths.slice(start, start + size)})
  }
  return batches
}

/** A file's data for the main thread, or why it cannot be sent as plain findings. */
export function sentFile(file: VFile): SentFile | string {
  const messages: Array<Record<string, unknown>> = []
  for (const message of file.messages) {
    // Engine errors (no rule) and rules that threw keep their causes: the main thread
    // reports them itself.
    if (!message.ruleId) return `message sans règle sur ${file.path}`
    if (message.cause !== undefined || message.ancestors !== undefined) return `message avec une cause sur ${file.path}`
    messages.push({...message})
  }
  return {cwd: file.cwd, history: [...file.history], messages}
}

/** The file rebuilt on the main thread: a VFile with VFileMessages, fields in their order. */
export function receivedFile(sent: SentFile): VFile {
  const file = new VFile({cwd: sent.cwd})
  file.history = sent.history
  // The stack trace V8 would capture for each message is thrown away (see rules/kit.ts).
  const stackTraceLimit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    file.messages = sent.messages.map((fields) => Object.assign(new VFileMessage(''), fields))
  } finally {
    Error.stackTraceLimit = stackTraceLimit
  }
  return file
}

/**
 * Lint the groups' articles on `count` workers running `entry` (the command's module);
 * resolves to the linted files, or to undefined when a worker met something the main
 * thread must report itself (then nothing of the workers' work is kept).
 */
export async function lintInWorkers(entry: URL, job: Omit<WorkerJob, 'coquilleLintWorker'>, groups: readonly Group[], count: number): Promise<VFile[] | undefined> {
  const total = groups.reduce((sum, group) => sum + group.paths.length, 0)
  // Small batches balance the threads (one may be slowed by other processes); each costs
  // one engine run (a few hundred microseconds) and one message each way.
  const size = Math.max(4, Math.min(32, Math.ceil(total / (count * 12))))
  const queue = batchesOf(groups, size)
  const received: VFile[] = []
  const workers: WorkerThread[] = []
  try {
    const complete = await new Promise<boolean>((resolve) => {
      let running = count
      for (let index = 0; index < count; index++) {
        const workerData: WorkerJob = {coquilleLintWorker: true, argv: job.argv, cwd: job.cwd}
        const worker = new (workerThreads().Worker)(entry, {workerData, env: {...process.env, [workerVariable]: '1'}})
        workers.push(worker)
        let pending = 0
        const send = (): void => {
          const batch = queue.shift()
          if (batch === undefined) return
          pending++
          worker.postMessage(batch)
        }
        // Two batches ahead: a worker never waits for the main thread between batches.
        send()
        send()
        if (pending === 0 && --running === 0) resolve(true)
        worker.on('message', (reply: WorkerReply) => {
          pending--
          if (reply.type === 'unusual') return resolve(false)
          for (const sent of reply.files) received.push(receivedFile(sent))
          send()
          if (pending === 0 && --running === 0) resolve(true)
        })
        worker.on('error', () => resolve(false))
        worker.on('exit', () => {
          if (pending > 0) resolve(false)
        })
      }
    })
    return complete ? received : undefined
  } finally {
    for (const worker of workers) void worker.terminate()
  }
}

/** The worker's side: lint each batch it is sent and send the files back. */
export async function serveLintBatches(lintBatch: (batch: Batch) => Promise<VFile[]>): Promise<void> {
  const port = workerThreads().parentPort!
  // Batches are linted one after the other, in the order they come.
  let chain = Promise.resolve()
  port.on('message', (batch: Batch) => {
    chain = chain.then(async () => {
      let reply: WorkerReply
      try {
        const files: SentFile[] = []
        reply = {type: 'files', files}
        for (const file of await lintBatch(batch)) {
          const sent = sentFile(file)
          if (typeof sent === 'string') {
            reply = {type: 'unusual', why: sent}
            break
          }
          files.push(sent)
        }
      } catch (error) {
        reply = {type: 'unusual', why: String((error as Error)?.message ?? error)}
      }
      port.postMessage(reply)
    })
  })
}
