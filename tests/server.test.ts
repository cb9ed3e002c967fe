/**
 * The language server, spawned and spoken to over JSON-RPC with vscode-jsonrpc (the
 * library VS Code's client is built on).
 */
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import type {CodeAction, TextEdit} from 'vscode-languageserver'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {applyEdits, startSession, type Session} from './lsp-session.js'
import {stopServer} from './stop-server.js'

let session: Session
let folder: string

const article = '# Titre\n\nIl a signé le le décret.\n\nIl a vu de de la fenêtre le le chat.\n'

beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), 'coquille-server-'))
  session = await startSession(folder)
})
afterEach(async () => {
  await stopServer(session.child, session.connection)
})

function open(name: string, text: string, languageId = 'markdown'): string {
  return session.open(name, text, languageId)
}

describe('coquille-language-server', () => {
  it('publishes diagnostics with rule id, French reason and documentation link', async () => {
    const uri = open('a.md', article)
    const diagnostics = await session.diagnostics(uri, 1)
    expect(diagnostics).toHaveLength(3)
    expect(diagnostics[0]).toMatchObject({code: 'repeated-words', source: 'coquille', message: 'Mot répété : « le ».', range: {start: {line: 2, character: 13}, end: {line: 2, character: 16}}})
    expect(diagnostics[0]!.codeDescription?.href).toMatch(/rules\.md#repeated-words$/)
  })

  it('a quick fix inserting a no-break space names it visibly', async () => {
    const uri = open('n.md', '# Titre\n\nIl a dit: oui.\n')
    const [diagnostic] = await session.diagnostics(uri, 1)
    const actions = (await session.connection.sendRequest('textDocument/codeAction', {textDocument: {uri}, range: diagnostic!.range, context: {diagnostics: [diagnostic]}})) as CodeAction[]
    expect(actions.find((action) => action.isPreferred)?.title).toBe('Remplacer par « ␣: » (␣ espace insécable (U+00A0))')
  })

  it('quick fixes, disable-on-this-line, then a fix-all that leaves fewer diagnostics', async () => {
    const uri = open('a.md', article)
    const diagnostics = await session.diagnostics(uri, 1)
    const actions = (await session.connection.sendRequest('textDocument/codeAction', {
      textDocument: {uri},
      range: diagnostics[0]!.range,
      context: {diagnostics: [diagnostics[0]]},
    })) as CodeAction[]
    const quickFix = actions.find((action) => action.isPreferred)!
    expect(quickFix.title).toBe('Supprimer')
    expect(actions.some((action) => action.title === 'Désactiver « repeated-words » sur cette ligne')).toBe(true)
    const fixed = applyEdits(article, quickFix.edit!.changes![uri]!)
    expect(fixed).toContain('Il a signé le décret.')
    session.connection.sendNotification('textDocument/didChange', {textDocument: {uri, version: 2}, contentChanges: [{text: fixed}]})
    expect(await session.diagnostics(uri, 2)).toHaveLength(2)

    const all = (await session.connection.sendRequest('textDocument/codeAction', {
      textDocument: {uri},
      range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}},
      context: {diagnostics: [], only: ['source.fixAll']},
    })) as CodeAction[]
    expect(all).toHaveLength(1)
    const afterAll = applyEdits(fixed, all[0]!.edit!.changes![uri]!)
    expect(afterAll).toBe('# Titre\n\nIl a signé le décret.\n\nIl a vu de la fenêtre le chat.\n')
    session.connection.sendNotification('textDocument/didChange', {textDocument: {uri, version: 3}, contentChanges: [{text: afterAll}]})
    expect(await session.diagnostics(uri, 3)).toHaveLength(0)
  })

  it('document formatting goes through the fix engine and keeps markup', async () => {
    const text = '# Un *le* le titre\n\n> Il a vu le le **chat**.\n'
    const uri = open('b.md', text)
    const edits = (await session.connection.sendRequest('textDocument/formatting', {textDocument: {uri}, options: {tabSize: 2, insertSpaces: true}})) as TextEdit[]
    expect(applyEdits(text, edits)).toBe('# Un *le* titre\n\n> Il a vu le **chat**.\n')
  })

  it('edits in quick succession: the last version wins', async () => {
    const uri = open('c.txt', 'Texte.\n', 'plaintext')
    await session.diagnostics(uri, 1)
    for (let version = 2; version <= 40; version++) {
      session.connection.sendNotification('textDocument/didChange', {textDocument: {uri, version}, contentChanges: [{text: 'Il a vu le le chat.\n'.repeat(version % 5)}]})
    }
    expect(await session.diagnostics(uri, 40)).toHaveLength(0)
    const three = 'Il a vu le le chat.\nIl a vu le le chien.\nIl a vu le le loup.\n'
    session.connection.sendNotification('textDocument/didChange', {textDocument: {uri, version: 41}, contentChanges: [{text: three}]})
    expect(await session.diagnostics(uri, 41)).toHaveLength(3)
  })

  it('configuration and vocabulary: discovered like the CLI, re-read when they change', async () => {
    writeFileSync(join(folder, '.coquillerc.json'), JSON.stringify({rules: {'repeated-words': 'off'}}))
    const uri = open('d.md', article)
    expect(await session.diagnostics(uri, 1)).toHaveLength(0)
    writeFileSync(join(folder, '.coquillerc.json'), JSON.stringify({rules: {'repeated-words': 'warn'}}))
    session.connection.sendNotification('workspace/didChangeWatchedFiles', {changes: [{uri: pathToFileURL(join(folder, '.coquillerc.json')).href, type: 2}]})
    session.connection.sendNotification('textDocument/didChange', {textDocument: {uri, version: 2}, contentChanges: [{text: article}]})
    const diagnostics = await session.diagnostics(uri, 2)
    expect(diagnostics).toHaveLength(3)
    expect(diagnostics[0]!.severity).toBe(2)
  })

  it('a broken configuration is a diagnostic, not a crash', async () => {
    writeFileSync(join(folder, '.coquillerc.json'), '{"rules": ')
    const uri = open('e.md', article)
    const diagnostics = await session.diagnostics(uri, 1)
    expect(diagnostics[0]!.message).toMatch(/illisible/)
  })

  it('add to vocabulary writes the shared vocabulary file', async () => {
    await session.connection.sendRequest('workspace/executeCommand', {command: 'coquille.addToVocabulary', arguments: [pathToFileURL(join(folder, 'f.md')).href, 'BlaBlaCar']})
    expect(readFileSync(join(folder, '.coquille-vocabulary.txt'), 'utf8')).toMatch(/\nBlaBlaCar\n$/)
  })

  it('survives malformed requests, unknown methods, double close and a 5 MB document', async () => {
    await expect(session.connection.sendRequest('coquille/unknown', {})).rejects.toThrow()
    await expect(session.connection.sendRequest('textDocument/codeAction', {nonsense: true})).rejects.toThrow()
    const uri = open('g.md', article)
    await session.diagnostics(uri, 1)
    session.connection.sendNotification('textDocument/didClose', {textDocument: {uri}})
    session.connection.sendNotification('textDocument/didClose', {textDocument: {uri}})
    const big = Array.from({length: 70_000}, (_, index) => `Le ministre a signé l’accord numéro ${index} avec le Japon, selon l’agence.\n\n`).join('') + 'Il a vu le le chat.\n'
    const bigUri = open('big.md', big)
    const diagnostics = await session.diagnostics(bigUri, 1)
    expect(diagnostics).toHaveLength(1)
    const after = open('h.md', article)
    expect(await session.diagnostics(after, 1)).toHaveLength(3)
  }, 60_000)
})
