/**
 * Files the command meets in the wild: a 100 MB file, named pipes, symbolic-link loops,
 * broken links, folders that cannot be read or vanish during the walk. Each is refused
 * with one line and exit code 2, the walk goes on, nothing hangs (a timeout guards every
 * run) and no stack trace is printed. Big files are sparse or generated, never committed.
 */
import {spawn, spawnSync} from 'node:child_process'
import {chmodSync, closeSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, writeSync} from 'node:fs'
import {writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {cli} from './in-process.js'

const bin = join(import.meta.dirname, '..', '..', 'bin', 'coquille.js')
const article = 'Titre\n\nIl a vu le le chat.\n'
let folder: string

interface Run {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

function run(args: string[], options: {node?: string[]; input?: string; timeout?: number} = {}): Run {
  const result = spawnSync(process.execPath, [...(options.node ?? []), bin, ...args], {cwd: folder, input: options.input ?? '', encoding: 'utf8', timeout: options.timeout ?? 20_000})
  return {code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr}
}

/** A refusal: one line of the stylish report naming the file, then its reason. */
function expectClean(result: Run): void {
  expect(result.signal).toBeNull()
  expect(result.stderr).not.toMatch(/\n\s+at |Error:|FATAL/)
}

function sparseFile(path: string, bytes: number): void {
  const descriptor = openSync(path, 'w')
  ftruncateSync(descriptor, bytes)
  closeSync(descriptor)
}

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'coquille-files-'))
})
afterEach(() => {
  // Restore permissions first: a locked folder would stop the clean-up.
  try {
    chmodSync(join(folder, 'articles', 'locked'), 0o755)
  } catch {
    // Not made by this test.
  }
  rmSync(folder, {recursive: true, force: true})
})

describe('--max-file-size', () => {
  it('a 100 MB file is refused before it is read (64 MB of heap would not hold it)', () => {
    sparseFile(join(folder, 'huge.txt'), 100 * 1024 * 1024)
    mkdirSync(join(folder, 'articles'))
    sparseFile(join(folder, 'articles', 'huge.md'), 100 * 1024 * 1024)
    writeFileSync(join(folder, 'articles', 'ok.txt'), article)
    for (const target of ['huge.txt', 'articles', '*.txt']) {
      const result = run(['--report', 'json', target], {node: ['--max-old-space-size=64']})
      expectClean(result)
      expect(result.code).toBe(2)
      const report = JSON.parse(result.stderr) as Array<{path: string; messages: Array<{reason: string; fatal: boolean}>}>
      const refused = report.find((file) => file.path.includes('huge'))!
      expect(refused.messages).toHaveLength(1)
      expect(refused.messages[0]!.reason).toBe('Fichier trop gros (100 Mo > 50 Mo) : non lu (voir --max-file-size).')
    }
    // The walk went on: the article beside the huge one was linted.
    const report = JSON.parse(run(['--report', 'json', 'articles']).stderr) as Array<{path: string; messages: Array<{ruleId?: string}>}>
    expect(report.find((file) => file.path === join('articles', 'ok.txt'))!.messages.map((message) => message.ruleId)).toEqual(['repeated-words'])
  })

  it('the limit is an option, documented, in bytes or with a unit; stdin is checked once read', async () => {
    expect((await cli(['--help'], folder)).stdout).toMatch(/--max-file-size <n>\s+refuser les articles de plus de n octets/)
    writeFileSync(join(folder, 'a.txt'), article)
    const small = await cli(['--max-file-size', '20', 'a.txt'], folder)
    expect(small.code).toBe(2)
    expect(small.stderr).toContain('Fichier trop gros (27 octets > 20 octets) : non lu (voir --max-file-size).')
    expect((await cli(['--max-file-size', '1k', 'a.txt'], folder)).code).toBe(1)
    expect(await cli(['--max-file-size', 'big', 'a.txt'], folder)).toMatchObject({code: 2, stderr: 'coquille: --max-file-size attend une taille en octets, ou avec k, M ou G (par exemple 100M)\n'})
    const piped = await cli(['--max-file-size', '20'], folder, article)
    expect(piped.code).toBe(2)
    expect(piped.stderr).toContain('Fichier trop gros (27 octets > 20 octets) : non analysé (voir --max-file-size).')
  })

  it('raised past what the heap holds, a 40 MB text is linted in sections until its messages would not fit, then stopped with a reason, not a crash', () => {
    const path = join(folder, 'dump.txt')
    const line = Buffer.from('Le ministre a signé un accord avec le Japon, selon l’agence.\n')
    const block = Buffer.alloc(line.length * 16_384, line)
    const descriptor = openSync(path, 'w')
    for (let written = 0; written < 40 * 1024 * 1024; written += block.length) writeSync(descriptor, block)
    closeSync(descriptor)
    // Every line repeats the first of its section: hundreds of thousands of messages. Without
    // the guard this run ends in "JavaScript heap out of memory" (signal, no exit code).
    const result = run(['--max-file-size', '200M', '--report', 'json', '--report-file', 'report.json', 'dump.txt'], {node: ['--max-old-space-size=256'], timeout: 60_000})
    expectClean(result)
    expect(result.code).toBe(2)
    const [report] = JSON.parse(readFileSync(join(folder, 'report.json'), 'utf8')) as Array<{messages: Array<{reason: string; fatal: boolean}>}>
    const stops = report!.messages.filter((message) => message.fatal === true && message.reason.startsWith('Trop de messages'))
    expect(stops).toHaveLength(1)
    expect(stops[0]!.reason).toMatch(/^Trop de messages pour la mémoire de Node \(\d+\) : analyse arrêtée à la ligne \d+ \(découpez le fichier/)
    expect(report!.messages.length).toBeGreaterThan(10_000)
  }, 90_000)

  it('a Markdown or HTML article past what the heap holds is refused with the memory it needs', () => {
    writeFileSync(join(folder, 'dump.md'), 'Le ministre a signé un accord avec le Japon, selon l’agence.\n\n'.repeat(400_000))
    const result = run(['--max-file-size', '200M', 'dump.md'], {node: ['--max-old-space-size=256'], timeout: 30_000})
    expectClean(result)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/Fichier trop gros pour la mémoire de Node \([\d.]+ Go nécessaires, [\d.]+ Mo disponibles\)/)
  }, 40_000)
})

describe('walking folders', () => {
  it('pipes, loops, broken links and unreadable folders: reported, skipped, no hang', () => {
    const articles = join(folder, 'articles')
    mkdirSync(join(articles, 'deep', 'deeper'), {recursive: true})
    writeFileSync(join(articles, 'ok.txt'), article)
    writeFileSync(join(articles, 'deep', 'deeper', 'ok.md'), '# Titre\n\nIl a vu de de la fenêtre.\n')
    // A named pipe: the engine's walk opened it and waited forever for a writer.
    spawnSync('mkfifo', [join(articles, 'pipe.txt')])
    // Two links to parents: the engine's walk went 40 levels deep along every combination.
    symlinkSync('..', join(articles, 'deep', 'deeper', 'up'))
    symlinkSync('../..', join(articles, 'deep', 'deeper', 'top'))
    symlinkSync('nowhere.txt', join(articles, 'broken.txt'))
    symlinkSync('self.txt', join(articles, 'self.txt'))
    symlinkSync('nowhere', join(articles, 'not-an-article'))
    // Unreadable folders: a locked one (root reads it anyway) and one the kernel refuses
    // even to root without CAP_SYS_ADMIN.
    mkdirSync(join(articles, 'locked'))
    writeFileSync(join(articles, 'locked', 'a.txt'), article)
    chmodSync(join(articles, 'locked'), 0)
    symlinkSync('/proc/1/map_files', join(articles, 'kernel'))
    // Which of them this user cannot read (a folder that exists, whose listing fails).
    const unreadable = ['locked', 'kernel'].filter((name) => {
      try {
        if (!statSync(join(articles, name)).isDirectory()) return false
        readdirSync(join(articles, name))
        return false
      } catch (error) {
        return (error as NodeJS.ErrnoException).syscall === 'scandir'
      }
    })

    const result = run(['--report', 'json', 'articles'])
    expectClean(result)
    expect(result.code).toBe(2)
    const report = JSON.parse(result.stderr) as Array<{path: string; messages: Array<{reason: string; ruleId?: string}>}>
    const byPath = Object.fromEntries(report.map((file) => [file.path, file.messages.map((message) => message.ruleId ?? message.reason)]))
    const path = (...parts: string[]): string => join('articles', ...parts)
    const expected: Record<string, string[]> = {
      [path('broken.txt')]: ['Fichier disparu ou lien symbolique cassé (ENOENT) : non lu.'],
      [path('deep', 'deeper', 'ok.md')]: ['repeated-words'],
      [path('deep', 'deeper', 'top')]: ['Lien symbolique vers un dossier parent (boucle) : non parcouru.'],
      [path('deep', 'deeper', 'up')]: ['Lien symbolique vers un dossier parent (boucle) : non parcouru.'],
      [path('ok.txt')]: ['repeated-words'],
      [path('pipe.txt')]: ['Pas un fichier ordinaire (tube nommé) : non lu.'],
      [path('self.txt')]: ['Lien symbolique en boucle (ELOOP) : non lu.'],
    }
    if (unreadable.includes('locked')) expected[path('locked')] = ['Dossier illisible (EACCES) : non parcouru.']
    else expected[path('locked', 'a.txt')] = ['repeated-words']
    if (unreadable.includes('kernel')) expected[path('kernel')] = [expect.stringMatching(/^Dossier illisible \(E[A-Z]+\) : non parcouru\.$/) as unknown as string]
    expect(byPath).toEqual(expected)
  })

  it('the walk keeps the engine’s rules: extensions, node_modules, .coquilleignore (nearest, --ignore-path, --no-ignore)', async () => {
    const files: Record<string, string> = {
      'a.txt': article,
      'notes.json': article,
      'node_modules/x/a.txt': article,
      'drafts/b.md': article,
      'sub/c.html': '<p>Il a vu le le chat.</p>',
      'sub/skip.txt': article,
      'sub/.coquilleignore': 'skip.txt\n',
      '.coquilleignore': 'drafts/\n',
      'other-ignore': 'a.txt\n',
    }
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(join(folder, name, '..'), {recursive: true})
      writeFileSync(join(folder, name), content)
    }
    const linted = async (args: string[]): Promise<string[]> => {
      const result = await cli(['--report', 'json', ...args], folder)
      return (JSON.parse(result.stderr) as Array<{path: string}>).map((file) => file.path).sort()
    }
    // The nearest ignore file applies: sub/.coquilleignore, not the top one, inside sub/.
    expect(await linted(['.'])).toEqual(['a.txt', join('sub', 'c.html')])
    expect(await linted(['--ignore-path', 'other-ignore', '.'])).toEqual([join('drafts', 'b.md'), join('sub', 'c.html'), join('sub', 'skip.txt')])
    expect(await linted(['--no-ignore', '.'])).toEqual(['a.txt', join('drafts', 'b.md'), join('sub', 'c.html'), join('sub', 'skip.txt')])
    // Matches of a glob that an ignore file ignores are skipped (the engine reported them as errors).
    expect(await linted(['**/*.txt'])).toEqual(['a.txt', join('node_modules', 'x', 'a.txt')])
    // Named explicitly: read whatever the extension; an ignored one is an error, as before.
    expect(await linted(['notes.json'])).toEqual(['notes.json'])
    const ignored = await cli(['sub/skip.txt'], folder)
    expect(ignored.code).toBe(2)
    expect(ignored.stderr).toContain('Fichier ignoré (.coquilleignore) : non lu.')
    expect(await cli(['--ignore-path', 'missing', '.'], folder)).toMatchObject({code: 2, stderr: 'coquille: fichier d’exclusion illisible « missing » (ENOENT)\n'})
  })

  it('a pipe named on the command line is read, as asked', async () => {
    const pipe = join(folder, 'pipe.txt')
    spawnSync('mkfifo', [pipe])
    const child = spawn(process.execPath, [bin, '--report', 'json', 'pipe.txt'], {cwd: folder})
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve))
    // The writer's open waits (off the main thread) until the command opens the pipe to read.
    await writeFile(pipe, article)
    expect(await closed).toBe(1)
    expect(stderr).toContain('repeated-words')
  })

  it('folders removed while they are walked and read: one line each, never a trace or a hang', async () => {
    const articles = join(folder, 'articles')
    const count = 1000
    for (let index = 0; index < count; index++) {
      mkdirSync(join(articles, `d${index}`, 'sub'), {recursive: true})
      writeFileSync(join(articles, `d${index}`, 'sub', 'a.txt'), article)
    }
    const child = spawn(process.execPath, [bin, '--report', 'json', 'articles'], {cwd: folder})
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    let running = true
    const closed = new Promise<number | null>((resolve) => child.on('close', (code) => ((running = false), resolve(code))))
    // Remove the odd folders, about one per millisecond, from the far end, while the
    // command starts, walks and reads: some go before the walk, some between the walk and
    // the read (measured: about a hundred per run), some after.
    for (let index = count - 1; index >= 0 && running; index -= 2) {
      rmSync(join(articles, `d${index}`), {recursive: true, force: true})
      await new Promise((resolve) => setTimeout(resolve, 1))
    }
    const code = await closed
    expect(stderr).not.toMatch(/\n\s+at /)
    expect([1, 2]).toContain(code)
    const report = JSON.parse(stderr) as Array<{path: string; messages: Array<{reason: string; ruleId?: string}>}>
    for (const file of report) {
      for (const message of file.messages) {
        if (message.ruleId) expect(message.ruleId).toBe('repeated-words')
        else expect(message.reason).toMatch(/^(?:Dossier illisible \(ENOENT\) : non parcouru\.|Fichier disparu ou lien symbolique cassé \(ENOENT\) : non lu\.|Fichier ou dossier introuvable \(ENOENT\)|Fichier non traité \(ENOENT\))$/)
      }
    }
    // The folders that stayed were all linted.
    const linted = new Set(report.filter((file) => file.messages.some((message) => message.ruleId)).map((file) => file.path))
    for (let index = 0; index < count; index += 2) expect(linted).toContain(join('articles', `d${index}`, 'sub', 'a.txt'))
  })
})

describe('output', () => {
  it('a reader that goes away early (| head) ends the command quietly, no EPIPE trace', async () => {
    writeFileSync(join(folder, 'many.txt'), 'Il a vu le le chat.\n'.repeat(20_000))
    const child = spawn(process.execPath, [bin, '--fix-dry-run', 'many.txt'], {cwd: folder})
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    // Like `head -1`: read one chunk, then close the pipe.
    child.stdout.once('data', () => child.stdout.destroy())
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (...result) => resolve(result)))
    expect(signal).toBeNull()
    expect([0, 1]).toContain(code)
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /)
  })
})
