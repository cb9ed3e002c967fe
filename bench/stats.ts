/** Small helpers of the bench: quantiles, timing of child processes, number formats. */
import {spawnSync, type SpawnSyncOptions} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {performance} from 'node:perf_hooks'
import {packageRoot} from '../src/package-root.js'

/**
 * Peak resident memory of this process, in bytes. On Linux, VmHWM of /proc/self/status:
 * `process.resourceUsage().maxRSS` (getrusage) keeps, across the exec that starts a child
 * process, the peak of the process it was forked from, so a child of the bench would report
 * at least the bench's own memory.
 */
export function peakRss(): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))
    if (match) return Number(match[1]) * 1024
  } catch {
    // Not Linux.
  }
  return process.resourceUsage().maxRSS * 1024
}

export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN
}

export const median = (values: readonly number[]): number => quantile(values, 0.5)

export const fixed = (value: number, digits = 1): string => (Number.isFinite(value) ? value.toFixed(digits) : '–')

export const megabytes = (bytes: number): string => `${(bytes / 1048576).toFixed(0)} MB`

export interface ChildRun {
  /** Wall time of the whole process, spawn to exit, in milliseconds. */
  readonly wallMs: number
  /** Peak resident memory of the process, in bytes (when measured). */
  readonly maxRss: number | undefined
  /** CPU time of the process, all threads, in milliseconds (when measured). */
  readonly cpuMs?: number | undefined
  readonly status: number | null
  readonly stdout: string
  readonly stderr: string
}

/** Run a command to completion and time it (whole process, as a user sees it). */
export function timeCommand(command: string, args: readonly string[], options: SpawnSyncOptions = {}): ChildRun {
  const before = performance.now()
  const result = spawnSync(command, [...args], {encoding: 'utf8', maxBuffer: 1 << 30, ...options})
  const wallMs = performance.now() - before
  if (result.error) throw result.error
  return {wallMs, maxRss: undefined, status: result.status, stdout: String(result.stdout ?? ''), stderr: String(result.stderr ?? '')}
}

/**
 * Run a Node script (`bin/coquille.js …`) in a child process through `dist/bench/child-rss.js`,
 * which loads it in the same process and records the peak resident memory at exit.
 */
export function timeNodeScript(script: string, args: readonly string[], options: SpawnSyncOptions = {}): ChildRun {
  const folder = mkdtempSync(join(tmpdir(), 'coquille-bench-'))
  const report = join(folder, 'rss.json')
  try {
    const run = timeCommand(process.execPath, [join(packageRoot, 'dist', 'bench', 'child-rss.js'), report, script, ...args], options)
    let measured: {maxRss?: number; cpuMs?: number} = {}
    try {
      measured = JSON.parse(readFileSync(report, 'utf8')) as {maxRss: number; cpuMs: number}
    } catch {
      // The process died before writing it.
    }
    return {...run, maxRss: measured.maxRss, cpuMs: measured.cpuMs}
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
}
