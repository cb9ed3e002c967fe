/**
 * Language-server re-lint latency: spawn bin/coquille-language-server.js, open an article,
 * then send edits one at a time and time each didChange → publishDiagnostics round trip
 * (the diagnostics of exactly that version), as an editor sees it while one types.
 */
import {spawn} from 'node:child_process'
import {join} from 'node:path'
import {performance} from 'node:perf_hooks'
import {pathToFileURL} from 'node:url'
import {createMessageConnection, StreamMessageReader, StreamMessageWriter} from 'vscode-jsonrpc/node.js'
import type {PublishDiagnosticsParams} from 'vscode-languageserver'
import {packageRoot} from '../src/package-root.js'

export interface LspLatency {
  /** Milliseconds of each edit's round trip. */
  readonly roundTrips: number[]
  /** Open → first diagnostics (includes loading the lexicons). */
  readonly firstMs: number
  readonly diagnostics: number
}

export async function measureLspLatency(text: string, edits: number): Promise<LspLatency> {
  const bin = join(packageRoot, 'bin', 'coquille-language-server.js')
  const child = spawn(process.execPath, [bin, '--stdio'], {stdio: ['pipe', 'pipe', 'inherit']})
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!))
  const waiting = new Map<number, (parameters: PublishDiagnosticsParams) => void>()
  connection.onNotification('textDocument/publishDiagnostics', (parameters: PublishDiagnosticsParams) => {
    const wake = parameters.version === undefined ? undefined : waiting.get(parameters.version)
    if (wake) {
      waiting.delete(parameters.version!)
      wake(parameters)
    }
  })
  connection.listen()
  try {
    await connection.sendRequest('initialize', {processId: process.pid, rootUri: pathToFileURL(packageRoot).href, capabilities: {}})
    connection.sendNotification('initialized', {})
    // A path under the package: its configuration (none) and vocabulary are looked up as in use.
    const uri = pathToFileURL(join(packageRoot, 'bench', 'lsp-article.txt')).href
    const published = (version: number): Promise<PublishDiagnosticsParams> => new Promise((resolve) => waiting.set(version, resolve))
    let before = performance.now()
    let answer = published(1)
    connection.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId: 'plaintext', version: 1, text}})
    const first = await answer
    const firstMs = performance.now() - before
    // Type a character in the middle of the article, then delete it, and so on.
    const middle = text.indexOf(' ', text.length >> 1)
    const line = text.slice(0, middle).split('\n').length - 1
    const character = middle - (text.lastIndexOf('\n', middle - 1) + 1)
    const roundTrips: number[] = []
    for (let edit = 0; edit < edits; edit++) {
      const version = edit + 2
      const insert = edit % 2 === 0
      const range = insert
        ? {start: {line, character}, end: {line, character}}
        : {start: {line, character}, end: {line, character: character + 1}}
      answer = published(version)
      before = performance.now()
      connection.sendNotification('textDocument/didChange', {textDocument: {uri, version}, contentChanges: [{range, text: insert ? 'x' : ''}]})
      await answer
      roundTrips.push(performance.now() - before)
    }
    return {roundTrips, firstMs, diagnostics: first.diagnostics.length}
  } finally {
    connection.dispose()
    child.kill()
  }
}
