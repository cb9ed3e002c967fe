/**
 * Quick fixes, "disable on this line" and "add to vocabulary" as real editors ask for them:
 * ranges in byte columns (Neovim 0.7), stale diagnostics, Markdown structure, CRLF, BOM,
 * configuration changes without notifications, odd URIs.
 */
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import type {CodeAction, Diagnostic, TextEdit} from 'vscode-languageserver'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {applyEdits, byteColumn, markdownBlocks, startSession, type Session} from './lsp-session.js'
import {stopServer} from './stop-server.js'

let session: Session
let folder: string

beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), 'coquille-actions-'))
  session = await startSession(folder)
})
afterEach(async () => {
  await stopServer(session.child, session.connection)
})

const edited = (text: string, action: CodeAction | undefined, uri: string): string => applyEdits(text, action!.edit!.changes![uri]! as TextEdit[])
const preferred = (actions: CodeAction[]): CodeAction | undefined => actions.find((action) => action.isPreferred)

/** The diagnostic as Neovim 0.7 sends it back: columns counted in UTF-8 bytes. */
function inBytes(diagnostic: Diagnostic, lines: string[]): Diagnostic {
  const {start, end} = diagnostic.range
  return {
    ...diagnostic,
    range: {start: {line: start.line, character: byteColumn(lines[start.line]!, start.character)}, end: {line: end.line, character: byteColumn(lines[end.line]!, end.character)}},
  }
}

describe('quick fixes never trust the range sent back', () => {
  const text = 'Élodie a écrit que la Japon et la Chine signent.\n\nLe préfet était avec Mr Dupont hier.\n'

  it('byte columns after accents: the edit lands on the finding', async () => {
    const uri = session.open('a.txt', text, 'plaintext')
    const diagnostics = await session.diagnostics(uri, 1)
    const japon = diagnostics.find((diagnostic) => diagnostic.code === 'proper-noun-article')!
    expect(text.split('\n')[0]!.slice(japon.range.start.character, japon.range.end.character)).toBe('la')
    const fix = preferred(await session.codeActions(uri, [inBytes(japon, text.split('\n'))]))
    expect(edited(text, fix, uri)).toBe(text.replace('la Japon', 'le Japon'))
    // The same with the data dropped by the client: found again on its line.
    const bare = {...inBytes(japon, text.split('\n')), data: undefined}
    expect(edited(text, preferred(await session.codeActions(uri, [bare])), uri)).toBe(text.replace('la Japon', 'le Japon'))
  })

  it('a stale diagnostic after typing before the finding: found again, or nothing when it is gone', async () => {
    const uri = session.open('b.txt', text, 'plaintext')
    const diagnostics = await session.diagnostics(uri, 1)
    const mister = diagnostics.find((diagnostic) => diagnostic.range.start.line === 2)!
    const typed = text.replace('Le préfet', 'Hier, le préfet')
    session.change(uri, 2, typed)
    await session.diagnostics(uri, 2)
    const fix = preferred(await session.codeActions(uri, [mister]))
    const after = edited(typed, fix, uri)
    expect(after).toBe(typed.replace('Mr Dupont', `${fix!.title.match(/« (.+) »/)![1]} Dupont`))
    expect(after).not.toMatch(/Mr/)
    const handFixed = typed.replace('Mr Dupont', 'M. Dupont')
    session.change(uri, 3, handFixed)
    await session.diagnostics(uri, 3)
    expect(await session.codeActions(uri, [mister], ['quickfix'])).toEqual([])
  })

  it('the lightbulb (automatic, no kind asked) on a text not linted yet gets nothing; an explicit request gets the fix', async () => {
    const uri = session.open('l.txt', 'Il a vu le le chat.\n', 'plaintext')
    const [repeated] = await session.diagnostics(uri, 1)
    session.change(uri, 2, 'Oui, il a vu le le chat.\n')
    const ask = (triggerKind?: number): Promise<CodeAction[]> =>
      session.connection.sendRequest('textDocument/codeAction', {textDocument: {uri}, range: repeated!.range, context: {diagnostics: [repeated], ...(triggerKind ? {triggerKind} : {})}})
    expect(await ask(2)).toEqual([])
    const fix = preferred(await ask(1))
    expect(edited('Oui, il a vu le le chat.\n', fix, uri)).toBe('Oui, il a vu le chat.\n')
    await session.diagnostics(uri, 2)
    expect((await ask(2)).map((action) => action.title)).toEqual(['Supprimer'])
  })

  it('a buffer starting with a byte order mark keeps positions and fixes', async () => {
    const uri = session.open('c.txt', '\uFEFF' + 'Il a vu le le chat.\n', 'plaintext')
    const [repeated] = await session.diagnostics(uri, 1)
    expect(repeated!.range).toEqual({start: {line: 0, character: 11}, end: {line: 0, character: 14}})
    expect(edited('\uFEFFIl a vu le le chat.\n', preferred(await session.codeActions(uri, [repeated!])), uri)).toBe('\uFEFFIl a vu le chat.\n')
  })

  it('a replacement that would delete or cut markup is not offered; the others are', async () => {
    writeFileSync(join(folder, '.coquillerc.json'), '{"extends": "strict"}\n')
    const text = '<p>Il a dit <!-- suite --> : oui.</p>\n<p>Il a vu le le chat.</p>\n'
    const uri = session.open('g.html', text, 'html')
    const diagnostics = await session.diagnostics(uri, 1)
    const spacing = diagnostics.find((diagnostic) => diagnostic.code === 'french-spacing' && diagnostic.range.start.line === 0)
    expect(spacing).toBeDefined()
    const offered = (await session.codeActions(uri, [spacing!])).filter((action) => action.edit)
    for (const action of offered) expect(edited(text, action, uri)).toContain('<!-- suite -->')
    const repeated = diagnostics.find((diagnostic) => diagnostic.code === 'repeated-words')!
    expect(edited(text, preferred(await session.codeActions(uri, [repeated])), uri)).toBe(text.replace('le le', 'le'))
  })
})

describe('disable on this line', () => {
  const markdown = [
    '---',
    'title: Il a vu le le chat',
    '---',
    '',
    'Il a signé le le décret',
    'puis il a vu le le chat.',
    '',
    '- un premier le le point',
    '- un second le le point',
    '',
    '| a | b |',
    '| --- | --- |',
    '| le le | x |',
    '',
    'Il a lu le le texte.',
    '',
  ].join('\n')

  it('is offered only where the comment changes no block, and silences the finding', async () => {
    const uri = session.open('d.md', markdown)
    const diagnostics = await session.diagnostics(uri, 1)
    const offered = new Map<number, CodeAction | undefined>()
    for (const diagnostic of diagnostics) {
      const actions = await session.codeActions(uri, [diagnostic])
      offered.set(diagnostic.range.start.line, actions.find((action) => action.title.startsWith('Désactiver')))
    }
    expect([...offered.keys()]).toEqual([1, 4, 5, 7, 8, 12, 14])
    for (const [line, action] of offered) {
      if (!action) continue
      // Wherever it is offered, the document keeps its blocks.
      expect(markdownBlocks(edited(markdown, action, uri)), `line ${line + 1}`).toEqual(markdownBlocks(markdown))
    }
    expect(offered.get(1)).toBeUndefined() // front matter
    expect(offered.get(5)).toBeUndefined() // second line of a paragraph
    expect(offered.get(8)).toBeUndefined() // second item of a list
    expect(offered.get(12)).toBeUndefined() // table row
    expect(offered.get(4)).toBeDefined()
    const silenced = edited(markdown, offered.get(14), uri)
    session.change(uri, 2, silenced)
    const after = await session.diagnostics(uri, 2)
    expect(after.some((diagnostic) => diagnostic.range.start.line === 15)).toBe(false)
    expect(after).toHaveLength(diagnostics.length - 1)
  })

  it('HTML: not inside a tag written over two lines; between two lines of a paragraph, yes', async () => {
    const html = ['<p>Il a lu le le texte.</p>', '<p>Il a signé', 'le le décret.</p>', '<p><a', 'title="x">Il a vu le le chien.</a></p>', ''].join('\n')
    const uri = session.open('i.html', html, 'html')
    const diagnostics = await session.diagnostics(uri, 1)
    const offered = new Map<number, boolean>()
    for (const diagnostic of diagnostics) {
      const actions = await session.codeActions(uri, [diagnostic])
      offered.set(diagnostic.range.start.line, actions.some((action) => action.title.startsWith('Désactiver')))
    }
    expect([...offered]).toEqual([
      [0, true],
      [2, true],
      [4, false],
    ])
  })

  it('keeps the document’s CRLF line endings', async () => {
    const text = 'Il a lu le le texte.\r\n\r\nIl a vu le le chat.\r\n'
    const uri = session.open('e.md', text)
    const diagnostics = await session.diagnostics(uri, 1)
    const action = (await session.codeActions(uri, [diagnostics[1]!])).find((candidate) => candidate.title.startsWith('Désactiver'))
    expect(edited(text, action, uri)).toBe('Il a lu le le texte.\r\n\r\n<!-- coquille-disable-next-line repeated-words -->\r\nIl a vu le le chat.\r\n')
  })
})

describe('add to vocabulary', () => {
  it('is offered only for findings the vocabulary silences; the file keeps its line endings', async () => {
    writeFileSync(join(folder, '.coquille-vocabulary.txt'), '# maison\r\nCoquillette\r\n')
    const text = 'Il lit le site infoNews, négocie avec la Japon et Mr Dupont ? Oui : en 2ème position, 12000 euros.\n'
    const uri = session.open('f.txt', text, 'plaintext')
    const diagnostics = await session.diagnostics(uri, 1)
    const vocabularyActions: string[] = []
    for (const diagnostic of diagnostics) {
      for (const action of await session.codeActions(uri, [diagnostic])) if (action.command) vocabularyActions.push(action.title)
    }
    expect(diagnostics.length).toBeGreaterThan(3)
    expect(vocabularyActions).toEqual(['Ajouter « infoNews » au vocabulaire'])
    await session.connection.sendRequest('workspace/executeCommand', {command: 'coquille.addToVocabulary', arguments: [uri, 'infoNews']})
    expect(readFileSync(join(folder, '.coquille-vocabulary.txt'), 'utf8')).toBe('# maison\r\nCoquillette\r\ninfoNews\r\n')
    const after = await session.diagnosticsUntil(uri, (published) => published.length === diagnostics.length - 1)
    expect(after.some((diagnostic) => diagnostic.code === 'glued-words')).toBe(false)
  })

  it('a missing configured vocabulary file is one diagnostic; the others stay', async () => {
    writeFileSync(join(folder, '.coquillerc.json'), JSON.stringify({vocabulary: 'maison.txt'}))
    const uri = session.open('g.md', 'Il a vu le le chat.\n')
    const diagnostics = await session.diagnostics(uri, 1)
    expect(diagnostics.map((diagnostic) => diagnostic.code ?? diagnostic.message)).toEqual([expect.stringMatching(/fichier de vocabulaire introuvable : .*maison\.txt/), 'repeated-words'])
  })
})

describe('configuration without watched-file notifications', () => {
  it('a change on disk reaches the open document; a broken one is one diagnostic, and requests answer empty', async () => {
    const text = 'Il a vu le le chat.\n'
    const uri = session.open('h.md', text)
    expect(await session.diagnostics(uri, 1)).toHaveLength(1)
    writeFileSync(join(folder, '.coquillerc.json'), JSON.stringify({rules: {'repeated-words': 'off'}}))
    await session.diagnosticsUntil(uri, (diagnostics) => diagnostics.length === 0)
    writeFileSync(join(folder, '.coquillerc.json'), '{"rules": ')
    const broken = await session.diagnosticsUntil(uri, (diagnostics) => diagnostics.length === 1)
    expect(broken[0]!.message).toMatch(/coquillerc\.json : illisible/)
    expect(await session.connection.sendRequest('textDocument/formatting', {textDocument: {uri}, options: {tabSize: 2, insertSpaces: true}})).toEqual([])
    expect(await session.codeActions(uri, broken)).toEqual([])
    expect(await session.codeActions(uri, [], ['source.fixAll'])).toEqual([])
  }, 15_000)
})

describe('odd URIs', () => {
  it('are linted, never answered with a URI error', async () => {
    for (const uri of [pathToFileURL(folder).href + '/caf%E9.md', 'file://serveur/partage/article.md', 'untitled:Sans%20titre-1']) {
      session.open(uri, 'Il a vu le le chat.\n')
      expect(await session.diagnostics(uri, 1), uri).toHaveLength(1)
      const actions = await session.codeActions(uri, await session.diagnostics(uri, 1))
      expect(actions.length, uri).toBeGreaterThan(0)
    }
  })
})
