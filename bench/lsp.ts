/**
 * Language-server latency, as an editor sees it: spawn bin/coquille-language-server.js
 * (or another server), open an article, then
 * - {@link measureLspLatency}: send edits one at a time and time each didChange →
 *   publishDiagnostics round trip (the diagnostics of exactly that version);
 * - {@link measureTypingLatency}: type at a steady rate without waiting for anything (a
 *   client with no debounce, like VS Code, Helix or Emacs lsp-mode) and time how long after
 *   the last key the diagnostics of the final text arrive.
 */
import {spawn} from 'node:child_process'
import {join} from 'node:path'
import {performance} from 'node:perf_hooks'
import {setTimeout as sleep} from 'node:timers/promises'
import {pathToFileURL} from 'node:url'
import {createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection} from 'vscode-jsonrpc/node.js'
import type {PublishDiagnosticsParams} from 'vscode-languageserver'
import {packageRoot} from '../src/package-root.js'

export const defaultServer = join(packageRoot, 'bin', 'coquille-language-server.js')

export interface LspLatency {
  /** Milliseconds of each edit's round trip. */
  readonly roundTrips: number[]
  /** Open → first diagnostics (includes loading the lexicons). */
  readonly firstMs: number
  readonly diagnostics: number
}

interface ServerSession {
  readonly connection: MessageConnection
  /** Resolves when diagnostics of that version are published. */
  published(version: number): Promise<PublishDiagnosticsParams>
  /** How many times diagnostics were published. */
  readonly publishCount: () => number
  close(): void
}

async function startServer(server: string): Promise<ServerSession> {
  const child = spawn(process.execPath, [server, '--stdio'], {stdio: ['pipe', 'pipe', 'inherit']})
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!))
  const waiting = new Map<number, (parameters: PublishDiagnosticsParams) => void>()
  let count = 0
  connection.onNotification('textDocument/publishDiagnostics', (parameters: PublishDiagnosticsParams) => {
    count++
    const wake = parameters.version === undefined ? undefined : waiting.get(parameters.version)
    if (wake) {
      waiting.delete(parameters.version!)
      wake(parameters)
    }
  })
  connection.listen()
  await connection.sendRequest('initialize', {processId: process.pid, rootUri: pathToFileURL(packageRoot).href, capabilities: {}})
  connection.sendNotification('initialized', {})
  return {
    connection,
    published: (version) => new Promise((resolve) => waiting.set(version, resolve)),
    publishCount: () => count,
    close() {
      connection.dispose()
      child.kill()
    },
  }
}

/** Line and UTF-16 column of an offset. */
function positionOf(text: string, offset: number): {line: number; character: number} {
  return {line: text.slice(0, offset).split('\n').length - 1, character: offset - (text.lastIndexOf('\n', offset - 1) + 1)}
}

export async function measureLspLatency(text: string, edits: number, server = defaultServer): Promise<LspLatency> {
  const session = await startServer(server)
  try {
    // A path under the package: its configuration (none) and vocabulary are looked up as in use.
    const uri = pathToFileURL(join(packageRoot, 'bench', 'lsp-article.txt')).href
    let before = performance.now()
    let answer = session.published(1)
    session.connection.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId: 'plaintext', version: 1, text}})
    const first = await answer
    const firstMs = performance.now() - before
    // Type a character in the middle of the article, then delete it, and so on.
    const {line, character} = positionOf(text, text.indexOf(' ', text.length >> 1))
    const roundTrips: number[] = []
    for (let edit = 0; edit < edits; edit++) {
      const version = edit + 2
      const insert = edit % 2 === 0
      const range = insert
        ? {start: {line, character}, end: {line, character}}
        : {start: {line, character}, end: {line, character: character + 1}}
      answer = session.published(version)
      before = performance.now()
      session.connection.sendNotification('textDocument/didChange', {textDocument: {uri, version}, contentChanges: [{range, text: insert ? 'x' : ''}]})
      await answer
      roundTrips.push(performance.now() - before)
    }
    return {roundTrips, firstMs, diagnostics: first.diagnostics.length}
  } finally {
    session.close()
  }
}

export interface TypingLatency {
  /** Last key → diagnostics of the final text, milliseconds, one per round. */
  readonly finalMs: number[]
  /** Diagnostics published while typing, per round (each one is a lint the server ran). */
  readonly publishedWhileTyping: number[]
}

/**
 * Type `keys` characters (a French sentence, over and over) into the middle of a Markdown
 * article at `keysPerSecond`, one didChange per key, never waiting for the server; `rounds`
 * times in the same session, with a pause between rounds.
 */
export async function measureTypingLatency(text: string, options: {keys: number; keysPerSecond: number; rounds: number; server?: string}): Promise<TypingLatency> {
  const session = await startServer(options.server ?? defaultServer)
  const typed = ' Le ministre a signé le décret hier soir.'
  try {
    const uri = pathToFileURL(join(packageRoot, 'bench', 'lsp-article.md')).href
    let version = 1
    const opened = session.published(version)
    session.connection.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId: 'markdown', version, text}})
    await opened
    // The end of a paragraph near the middle: typing there keeps the Markdown structure.
    let at = text.indexOf('.\n', text.length >> 1) + 1
    let current = text
    const finalMs: number[] = []
    const publishedWhileTyping: number[] = []
    for (let round = 0; round < options.rounds; round++) {
      await sleep(1000)
      const countBefore = session.publishCount()
      const started = performance.now()
      for (let key = 0; key < options.keys; key++) {
        const due = started + (key * 1000) / options.keysPerSecond
        const wait = due - performance.now()
        if (wait > 0) await sleep(wait)
        const character = typed[key % typed.length]!
        const position = positionOf(current, at)
        version++
        session.connection.sendNotification('textDocument/didChange', {textDocument: {uri, version}, contentChanges: [{range: {start: position, end: position}, text: character}]})
        current = current.slice(0, at) + character + current.slice(at)
        at++
      }
      const lastKey = performance.now()
      publishedWhileTyping.push(session.publishCount() - countBefore)
      await session.published(version)
      finalMs.push(performance.now() - lastKey)
    }
    return {finalMs, publishedWhileTyping}
  } finally {
    session.close()
  }
}
