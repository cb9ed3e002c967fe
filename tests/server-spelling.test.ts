/** The language server offers "add to vocabulary" for a spelling finding, and the word is then accepted. */
import {spawn} from 'node:child_process'
import {mkdtempSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {createMessageConnection, StreamMessageReader, StreamMessageWriter} from 'vscode-jsonrpc/node.js'
import type {CodeAction, Diagnostic, PublishDiagnosticsParams} from 'vscode-languageserver'
import {describe, expect, it} from 'vitest'
import {stopServer} from './stop-server.js'

const bin = join(import.meta.dirname, '..', 'bin', 'coquille-language-server.js')

describe('spelling in the editor', () => {
  it('offers "add to vocabulary", and the word added is no longer flagged', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'coquille-server-spelling-'))
    const child = spawn(process.execPath, [bin, '--stdio'], {stdio: ['pipe', 'pipe', 'pipe']})
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!))
    const published = new Map<number, Diagnostic[]>()
    const waiters: Array<() => void> = []
    connection.onNotification('textDocument/publishDiagnostics', (parameters: PublishDiagnosticsParams) => {
      published.set(parameters.version ?? 0, parameters.diagnostics)
      for (const wake of waiters.splice(0)) wake()
    })
    connection.listen()
    const diagnostics = async (version: number): Promise<Diagnostic[]> => {
      while (!published.has(version)) await new Promise<void>((resolve) => waiters.push(resolve))
      return published.get(version)!
    }
    try {
      await connection.sendRequest('initialize', {processId: process.pid, rootUri: pathToFileURL(folder).href, capabilities: {}})
      connection.sendNotification('initialized', {})
      const uri = pathToFileURL(join(folder, 'a.md')).href
      const text = 'Le conseil a siégé.\n\nLe minsitre a parlé.\n'
      connection.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId: 'markdown', version: 1, text}})
      const [finding] = (await diagnostics(1)).filter((diagnostic) => diagnostic.code === 'spelling')
      expect(finding).toBeDefined()
      const actions = await connection.sendRequest<CodeAction[]>('textDocument/codeAction', {textDocument: {uri}, range: finding!.range, context: {diagnostics: [finding]}})
      const add = actions.find((action) => action.title === 'Ajouter « minsitre » au vocabulaire')
      expect(add?.command).toBeDefined()
      await connection.sendRequest('workspace/executeCommand', add!.command)
      expect(readFileSync(join(folder, '.coquille-vocabulary.txt'), 'utf8')).toMatch(/minsitre\n$/)
      connection.sendNotification('textDocument/didChange', {textDocument: {uri, version: 2}, contentChanges: [{text}]})
      expect((await diagnostics(2)).filter((diagnostic) => diagnostic.code === 'spelling')).toEqual([])
    } finally {
      await stopServer(child, connection)
    }
  }, 60_000)
})
