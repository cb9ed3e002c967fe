/**
 * The language server, spawned and spoken to over JSON-RPC with vscode-jsonrpc (the
 * library VS Code's client is built on).
 */
import {spawn, type ChildProcess} from 'node:child_process'
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection} from 'vscode-jsonrpc/node.js'
import {TextDocument} from 'vscode-languageserver-textdocument'
import type {CodeAction, Diagnostic, PublishDiagnosticsParams, TextEdit} from 'vscode-languageserver'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {stopServer} from './stop-server.js'

const bin = join(import.meta.dirname, '..', 'bin', 'coquille-language-server.js')

interface Session {
  child: ChildProcess
  connection: MessageConnection
  diagnostics: (uri: string, version?: number) => Promise<Diagnostic[]>
}

let session: Session
let folder: string

async function start(): Promise<Session> {
  const child = spawn(process.execPath, [bin, '--stdio'], {stdio: ['pipe', 'pipe', 'pipe']})
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!))
  const latest = new Map<string, PublishDiagnosticsParams>()
  const waiters: Array<() => void> = []
  connection.onNotification('textDocument/publishDiagnostics', (parameters: PublishDiagnosticsParams) => {
    latest.set(parameters.uri, parameters)
    for (const wake of waiters.splice(0)) wake()
  })
  connection.listen()
  await connection.sendRequest('initialize', {processId: process.pid, rootUri: pathToFileURL(folder).href, capabilities: {}})
  connection.sendNotification('initialized', {})
  const diagnostics = async (uri: string, version?: number): Promise<Diagnostic[]> => {
    for (;;) {
      const found = latest.get(uri)
      if (found && (version === undefined || found.version === version)) return found.diagnostics
      await new Promise<void>((resolve) => waiters.push(resolve))
    }
  }
  return {child, connection, diagnostics}
}

function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('x', 'markdown', 0, text), edits)
}

const article = '# Titre\n\nIl a signé le le décret.\n\nIl a vu de de la fenêtre le le chat.\n'

beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), 'coquille-server-'))
  session = await start()
})
afterEach(async () => {
  await stopServer(session.child, session.connection)
})

function open(name: string, text: string, languageId = 'markdown'): string {
  const uri = pathToFileURL(join(folder, name)).href
  session.connection.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId, version: 1, text}})
  return uri
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
