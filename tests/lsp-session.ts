/**
 * A language server spawned and spoken to over JSON-RPC with vscode-jsonrpc (the library
 * VS Code's client is built on), and helpers for the server tests.
 */
import {spawn, type ChildProcess} from 'node:child_process'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection} from 'vscode-jsonrpc/node.js'
import {TextDocument} from 'vscode-languageserver-textdocument'
import type {CodeAction, Diagnostic, PublishDiagnosticsParams, TextEdit} from 'vscode-languageserver'
import {markdownTree} from '../src/parse/index.js'

const bin = join(import.meta.dirname, '..', 'bin', 'coquille-language-server.js')

export interface Session {
  readonly child: ChildProcess
  readonly connection: MessageConnection
  /** The diagnostics last published for `uri` (of that version, if given), once they come. */
  diagnostics(uri: string, version?: number): Promise<Diagnostic[]>
  /** The next diagnostics published for `uri` that pass `test`. */
  diagnosticsUntil(uri: string, test: (diagnostics: Diagnostic[]) => boolean): Promise<Diagnostic[]>
  open(name: string, text: string, languageId?: string): string
  change(uri: string, version: number, text: string): void
  codeActions(uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]>
}

export async function startSession(folder: string): Promise<Session> {
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
  const next = (): Promise<void> => new Promise<void>((resolve) => waiters.push(resolve))
  return {
    child,
    connection,
    async diagnostics(uri, version) {
      for (;;) {
        const found = latest.get(uri)
        if (found && (version === undefined || found.version === version)) return found.diagnostics
        await next()
      }
    },
    async diagnosticsUntil(uri, test) {
      for (;;) {
        const found = latest.get(uri)
        if (found && test(found.diagnostics)) return found.diagnostics
        await next()
      }
    },
    open(name, text, languageId = 'markdown') {
      const uri = name.includes(':') ? name : pathToFileURL(join(folder, name)).href
      connection.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId, version: 1, text}})
      return uri
    },
    change(uri, version, text) {
      connection.sendNotification('textDocument/didChange', {textDocument: {uri, version}, contentChanges: [{text}]})
    },
    async codeActions(uri, diagnostics, only) {
      const range = diagnostics[0]?.range ?? {start: {line: 0, character: 0}, end: {line: 0, character: 0}}
      return (await connection.sendRequest('textDocument/codeAction', {textDocument: {uri}, range, context: {diagnostics, ...(only ? {only} : {})}})) as CodeAction[]
    },
  }
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('x', 'markdown', 0, text), edits)
}

/** The UTF-8 byte column of a UTF-16 one (what Neovim 0.7 counts). */
export function byteColumn(line: string, character: number): number {
  return Buffer.byteLength(line.slice(0, character))
}

/** Top-level block types of a Markdown document, comments left out: what a reader sees. */
export function markdownBlocks(markdown: string): string[] {
  return markdownTree(markdown)
    .children.filter((node) => node.type !== 'html')
    .map((node) => node.type)
}
