/**
 * "Safe means safe" through the command (issue 16): files keep their identity on --fix,
 * input is checked wherever it comes from, configuration is data, reports are inert. As
 * root, the write tests are run again as an ordinary user (setpriv).
 */
import {spawnSync} from 'node:child_process'
import {
  chmodSync,
  chownSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {beforeEach, describe, expect, it} from 'vitest'

const bin = join(import.meta.dirname, '..', 'bin', 'coquille.js')
const isRoot = process.getuid?.() === 0
/** An ordinary user (nobody) for the runs as one. */
const user = {uid: 65534, gid: 65534}
/**
 * Root can run the command as the ordinary user: setpriv exists, and that user can reach this
 * checkout (a clone inside a private folder, `mktemp -d`'s mode 700, is out of its reach).
 */
const hasSetpriv =
  isRoot && spawnSync('setpriv', [`--reuid=${user.uid}`, `--regid=${user.gid}`, '--clear-groups', process.execPath, bin, '--version']).status === 0
const hasXattrTools = spawnSync('getfattr', ['--version']).status === 0 && spawnSync('setfattr', ['--version']).status === 0

const faulty = 'Titre\n\nIl a vu le le chat.\n'
const fixedText = 'Titre\n\nIl a vu le chat.\n'
let folder: string

interface Run {
  code: number
  stdout: string
  stderr: string
}

function run(args: string[], options: {input?: string | Buffer; asUser?: boolean} = {}): Run {
  const command = options.asUser ? 'setpriv' : process.execPath
  const prefix = options.asUser ? [`--reuid=${user.uid}`, `--regid=${user.gid}`, '--clear-groups', process.execPath] : []
  const result = spawnSync(command, [...prefix, bin, ...args], {cwd: folder, input: options.input ?? '', encoding: 'utf8', timeout: 60_000})
  return {code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr}
}

function write(name: string, text: string): string {
  const path = join(folder, name)
  writeFileSync(path, text)
  return path
}

beforeEach(() => {
  // The suite's temporary folder (global-setup.ts, private to root) must be crossable by the ordinary user.
  if (hasSetpriv) chmodSync(tmpdir(), 0o711)
  folder = mkdtempSync(join(tmpdir(), 'coquille-safety-'))
})

/** The write tests, as whoever runs the suite and, as root, as an ordinary user too. */
const writers: Array<{name: string; asUser: boolean}> = [{name: isRoot ? 'root' : 'the current user', asUser: false}]
if (hasSetpriv) writers.push({name: 'an ordinary user (setpriv)', asUser: true})

for (const writer of writers) {
  describe(`--fix keeps each file's identity, as ${writer.name}`, () => {
    const own = (path: string): void => {
      if (writer.asUser) chownSync(path, user.uid, user.gid)
    }
    beforeEach(() => {
      own(folder)
    })

    it('through a symbolic link, the target is fixed and the link stays a link', () => {
      own(write('target.txt', faulty))
      symlinkSync('target.txt', join(folder, 'link.txt'))
      const result = run(['--fix', 'link.txt'], {asUser: writer.asUser})
      expect(result.code).toBe(0)
      expect(lstatSync(join(folder, 'link.txt')).isSymbolicLink()).toBe(true)
      expect(readlinkSync(join(folder, 'link.txt'))).toBe('target.txt')
      expect(readFileSync(join(folder, 'target.txt'), 'utf8')).toBe(fixedText)
    })

    it('a file with hard links keeps its inode and its links', () => {
      const path = write('a.txt', faulty)
      own(path)
      linkSync(path, join(folder, 'b.md.bak'))
      const inode = statSync(path).ino
      expect(run(['--fix', 'a.txt'], {asUser: writer.asUser}).code).toBe(0)
      expect(statSync(path).ino).toBe(inode)
      expect(statSync(path).nlink).toBe(2)
      expect(readFileSync(join(folder, 'b.md.bak'), 'utf8')).toBe(fixedText)
      expect(readdirSync(folder).filter((name) => name.endsWith('.tmp'))).toEqual([])
    })

    it('mode, owner and group are kept', () => {
      const path = write('a.txt', faulty)
      own(path)
      chmodSync(path, 0o640)
      const before = statSync(path)
      expect(run(['--fix', 'a.txt'], {asUser: writer.asUser}).code).toBe(0)
      const after = statSync(path)
      expect(readFileSync(path, 'utf8')).toBe(fixedText)
      expect([after.mode & 0o7777, after.uid, after.gid]).toEqual([0o640, before.uid, before.gid])
    })

    it.skipIf(!hasXattrTools)('extended attributes are kept (needs getfattr/setfattr: Debian package attr)', () => {
      const path = write('a.txt', faulty)
      own(path)
      const set = spawnSync('setfattr', ['-n', 'user.origine', '-v', 'cms', path])
      // A file system without user extended attributes (tmpfs on old kernels): nothing to keep.
      if (set.status !== 0) return
      expect(run(['--fix', 'a.txt'], {asUser: writer.asUser}).code).toBe(0)
      expect(readFileSync(path, 'utf8')).toBe(fixedText)
      expect(spawnSync('getfattr', ['--only-values', '-n', 'user.origine', path], {encoding: 'utf8'}).stdout).toBe('cms')
    })

    it('a read-only file is refused; the other files are fixed and the report printed', () => {
      const readOnly = write('a.txt', faulty)
      const other = write('b.txt', faulty)
      own(readOnly)
      own(other)
      chmodSync(readOnly, 0o444)
      const result = run(['--fix', 'a.txt', 'b.txt'], {asUser: writer.asUser})
      expect(result.code).toBe(2)
      expect(readFileSync(readOnly, 'utf8')).toBe(faulty)
      expect(statSync(readOnly).mode & 0o777).toBe(0o444)
      expect(readFileSync(other, 'utf8')).toBe(fixedText)
      expect(result.stderr).toMatch(/a\.txt\n.*lecture seule/)
      expect(result.stderr).toContain('b.txt: aucun problème')
    })
  })
}

describe('--fix, files and folders', () => {
  it.skipIf(!hasSetpriv)('a file another user owns, in a folder this user may write, keeps its owner (written in place)', () => {
    chmodSync(folder, 0o777)
    const path = write('a.txt', faulty)
    chmodSync(path, 0o666) // root's, writable by all
    expect(run(['--fix', 'a.txt'], {asUser: true}).code).toBe(0)
    expect(readFileSync(path, 'utf8')).toBe(fixedText)
    expect(statSync(path).uid).toBe(0)
  })

  it('a folder walk skips hidden files and folders (the house vocabulary among them); a hidden file named is read', () => {
    mkdirSync(join(folder, 'articles', '.brouillons'), {recursive: true})
    writeFileSync(join(folder, 'articles', 'a.txt'), faulty)
    writeFileSync(join(folder, 'articles', '.coquille-vocabulary.txt'), 'Coquillette\nle le\n')
    writeFileSync(join(folder, 'articles', '.brouillons', 'b.txt'), faulty)
    const walked = run(['--report', 'json', 'articles'])
    expect((JSON.parse(walked.stderr) as Array<{path: string}>).map((file) => file.path)).toEqual([join('articles', 'a.txt')])
    const named = run(['--report', 'json', join('articles', '.brouillons', 'b.txt')])
    expect((JSON.parse(named.stderr) as Array<{path: string}>).map((file) => file.path)).toEqual([join('articles', '.brouillons', 'b.txt')])
  })

  it('a folder reached twice through a symbolic link is fixed once', () => {
    mkdirSync(join(folder, 'articles'))
    writeFileSync(join(folder, 'articles', 'a.txt'), 'Titre\n\nIl a vu le le le chat.\n')
    symlinkSync('articles', join(folder, 'alias'))
    const result = run(['--fix', '--report', 'json', 'articles', 'alias'])
    expect(result.code).toBe(0)
    expect((JSON.parse(result.stderr) as unknown[]).length).toBe(1)
    expect(readFileSync(join(folder, 'articles', 'a.txt'), 'utf8')).toBe(fixedText)
  })
})

describe('the reproductions of issue 16, through --fix', () => {
  const cases: Array<[string, string, (output: string) => void]> = [
    ['f1.html', '<p>Quoi&nbsp ? Il a vu le&nbsp;ministre hier soir.</p>\n', (output) => expect(output).toContain('Il a vu le&nbsp;ministre hier soir.')],
    ['f2.md', 'Lancez `npm install coquille` ici.\n\nLancez `rm -rf node_modules` ici.\n', (output) => expect(output).toContain('`rm -rf node_modules`')],
    ['f2b.md', 'Le rapport est [en ligne](https://exemple.fr/2023.pdf).\n\nLe rapport est [en ligne](https://exemple.fr/2024.pdf).\n', (output) => expect(output).toContain('2024.pdf')],
    ['f3.html', '<p>Il a dit <!-- more --> : oui.</p>\n<p>Il a dit <a id="note1"></a> : oui.</p>\n', (output) => expect(output).toMatch(/<!-- more -->[^]*<a id="note1"><\/a>/)],
    ['f4.md', 'Voir <https://exemple.fr/page>-ici.\n', (output) => expect(output).toContain('<https://exemple.fr/page>')],
    ['f5.md', '---\ntitle: Le ministre a dit:oui\n---\n\nTexte.\n', (output) => expect(output).toContain('title: Le ministre a dit:oui\n')],
    // Technical tokens: at most a suggestion, so --fix alone is checked.
    ['f8.txt', 'Titre\n\nUne version de .NET ; lancez ./configure ; norme ISO 27001 ; le +33612345678 ; Rapport.PDF.\n', (output) => {
      for (const token of [' .NET', ' ./configure', 'ISO 27001', '+33612345678', ' Rapport.PDF']) expect(output).toContain(token)
    }],
  ]
  for (const [name, text, check] of cases) {
    it(`${name}: nothing lost, with --fix (and --fix-suggestions all)`, () => {
      for (const extra of name === 'f8.txt' ? [[]] : [[], ['--fix-suggestions', 'all']]) {
        write(name, text)
        run(['--fix', ...extra, name])
        check(readFileSync(join(folder, name), 'utf8'))
      }
    })
  }
})

describe('input is checked wherever it comes from', () => {
  it('non-UTF-8 stdin is refused with exit code 2, with --fix or not, and nothing is printed', () => {
    for (const args of [['--fix'], []]) {
      const result = run(args, {input: Buffer.from('Il a sign\xe9.\n', 'latin1')})
      expect(result.code).toBe(2)
      expect(result.stdout).toBe('')
      expect(result.stderr).toMatch(/^coquille: stdin: Encodage invalide.*UTF-8/)
      expect(result.stderr.trim().split('\n')).toHaveLength(1)
    }
  })
  it('a UTF-8 stdin with a byte order mark keeps it through --fix', () => {
    expect(run(['--fix'], {input: '\uFEFF' + faulty}).stdout).toBe('\uFEFF' + fixedText)
  })
  it('a UTF-16 file or stdin is named as such, not as binary', () => {
    const text = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(faulty, 'utf16le')])
    writeFileSync(join(folder, 'a.txt'), text)
    writeFileSync(join(folder, 'b.txt'), Buffer.from(faulty, 'utf16le'))
    const result = run(['a.txt', 'b.txt'])
    expect(result.code).toBe(2)
    expect(result.stderr.match(/pas en UTF-8 \(UTF-16LE\)/g)).toHaveLength(2)
    expect(result.stderr).not.toContain('binaire')
    expect(run([], {input: text}).stderr).toContain('(UTF-16LE)')
  })
  it.skipIf(process.platform === 'win32')('a configuration or vocabulary that is a pipe, a device or huge is refused in one line', () => {
    write('a.txt', faulty)
    spawnSync('mkfifo', [join(folder, 'pipe.json')])
    const cases: Array<[string[], RegExp]> = [
      [['--config', 'pipe.json', 'a.txt'], /tube nommé/],
      [['--config', '/dev/zero', 'a.txt'], /périphérique/],
    ]
    for (const [args, reason] of cases) {
      const result = run(args)
      expect(result.code).toBe(2)
      expect(result.stderr).toMatch(reason)
      expect(result.stderr.trim().split('\n')).toHaveLength(1)
    }
    write('.coquillerc.json', JSON.stringify({vocabulary: 'pipe.json'}))
    expect(run(['a.txt']).stderr).toMatch(/^coquille: configuration invalide : fichier de vocabulaire illisible .*tube nommé/)
    write('.coquillerc.json', '{}')
    writeFileSync(join(folder, '.coquille-vocabulary.txt'), Buffer.alloc(17 * 1024 * 1024, 'a'))
    expect(run(['a.txt']).stderr).toMatch(/trop gros/)
  })
})

describe('configuration is data', () => {
  it('a .coquillerc.js, .cjs or .mjs next to an article or above it is never run', () => {
    mkdirSync(join(folder, 'sub'))
    write('sub/a.txt', faulty)
    for (const name of ['.coquillerc.js', '.coquillerc.cjs', 'sub/.coquillerc.mjs']) {
      write(name, `require("fs").writeFileSync(${JSON.stringify(join(folder, 'PWNED'))}, ""); export default {}`)
    }
    const result = run(['sub/a.txt'])
    expect(result.code).toBe(1) // linted with the recommended preset
    expect(readdirSync(folder)).not.toContain('PWNED')
  })
  it('the data formats are still found upwards, nearest first', () => {
    mkdirSync(join(folder, 'sub'))
    write('sub/a.txt', faulty)
    write('b.txt', faulty)
    write('sub/.coquillerc.yml', 'rules:\n  repeated-words: "off"\n')
    write('.coquillerc.js', 'module.exports = {}')
    const result = run(['sub/a.txt', 'b.txt'])
    expect(result.stderr).toContain('sub/a.txt: aucun problème')
    expect(result.stderr).toMatch(/b\.txt\n.*repeated-words/)
  })
  it('a JavaScript configuration given with --config runs, as documented', () => {
    write('a.txt', faulty)
    write('mine.cjs', `module.exports = {rules: {'repeated-words': 'off'}}`)
    expect(run(['--config', 'mine.cjs', 'a.txt']).stderr).toContain('a.txt: aucun problème')
  })
})

describe('reports are inert', () => {
  it('escape sequences from an article or a file name are escaped in the stylish report', () => {
    const name = 'a\u001b[2Jb.txt'
    write(name, 'Titre\n\nIl a vu le\u001b]0;pwned\u0007 le chat\u202e.\n')
    write('c.txt', 'Titre\n\nIl a vu le le\u009b31m chat.\n')
    const result = run([name, 'c.txt', '--color'])
    expect(result.stderr).toContain('a\\x1b[2Jb.txt')
    // Colours are the reporter's own (ESC [ … m); nothing else from the input reaches the terminal.
    expect(result.stderr.replace(/\u001b\[\d+(?:;\d+)*m/g, '')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/)
  })
  it('a missing path or a bad configuration path with escape sequences is named inertly', () => {
    const missing = run(['\u001b[2Jabsent.txt'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).not.toContain('\u001b')
    expect(missing.stderr).toContain('\\x1b[2Jabsent.txt')
    write('a.txt', faulty)
    const config = run(['--config', '\u001b[2Jabsent.json', 'a.txt'])
    expect(config.code).toBe(2)
    expect(config.stderr).not.toContain('\u001b')
    expect(config.stderr.trim().split('\n')).toHaveLength(1)
  })
  it('SARIF uris are percent-encoded', () => {
    write('c d#%.txt', faulty)
    const sarif = JSON.parse(run(['--report', 'sarif', 'c d#%.txt']).stderr) as {runs: Array<{results: Array<{locations: Array<{physicalLocation: {artifactLocation: {uri: string}}}>}>}>}
    expect(sarif.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('c%20d%23%25.txt')
  })
})
