/**
 * The `coquille` command, spawned as a user runs it (after `tsc` has built dist/).
 */
import {spawnSync} from 'node:child_process'
import {chmodSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {beforeEach, describe, expect, it} from 'vitest'

const root = join(import.meta.dirname, '..')
const bin = join(root, 'bin', 'coquille.js')
let folder: string

function run(args: string[], options: {input?: string | Buffer; cwd?: string} = {}): {code: number; stdout: string; stderr: string} {
  const result = spawnSync(process.execPath, [bin, ...args], {cwd: options.cwd ?? folder, input: options.input ?? '', encoding: 'utf8', timeout: 110_000, maxBuffer: 256 * 1024 * 1024})
  return {code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr}
}

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'coquille-cli-'))
})

describe('coquille command', () => {
  it('--help and --version', () => {
    expect(run(['--help']).stdout).toContain('Usage : coquille')
    expect(run(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/)
  })

  it('lints the example article with a readable report and exit code 1', () => {
    const result = run([join(root, 'docs', 'examples', 'article.txt')])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('repeated-words')
    expect(result.stderr).toMatch(/\d+:\d+-\d+:\d+/)
    expect(result.stdout).toBe('') // never prints the article unless asked
  })

  it('--report json: parseable, with offsets and origin', () => {
    writeFileSync(join(folder, 'a.txt'), 'Titre\n\nIl a signé le le décret.\n')
    const result = run(['--report', 'json', 'a.txt'])
    expect(result.code).toBe(1)
    const report = JSON.parse(result.stderr) as Array<{messages: Array<Record<string, any>>}>
    const message = report[0]!.messages[0]!
    expect(message['source']).toBe('coquille')
    expect(message['ruleId']).toBe('repeated-words')
    expect(message['place'].start.offset).toBe(20)
    expect(message['place'].end.offset).toBe(23)
    expect(message['actual']).toBe(' le')
    expect(message['expected']).toEqual([''])
    expect(message['fix']).toBe('safe')
  })

  it('--report sarif and github on stderr, --report-file writes a file', () => {
    writeFileSync(join(folder, 'a.txt'), 'Titre\n\nIl a signé le le décret.\n')
    const sarif = JSON.parse(run(['--report', 'sarif', 'a.txt']).stderr) as {version: string; runs: Array<{results: unknown[]}>}
    expect(sarif.version).toBe('2.1.0')
    expect(sarif.runs[0]!.results).toHaveLength(1)
    expect(run(['--report', 'github', 'a.txt']).stderr).toMatch(/^::error file=a\.txt,line=3,endLine=3,col=14,endColumn=17,title=coquille repeated-words::/)
    const result = run(['--report', 'json', '--report-file', 'out/report.json', 'a.txt'])
    expect(result.code).toBe(2) // the folder does not exist: a clear error
    mkdirSync(join(folder, 'out'))
    const written = run(['--report', 'json', '--report-file', 'out/report.json', 'a.txt'])
    expect(written.code).toBe(1)
    expect(written.stderr).toBe('')
    expect(JSON.parse(readFileSync(join(folder, 'out', 'report.json'), 'utf8'))).toHaveLength(1)
  })

  it('a clean article exits 0; empty and whitespace-only files too', () => {
    writeFileSync(join(folder, 'ok.txt'), 'Titre\n\nUn texte propre.\n')
    writeFileSync(join(folder, 'empty.txt'), '')
    writeFileSync(join(folder, 'blank.txt'), '  \n\t\n')
    expect(run(['ok.txt', 'empty.txt', 'blank.txt']).code).toBe(0)
  })

  it('reads folders and globs, Markdown and HTML', () => {
    mkdirSync(join(folder, 'articles'))
    writeFileSync(join(folder, 'articles', 'a.md'), '# Titre\n\nIl a vu le le chat.\n')
    writeFileSync(join(folder, 'articles', 'b.html'), '<p>Il a vu de de la fenêtre.</p>')
    writeFileSync(join(folder, 'articles', 'c.json'), '{"le le": 1}')
    const result = run(['--report', 'json', 'articles'])
    const report = JSON.parse(result.stderr) as Array<{path: string; messages: unknown[]}>
    expect(report.map((file) => [file.path, file.messages.length]).sort()).toEqual([
      ['articles/a.md', 1],
      ['articles/b.html', 1],
    ])
  })

  it('stdin, with --stdin-filepath giving the format', () => {
    const result = run(['--report', 'json', '--stdin-filepath', 'x.md'], {input: '`le le` et le le chat\n'})
    const report = JSON.parse(result.stderr) as Array<{messages: Array<{actual: string}>}>
    expect(report[0]!.messages.map((message) => message.actual)).toEqual([' le'])
  })

  it('BOM and CRLF files get exact positions', () => {
    writeFileSync(join(folder, 'bom.txt'), '\uFEFFTitre\r\n\r\nIl a vu le le chat.\r\n')
    const report = JSON.parse(run(['--report', 'json', 'bom.txt']).stderr) as Array<{messages: Array<Record<string, any>>}>
    const message = report[0]!.messages[0]!
    expect([message['line'], message['column']]).toEqual([3, 11])
  })

  it('configuration: rules by id, off and false, severities, presets', () => {
    writeFileSync(join(folder, 'a.txt'), 'Titre\n\nIl a vu le le chat.\n')
    writeFileSync(join(folder, '.coquillerc.json'), JSON.stringify({rules: {'repeated-words': 'off'}}))
    expect(run(['a.txt']).code).toBe(0)
    writeFileSync(join(folder, '.coquillerc.json'), JSON.stringify({rules: {'repeated-words': false}}))
    expect(run(['a.txt']).code).toBe(0)
    writeFileSync(join(folder, '.coquillerc.json'), JSON.stringify({rules: {'repeated-words': 'warn'}}))
    expect(run(['a.txt']).code).toBe(0)
    expect(run(['--frail', 'a.txt']).code).toBe(1)
    expect(run(['--max-warnings', '0', 'a.txt']).code).toBe(1)
    expect(run(['--max-warnings', '1', 'a.txt']).code).toBe(0)
    expect(run(['--quiet', 'a.txt']).stderr).not.toContain('repeated-words')
    expect(run(['--no-config', 'a.txt']).code).toBe(1)
  })

  it('configuration in YAML and in package.json', () => {
    writeFileSync(join(folder, 'a.txt'), 'Il a vu le le chat.\n')
    writeFileSync(join(folder, '.coquillerc.yml'), 'rules:\n  repeated-words: off\n')
    expect(run(['a.txt']).code).toBe(0)
    const other = mkdtempSync(join(tmpdir(), 'coquille-pkg-'))
    writeFileSync(join(other, 'a.txt'), 'Il a vu le le chat.\n')
    writeFileSync(join(other, 'package.json'), JSON.stringify({name: 'x', coquille: {rules: {'repeated-words': 'off'}}}))
    expect(run(['a.txt'], {cwd: other}).code).toBe(0)
  })

  it('.coquilleignore', () => {
    writeFileSync(join(folder, 'a.txt'), 'Il a vu le le chat.\n')
    writeFileSync(join(folder, 'b.txt'), 'Texte propre.\n')
    writeFileSync(join(folder, '.coquilleignore'), 'a.txt\n')
    expect(run(['.']).code).toBe(0)
  })

  describe('bad input: a clear one-line message, exit 2, no stack trace', () => {
    const noTrace = (text: string): void => expect(text).not.toMatch(/\n\s+at /)
    it('missing path', () => {
      const result = run(['nope.txt'])
      expect(result.code).toBe(2)
      expect(result.stderr).toContain('Fichier ou dossier introuvable')
      noTrace(result.stderr)
    })
    it('a folder with no article', () => {
      mkdirSync(join(folder, 'empty'))
      const result = run(['empty'])
      expect(result.code).toBe(2)
      expect(result.stderr).toContain('aucun article trouvé')
    })
    it('binary file', () => {
      writeFileSync(join(folder, 'bin.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]))
      const result = run(['bin.txt'])
      expect(result.code).toBe(2)
      expect(result.stderr).toContain('binaire')
      noTrace(result.stderr)
    })
    it('invalid UTF-8', () => {
      writeFileSync(join(folder, 'latin1.txt'), Buffer.from('Caf\xe9 cr\xe8me\n', 'latin1'))
      const result = run(['latin1.txt'])
      expect(result.code).toBe(2)
      expect(result.stderr).toContain('UTF-8')
      noTrace(result.stderr)
    })
    it('malformed configuration', () => {
      writeFileSync(join(folder, 'a.txt'), 'Texte.\n')
      writeFileSync(join(folder, '.coquillerc'), '{"rules": ')
      const result = run(['a.txt'])
      expect(result.code).toBe(2)
      expect(result.stderr.trim().split('\n')).toHaveLength(1)
      expect(result.stderr).toContain('configuration invalide')
    })
    it('unknown rule, bad severity, unknown preset', () => {
      writeFileSync(join(folder, 'a.txt'), 'Texte.\n')
      for (const config of [{rules: {'repeated-word': 'off'}}, {rules: {'repeated-words': 'loud'}}, {extends: 'lax'}]) {
        writeFileSync(join(folder, '.coquillerc.json'), JSON.stringify(config))
        const result = run(['a.txt'])
        expect(result.code).toBe(2)
        expect(result.stderr).toMatch(/^coquille: configuration invalide : .*\n$/)
      }
    })
    it('missing --config file', () => {
      expect(run(['--config', 'nope.json', 'a.txt']).code).toBe(2)
    })
    it('usage errors', () => {
      expect(run(['--bogus']).code).toBe(2)
      expect(run(['--report', 'xml', 'a.txt']).code).toBe(2)
      expect(run(['--max-warnings', 'x', 'a.txt']).code).toBe(2)
    })
    it('a 20 MB file lints without hanging', () => {
      const paragraph = 'Le ministre a signé un accord avec le Japon, selon l’agence.\n'.repeat(99) + 'Il a vu le le chat.\n'
      writeFileSync(join(folder, 'big.txt'), paragraph.repeat(Math.ceil((20 * 1024 * 1024) / paragraph.length)))
      const result = run(['--report', 'json', '--quiet', 'big.txt'])
      expect(result.code).toBe(1)
    }, 120_000)
  })

  describe('--fix', () => {
    it('writes the fixed file atomically, keeps its mode, reports what remains', () => {
      const path = join(folder, 'a.txt')
      writeFileSync(path, 'Titre\n\nIl a signé le le décret et de de Lyon.\n')
      chmodSync(path, 0o640)
      const result = run(['--fix', '--report', 'json', 'a.txt'])
      expect(readFileSync(path, 'utf8')).toBe('Titre\n\nIl a signé le décret et de de Lyon.\n')
      expect((statSync(path).mode & 0o777).toString(8)).toBe('640')
      const report = JSON.parse(result.stderr) as Array<{messages: Array<{fix: string}>}>
      expect(report[0]!.messages.map((message) => message.fix)).toEqual(['suggestion'])
      expect(result.code).toBe(1)
    })
    it('--fix-suggestions opts into a rule’s suggestions', () => {
      const path = join(folder, 'a.txt')
      writeFileSync(path, 'Il vient de de Lyon.\n')
      expect(run(['--fix', '--fix-suggestions', 'repeated-words', 'a.txt']).code).toBe(0)
      expect(readFileSync(path, 'utf8')).toBe('Il vient de Lyon.\n')
    })
    it('--fix-dry-run prints a diff and changes nothing', () => {
      const path = join(folder, 'a.txt')
      writeFileSync(path, 'Il a vu le le chat.\n')
      const result = run(['--fix-dry-run', 'a.txt'])
      expect(result.stdout).toContain('-Il a vu le le chat.\n+Il a vu le chat.')
      expect(readFileSync(path, 'utf8')).toBe('Il a vu le le chat.\n')
    })
    it('from stdin, prints the fixed text', () => {
      const result = run(['--fix'], {input: 'Il a vu le le chat.\n'})
      expect(result.stdout).toBe('Il a vu le chat.\n')
      expect(result.code).toBe(0)
    })
    it('keeps a BOM and CRLF line endings', () => {
      const path = join(folder, 'a.txt')
      writeFileSync(path, '\uFEFFTitre\r\n\r\nIl a vu le le chat.\r\n')
      run(['--fix', 'a.txt'])
      expect(readFileSync(path, 'utf8')).toBe('\uFEFFTitre\r\n\r\nIl a vu le chat.\r\n')
    })
    it('Markdown markup is kept byte for byte outside the edits', () => {
      const path = join(folder, 'a.md')
      const source = '---\ntitle: X\n---\n\n# Titre *le* le\n\n> Il a vu le le **chat** [ici](http://a.b/le%20le).\n\n```\nle le\n```\n'
      writeFileSync(path, source)
      run(['--fix', 'a.md'])
      expect(readFileSync(path, 'utf8')).toBe(source.replace('vu le le **chat**', 'vu le **chat**').replace('# Titre *le* le', '# Titre *le*'))
    })
  })
})

describe('configuration from the command line', () => {
  it('--preset replaces the preset the configuration extends; its rule settings still apply', () => {
    writeFileSync(join(folder, 'a.txt'), 'Titre\n\nIl a dit "oui" et le le chat...\n')
    const ids = (args: string[]) => (JSON.parse(run(['--report', 'json', ...args, 'a.txt']).stderr) as Array<{messages: Array<{ruleId: string}>}>)[0]!.messages.map((message) => message.ruleId)
    expect(ids([])).toEqual(['repeated-words'])
    expect(ids(['--preset', 'strict'])).toEqual(expect.arrayContaining(['quotes', 'repeated-words', 'ellipsis']))
    writeFileSync(join(folder, '.coquillerc.json'), JSON.stringify({rules: {'repeated-words': 'off'}}))
    expect(ids(['--preset', 'strict'])).toEqual(expect.arrayContaining(['quotes', 'ellipsis']))
    expect(ids(['--preset', 'strict'])).not.toContain('repeated-words')
    expect(run(['--preset', 'lax', 'a.txt'])).toMatchObject({code: 2, stderr: 'coquille: --preset : preset inconnu « lax » (valeurs permises : recommended, strict, fr-CA, none)\n'})
  })

  it('--init writes a starter .coquillerc.json naming the schema, and never overwrites one', () => {
    const result = run(['--init', '--preset', 'strict'])
    expect(result.code).toBe(0)
    const written = JSON.parse(readFileSync(join(folder, '.coquillerc.json'), 'utf8')) as {$schema: string; extends: string; rules: object}
    expect(written).toMatchObject({extends: 'strict', rules: {}})
    // The schema named is the one shipped with coquille, relative to the folder.
    expect(readFileSync(join(folder, written.$schema), 'utf8')).toBe(readFileSync(join(root, 'schema', 'coquillerc.schema.json'), 'utf8'))
    writeFileSync(join(folder, 'a.txt'), 'Titre\n\nIl a vu le chat.\n')
    expect(run(['a.txt']).code).toBe(0)
    expect(run(['--init'])).toMatchObject({code: 2, stderr: 'coquille: .coquillerc.json existe déjà : non écrasé\n'})
  })

  it('--list-rules shows each rule’s severity and options in each preset', () => {
    const listing = run(['--list-rules']).stdout
    expect(listing).toMatch(/^french-spacing +safe +Espace insécable.*\n {2}recommended: +warn \{"allowOrdinarySpace":true\}\n {2}strict: +warn\n {2}fr-CA: +warn \{"allowOrdinarySpace":true,"profile":"fr-CA"\}\n {2}options: +space, profile, allowOrdinarySpace/m)
    expect(listing).toMatch(/^dash +safe .*\n {2}recommended: +off\n {2}strict: +warn\n {2}fr-CA: +off\n(?! {2}options)/m)
  })

  it('--fix with --fix-dry-run is refused', () => {
    writeFileSync(join(folder, 'a.txt'), 'Il a vu le le chat.\n')
    const result = run(['--fix', '--fix-dry-run', 'a.txt'])
    expect(result.code).toBe(2)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(readFileSync(join(folder, 'a.txt'), 'utf8')).toBe('Il a vu le le chat.\n')
  })

  it('invalid rule options: one line, exit 2', () => {
    writeFileSync(join(folder, 'a.txt'), 'Texte.\n')
    writeFileSync(join(folder, '.coquillerc.json'), JSON.stringify({rules: {'french-spacing': ['error', {allowOrdinarySpce: true}]}}))
    expect(run(['a.txt'])).toMatchObject({
      code: 2,
      stderr: 'coquille: configuration invalide : .coquillerc.json : règle « french-spacing » : option inconnue « allowOrdinarySpce » (vouliez-vous dire « allowOrdinarySpace » ?)\n',
    })
  })

  it('the stylish report shows no-break spaces as marks, with a legend once', () => {
    writeFileSync(join(folder, 'a.txt'), 'Il a dit : « oui » ; et 12000 tonnes.\n')
    writeFileSync(join(folder, '.coquillerc.json'), JSON.stringify({rules: {'french-spacing': ['warn', {space: 'nnbsp'}]}}))
    const report = run(['--no-color', 'a.txt']).stderr
    expect(report).toContain('Espace ordinaire avant le deux-points : il faut une espace insécable. → « ␣ »')
    expect(report).toContain('Espace ordinaire avant le point-virgule : il faut une espace insécable. → « ⍽ »')
    expect(report).toContain('sans séparateur : « 12000 ». → « 12␣000 »')
    expect(report).not.toMatch(/«\s+»/)
    expect(report.match(/Légende/g)).toHaveLength(1)
    expect(report.trimEnd().split('\n').at(-1)).toBe('Légende : ␣ espace insécable (U+00A0) ; ⍽ espace fine insécable (U+202F)')
  })
})

describe('presets', () => {
  it('fr-CA: Québec typography on top of recommended', () => {
    const folder = mkdtempSync(join(tmpdir(), 'coquille-frca-'))
    writeFileSync(join(folder, 'a.txt'), 'Vraiment ? Oui ; non !\n')
    writeFileSync(join(folder, '.coquillerc.json'), JSON.stringify({extends: 'fr-CA'}))
    const result = spawnSync(process.execPath, [bin, '--report', 'json', 'a.txt'], {cwd: folder, encoding: 'utf8'})
    const report = JSON.parse(result.stderr) as Array<{messages: Array<{ruleId: string}>}>
    expect(report[0]!.messages.map((message) => message.ruleId)).toEqual(['french-spacing', 'french-spacing', 'french-spacing'])
  })
})

describe('--silently-ignore (hooks that pass every staged file)', () => {
  it('skips named files that .coquilleignore ignores, and exits 0 when nothing is left', () => {
    mkdirSync(join(folder, 'brouillons'))
    writeFileSync(join(folder, '.coquilleignore'), 'brouillons/\n')
    writeFileSync(join(folder, 'brouillons', 'note.md'), 'Il a vu le le chat.\n')
    writeFileSync(join(folder, 'Une dépêche.txt'), 'Titre\n\nIl a signé le le décret.\n')
    expect(run(['brouillons/note.md']).code).toBe(2)
    const both = run(['--silently-ignore', '--report', 'json', 'brouillons/note.md', 'Une dépêche.txt'])
    expect(both.code).toBe(1)
    expect((JSON.parse(both.stderr) as Array<{path: string}>).map((file) => file.path)).toEqual(['Une dépêche.txt'])
    const none = run(['--silently-ignore', 'brouillons/note.md'])
    expect(none).toEqual({code: 0, stdout: '', stderr: ''})
  })
})

describe('articles linted on worker threads (src/cli/parallel.ts)', () => {
  const runWith = (workers: string, args: string[]): {code: number; stdout: string; stderr: string} => {
    const result = spawnSync(process.execPath, [bin, ...args], {cwd: folder, input: '', encoding: 'utf8', timeout: 110_000, env: {...process.env, COQUILLE_WORKERS: workers}})
    return {code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr}
  }
  const sentences = [
    'Le maire a présenté le le budget de la commune mardi soir.',
    'Selon lui,les travaux du pont reprendront en septembre .',
    'Le minsitre a visité l’ecole du village avant la réunion.',
    'Les habitants ont voté a 80 % pour le projet de la halle.',
    'Le conseil municipal se réunira de nouveau le 3 mars prochain.',
  ]

  it('gives the report and exit code of one thread, with configuration groups, and falls back to one thread on an input error', () => {
    mkdirSync(join(folder, 'local'))
    mkdirSync(join(folder, 'sport'))
    writeFileSync(join(folder, 'sport', '.coquillerc.json'), JSON.stringify({extends: 'recommended', rules: {'repeated-words': 'off', spelling: 'off'}}))
    for (let index = 0; index < 24; index++) {
      const text = `Titre ${index}\n\n${sentences.slice(index % 5).concat(sentences.slice(0, index % 5)).join(' ')}\n`
      writeFileSync(join(folder, index % 2 === 0 ? 'local' : 'sport', `article-${String(index).padStart(2, '0')}.${index % 6 === 0 ? 'md' : 'txt'}`), text)
    }
    for (const args of [['.'], ['--report', 'json', '.'], ['--quiet', 'local', 'sport']]) {
      const single = runWith('0', args)
      expect(single.code).toBe(1)
      expect(runWith('2', args)).toEqual(single)
    }
    // The workers do start, whether the command runs from its code cache or from the ES module bundle.
    const traced = spawnSync(process.execPath, [bin, '--quiet', '.'], {cwd: folder, input: '', encoding: 'utf8', timeout: 110_000, env: {...process.env, COQUILLE_WORKERS: '2', NODE_DEBUG: 'worker'}})
    expect(traced.stderr.match(/created Worker with ID/g)).toHaveLength(2)
    // An article that is not UTF-8: a worker hands the run back to the main thread.
    writeFileSync(join(folder, 'local', 'latin1.txt'), Buffer.from('Un texte mal encod\xe9.\n', 'latin1'))
    const single = runWith('0', ['--report', 'json', '.'])
    expect(single.code).toBe(2)
    expect(runWith('3', ['--report', 'json', '.'])).toEqual(single)
  })
})
