/**
 * Every temporary folder the tests make (theirs, and those of the commands they spawn) goes
 * under one folder per run, removed at the end: tests that fail half-way, or that are killed,
 * leave nothing behind in the system's temporary folder after the next clean run.
 */
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

export default function setup(): () => void {
  const folder = mkdtempSync(join(tmpdir(), 'coquille-tests-'))
  // os.tmpdir() reads TMPDIR on each call; the test processes inherit it.
  process.env['TMPDIR'] = folder
  return () => rmSync(folder, {recursive: true, force: true})
}
