/**
 * The language server in a real editor: headless Neovim (Debian `neovim`, installed by
 * .ci/run) with its built-in LSP client, started by the init snippet of
 * editors/vscode/README.md, driven by tests/neovim/driver.lua through the editor's own
 * commands. Neovim 0.7 sends byte columns back and no file-watch notifications: both are
 * what these scenarios are about.
 */
import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {delimiter, join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {byteColumn, markdownBlocks} from './lsp-session.js'

const root = join(import.meta.dirname, '..')
const nvim = spawnSync('nvim', ['--version'], {encoding: 'utf8'})
const nvimMissing = nvim.error !== undefined || nvim.status !== 0

/** The Neovim snippet users copy, run as it is. */
function initSnippet(): string {
  const readme = readFileSync(join(root, 'editors', 'vscode', 'README.md'), 'utf8')
  const snippet = /## Neovim[\s\S]*?```lua\n([\s\S]*?)```/.exec(readme)
  if (!snippet) throw new Error('editors/vscode/README.md has no Lua snippet under "## Neovim"')
  return snippet[1]!
}

interface Seen {
  error?: string
  [key: string]: unknown
}

function runScenario(scenario: string, files: Record<string, string>): {seen: Seen; folder: string} {
  const base = mkdtempSync(join(tmpdir(), 'coquille-nvim-'))
  const folder = join(base, 'articles')
  const bin = join(base, 'bin')
  mkdirSync(folder)
  mkdirSync(bin)
  // `coquille-language-server` on the PATH, as after `npm install -g coquille`.
  symlinkSync(join(root, 'bin', 'coquille-language-server.js'), join(bin, 'coquille-language-server'))
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text)
  writeFileSync(join(base, 'init.lua'), initSnippet())
  const output = join(base, 'seen.json')
  const run = spawnSync('nvim', ['--headless', '-i', 'NONE', '-n', '-u', join(base, 'init.lua'), '-c', `luafile ${join(root, 'tests', 'neovim', 'driver.lua')}`], {
    cwd: folder,
    encoding: 'utf8',
    timeout: 55_000,
    env: {
      ...process.env,
      PATH: `${bin}${delimiter}${process.env['PATH'] ?? ''}`,
      // Nothing from the user's own Neovim set-up, nothing written outside the folder.
      XDG_CONFIG_HOME: join(base, 'config'),
      XDG_DATA_HOME: join(base, 'data'),
      XDG_STATE_HOME: join(base, 'state'),
      XDG_CACHE_HOME: join(base, 'cache'),
      COQUILLE_SCENARIO: scenario,
      COQUILLE_FOLDER: folder,
      COQUILLE_NVIM_OUT: output,
    },
  })
  let seen: Seen
  try {
    seen = JSON.parse(readFileSync(output, 'utf8')) as Seen
  } catch {
    throw new Error(`nvim wrote nothing (status ${run.status}, signal ${run.signal}): ${run.stderr}${run.stdout}`.slice(0, 2000))
  }
  expect(seen.error, JSON.stringify(seen)).toBeUndefined()
  return {seen, folder}
}

// Set COQUILLE_SKIP_NEOVIM=1 to run the suite on a machine without Neovim (CI installs it).
// A loaded machine slows Neovim and the server alike: each scenario gets a minute.
describe.skipIf(process.env['COQUILLE_SKIP_NEOVIM'] === '1')('coquille-language-server in headless Neovim', {timeout: 60_000}, () => {
  it('Neovim is installed (apt-get install neovim)', () => {
    expect(nvimMissing, 'nvim not found: install Debian `neovim`, or set COQUILLE_SKIP_NEOVIM=1').toBe(false)
    expect(nvim.stdout).toMatch(/^NVIM v0\.(\d+)/)
  })

  it('diagnostics read back from the buffer sit on the flagged text (accents, emoji)', () => {
    const text = 'Élodie 😀 a vu le le chat.\n\nÀ Noël, il a écrit à la Japon.\n'
    const {seen} = runScenario('diagnostics', {'accents.md': text})
    const lines = seen['lines'] as string[]
    const diagnostics = seen['diagnostics'] as Array<{line: number; col: number; end_col: number; code: string}>
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['repeated-words', 'place-preposition'])
    // Neovim holds byte columns: the bytes under each one are the flagged text.
    const under = diagnostics.map((diagnostic) => Buffer.from(lines[diagnostic.line]!).subarray(diagnostic.col, diagnostic.end_col).toString())
    expect(under).toEqual([' le', 'à la'])
    expect(diagnostics[1]!.col).toBe(byteColumn(lines[2]!, lines[2]!.indexOf('à la Japon')))
  })

  it('quick fixes through the editor’s code-action path land on the finding, even from a stale diagnostic', () => {
    const text = 'Élodie a écrit que la Japon et la Chine signent.\nLe préfet était avec Mr Dupont.\n'
    const {seen} = runScenario('quickfix', {'quickfix.txt': text})
    expect(seen['japon_offered']).toContain('Remplacer par « le »')
    expect(seen['mister_offered']).toContain('Remplacer par « M. »')
    expect(seen['lines']).toEqual(['Élodie a écrit que le Japon et la Chine signent.', 'Hier, éLe préfet était avec M. Dupont.'])
  })

  it('fix-all from the code-action menu, and formatting', () => {
    const {seen} = runScenario('fixall', {
      'fixall.md': '# Un titre\n\nIl a vu le le chat avec Mr Dupont.\n\n> Elle a lu lu le **livre**.\n',
      'format.md': '- Il a vu le le [chat](https://exemple.fr/le-le).\n',
    })
    expect(seen['offered']).toEqual(['Corriger tout ce qui est sûr (coquille)'])
    expect(seen['fixed']).toEqual(['# Un titre', '', 'Il a vu le chat avec M. Dupont.', '', '> Elle a lu le **livre**.'])
    expect(seen['formatted']).toEqual(['- Il a vu le [chat](https://exemple.fr/le-le).'])
  })

  it('disable-on-this-line only where the comment changes no Markdown block', () => {
    const markdown = ['---', 'title: Il a vu le le chat', '---', '', 'Il a signé le le décret', 'puis il a vu le le chat.', '', '- un premier le le point', '- un second le le point', '', 'Il a lu le le texte.', ''].join('\n')
    const {seen, folder} = runScenario('disable', {'disable.md': markdown})
    expect(seen['offered']).toEqual([
      {line: 1, disable: false},
      {line: 4, disable: true},
      {line: 5, disable: false},
      {line: 7, disable: true},
      {line: 8, disable: false},
      {line: 10, disable: true},
    ])
    const written = readFileSync(join(folder, 'disable.md'), 'utf8')
    expect(written).toContain('\n<!-- coquille-disable-next-line repeated-words -->\nIl a lu le le texte.\n')
    expect(markdownBlocks(written)).toEqual(markdownBlocks(markdown))
    expect(seen['after']).toHaveLength(5)
  })

  it('disable-on-this-line in a CRLF file: the file keeps CRLF everywhere', () => {
    const {seen, folder} = runScenario('disable_crlf', {'crlf.md': 'Il a lu le le texte.\r\n\r\nIl a vu le le chat.\r\n'})
    expect(seen['fileformat']).toBe('dos')
    expect(readFileSync(join(folder, 'crlf.md'), 'utf8')).toBe('Il a lu le le texte.\r\n\r\n<!-- coquille-disable-next-line repeated-words -->\r\nIl a vu le le chat.\r\n')
    expect(seen['after']).toHaveLength(1)
  })

  it('add to vocabulary is offered for the glued name only, and silences it', () => {
    const {seen, folder} = runScenario('vocabulary', {
      'vocabulary.txt': 'Il lit le site infoNews.\nIl négocie avec la Japon.\nIl voit Mr Dupont.\nIl est en 2ème position.\nIl a payé 12000 euros.\nVraiment? Oui: hier.\nIl pense à à la Chine.\n',
      '.coquille-vocabulary.txt': '# maison\r\nCoquillette\r\n',
    })
    // Findings on `la`, `Mr`, `2ème`, `12000`, `?`, `:`, `à`: the vocabulary cannot silence them.
    expect(seen['offered']).toEqual(['Ajouter « infoNews » au vocabulaire'])
    expect(readFileSync(join(folder, '.coquille-vocabulary.txt'), 'utf8')).toBe('# maison\r\nCoquillette\r\ninfoNews\r\n')
    expect((seen['after'] as Array<{code: string}>).map((diagnostic) => diagnostic.code)).not.toContain('glued-words')
  })

  it('a configuration changed on disk reaches the buffer without any notification', () => {
    const {seen} = runScenario('config', {'config.md': 'Il a vu le le chat.\n'})
    expect(seen['before']).toHaveLength(1)
    expect(seen['after']).toEqual([])
  })
})
