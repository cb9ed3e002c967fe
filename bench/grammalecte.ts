/**
 * Grammalecte, the reference French checker, on the same files: its command line
 * (`grammalecte-cli`, Debian/Ubuntu package `grammalecte-cli`:
 * `sudo apt-get install grammalecte-cli`; or set GRAMMALECTE_CLI to its path). The bench
 * skips it, and says so, when it is absent.
 */
import {spawnSync} from 'node:child_process'
import {median, timeCommand} from './stats.js'

export const grammalecteInstall = 'sudo apt-get update && sudo apt-get install -y grammalecte-cli (or set GRAMMALECTE_CLI to its path)'

/** The command, or undefined when it is not installed. */
export function findGrammalecte(): string | undefined {
  const command = process.env['GRAMMALECTE_CLI'] ?? 'grammalecte-cli'
  const probe = spawnSync(command, ['-h'], {encoding: 'utf8'})
  return probe.error || probe.status !== 0 ? undefined : command
}

/** Whole-process time of checking one file (JSON output, spelling included as by default). */
export function grammalecteRun(command: string, path: string): number {
  const run = timeCommand(command, ['-f', path, '-j'])
  if (run.status !== 0) throw new Error(`${command} -f ${path} failed: ${run.stderr.split('\n')[0]}`)
  return run.wallMs
}

export function grammalecteColdStart(command: string, path: string, runs: number): number[] {
  const times: number[] = []
  for (let run = 0; run < runs; run++) times.push(grammalecteRun(command, path))
  return times
}

/** Checking time of a file, with the start-up (median run on a one-word file) taken off. */
export function grammalecteCheckMs(command: string, path: string, startup: readonly number[]): number {
  return grammalecteRun(command, path) - median(startup)
}
