/**
 * `--fix` never leaves a half-written article: the command is killed (SIGKILL, no chance
 * to clean up) at random moments, most of them while it writes, and the article is always
 * exactly the old text or the fixed one. Writes go through src/io/write.ts: a temporary
 * file beside the article, flushed to disk, then renamed over it. A kill before the rename
 * leaves that temporary file behind (`.NAME.coquille-XXXX.tmp`, hidden, never taken for an
 * article); a normal run leaves none.
 */
import {spawn} from 'node:child_process'
import {mkdtempSync, readFileSync, readdirSync, rmSync, statSync, watch, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

const bin = join(import.meta.dirname, '..', '..', 'bin', 'coquille.js')
let folder: string
const path = (): string => join(folder, 'article.html')

// About 1 MB, cheap to lint (the script is not prose) but long to write, with two safe fixes.
const original =
  '<h1>Titre</h1>\n<p>Il a vu le le chat.</p>\n<script>\n' +
  'var note = "le le"; // données sans intérêt pour le correcteur\n'.repeat(16_000) +
  '</script>\n<p>Il a vu de de la fenêtre le le chat.</p>\n'

interface Outcome {
  readonly content: string
  readonly temporaries: Array<{name: string; size: number}>
  readonly code: number | null
}

function temporaries(): Array<{name: string; size: number}> {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.tmp'))
    .map((name) => ({name, size: statSync(join(folder, name)).size}))
}

/** Run `--fix`; kill it `delay` ms after its temporary file appears, or at `at` ms from the start. */
async function fixAndKill(kill: {afterTemporary?: number; at?: number}): Promise<Outcome> {
  writeFileSync(path(), original)
  for (const {name} of temporaries()) rmSync(join(folder, name))
  const child = spawn(process.execPath, [bin, '--fix', 'article.html'], {cwd: folder, stdio: 'ignore'})
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve))
  const watcher = watch(folder, (_event, name) => {
    if (kill.afterTemporary !== undefined && name?.endsWith('.tmp')) {
      watcher.close()
      setTimeout(() => child.kill('SIGKILL'), kill.afterTemporary)
    }
  })
  const timer = kill.at === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), kill.at)
  const code = await closed
  watcher.close()
  clearTimeout(timer)
  return {content: readFileSync(path(), 'utf8'), temporaries: temporaries(), code}
}

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'coquille-kill-'))
})
afterAll(() => {
  rmSync(folder, {recursive: true, force: true})
})

describe('--fix killed at random moments', () => {
  it('the article is always the old text or the fixed one, never a mix', async () => {
    // A run to the end: the fixed text, how long it takes, how long the write lasts.
    const started = performance.now()
    let temporaryAt = 0
    let renamedAt = 0
    writeFileSync(path(), original)
    const watcher = watch(folder, (_event, name) => {
      if (name?.endsWith('.tmp') && !temporaryAt) temporaryAt = performance.now()
      if (name === 'article.html' && temporaryAt && !renamedAt) renamedAt = performance.now()
    })
    const child = spawn(process.execPath, [bin, '--fix', 'article.html'], {cwd: folder, stdio: 'ignore'})
    expect(await new Promise((resolve) => child.on('close', resolve))).toBe(0)
    watcher.close()
    const run = performance.now() - started
    const fixed = readFileSync(path(), 'utf8')
    expect(fixed).toBe(original.replace('vu le le chat', 'vu le chat').replace('de de la fenêtre le le', 'de la fenêtre le'))
    expect(temporaries()).toEqual([])
    const write = Math.max(2, renamedAt - temporaryAt)

    const outcomes: Outcome[] = []
    // Most kills fall around the write (from the temporary file's creation to as long
    // again after the rename; measured: half-written, complete but not renamed, renamed);
    // a few anywhere in the run.
    // Kill timing depends on the machine's load: go on (up to 25 kills) until one has landed
    // inside the write, so that the test always proves something.
    const landedInside = (): boolean => outcomes.some((outcome) => outcome.temporaries.length > 0)
    for (let trial = 0; trial < 25 && (trial < 5 || !landedInside()); trial++) {
      outcomes.push(await fixAndKill({afterTemporary: Math.random() * write * (trial < 5 ? 2 : 0.5)}))
    }
    outcomes.push(await fixAndKill({at: Math.random() * run}))

    for (const outcome of outcomes) {
      expect(outcome.content === original || outcome.content === fixed).toBe(true)
      // A temporary file left behind means the kill came before the rename: the old text.
      if (outcome.temporaries.length > 0) expect(outcome.content).toBe(original)
      for (const temporary of outcome.temporaries) expect(temporary.name).toMatch(/^\.article\.html\.coquille-[0-9a-f]{12}\.tmp$/)
    }
    // The kills did land inside the write at least once (else this test proves little).
    expect(outcomes.filter((outcome) => outcome.temporaries.length > 0).length).toBeGreaterThan(0)
  }, 90_000)

  it('a normal run leaves no temporary file, nor does a refused write', async () => {
    writeFileSync(path(), '<p>Il a vu le le chat.</p>\n')
    const run = (args: string[]): Promise<number | null> => new Promise((resolve) => spawn(process.execPath, [bin, ...args], {cwd: folder, stdio: 'ignore'}).on('close', resolve))
    expect(await run(['--fix', 'article.html'])).toBe(0)
    expect(await run(['--fix', 'article.html'])).toBe(0)
    expect(await run(['--report', 'json', '--report-file', 'missing/report.json', 'article.html'])).toBe(2)
    expect(temporaries()).toEqual([])
  }, 20_000)
})
