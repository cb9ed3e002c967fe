/**
 * The language server under abuse: garbage on stdin (not JSON-RPC at all, bad or huge
 * Content-Length, bodies that are not JSON or not messages), unknown methods, documents
 * changed after close, a 5 MB paste, 1,000 edits in a burst. After each, the server still
 * answers, publishes diagnostics for the last version, and its memory (read from
 * /proc/<pid>/status) stays bounded.
 */
import {spawn, type ChildProcess} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {PassThrough} from 'node:stream'
import {pathToFileURL} from 'node:url'
import fc from 'fast-check'
import {createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection} from 'vscode-jsonrpc/node.js'
import type {Diagnostic, PublishDiagnosticsParams, TextEdit} from 'vscode-languageserver'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {guardFraming} from '../../src/server/framing.js'
import {stopServer} from '../stop-server.js'

const bin = join(import.meta.dirname, '..', '..', 'bin', 'coquille-language-server.js')

interface Session {
  child: ChildProcess
  connection: MessageConnection
  stderr: () => string
  diagnostics: (uri: string, version: number) => Promise<Diagnostic[]>
}

let session: Session

async function start(): Promise<Session> {
  const child = spawn(process.execPath, [bin, '--stdio'], {stdio: ['pipe', 'pipe', 'pipe']})
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!))
  const published = new Map<string, PublishDiagnosticsParams[]>()
  const waiters: Array<() => void> = []
  connection.onNotification('textDocument/publishDiagnostics', (parameters: PublishDiagnosticsParams) => {
    published.set(parameters.uri, [...(published.get(parameters.uri) ?? []), parameters])
    for (const wake of waiters.splice(0)) wake()
  })
  connection.listen()
  await connection.sendRequest('initialize', {processId: process.pid, rootUri: null, capabilities: {}})
  connection.sendNotification('initialized', {})
  const diagnostics = async (uri: string, version: number): Promise<Diagnostic[]> => {
    for (;;) {
      const list = published.get(uri) ?? []
      const found = list.find((entry) => entry.version === version)
      if (found) {
        // Diagnostics of a version never follow those of a later one.
        expect(list.slice(list.indexOf(found) + 1).every((entry) => (entry.version ?? 0) >= version)).toBe(true)
        return found.diagnostics
      }
      await new Promise<void>((resolve) => waiters.push(resolve))
    }
  }
  return {child, connection, stderr: () => stderr, diagnostics}
}

/** Resident and peak memory of the server process, in MB. */
function memory(child: ChildProcess): {rss: number; peak: number} {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8')
  const field = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)![1]) / 1024
  return {rss: field('VmRSS'), peak: field('VmHWM')}
}

/** The server answers a request: formatting of an open document gives its safe fixes. */
async function answers(uri: string, fixed: string): Promise<void> {
  const edits = (await session.connection.sendRequest('textDocument/formatting', {textDocument: {uri}, options: {tabSize: 2, insertSpaces: true}})) as TextEdit[]
  expect(edits.map((edit) => edit.newText)).toEqual([fixed])
}

const uriOf = (name: string): string => pathToFileURL(join('/tmp', 'coquille-robust-server', name)).href

beforeEach(async () => {
  session = await start()
})
afterEach(async () => {
  await stopServer(session.child, session.connection)
})

describe('language server under abuse', () => {
  it('garbage on stdin: skipped with one line on stderr, the next message is answered', async () => {
    const uri = uriOf('a.txt')
    session.connection.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId: 'plaintext', version: 1, text: 'Il a vu le le chat.\n'}})
    await session.diagnostics(uri, 1)
    const frame = (body: string): string => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
    const garbage: Array<string | Buffer> = [
      'this is not JSON-RPC at all\r\n\r\n',
      Buffer.from([0, 1, 2, 0xff, 0xfe, 0x80, 0x0d, 0x0a, 0x0d]),
      'Content-Length: abc\r\n\r\n{}',
      'Content-Length: -5\r\n\r\n{}',
      'Content-Length: 99999999999\r\n\r\n{}',
      'Content-Type: application/json\r\n\r\n{}',
      frame('{"jsonrpc": "2.0", "id": 99, "method": '),
      frame('[1, 2, 3]'),
      frame('"a string"'),
      frame('{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": null}}'),
      frame('{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": 42}'),
      'x'.repeat(20_000),
    ]
    for (const bytes of garbage) {
      session.child.stdin!.write(bytes)
      await answers(uri, 'Il a vu le chat.\n')
    }
    // Framing problems are said on stderr, one line per run of garbage; nothing crashed.
    expect(session.stderr()).toMatch(/bytes of malformed input skipped \(Content-Length "abc" is not a length\)/)
    expect(session.stderr()).toMatch(/bytes of malformed input skipped \(Content-Length "99999999999" is not a length\)/)
    expect(session.child.exitCode).toBeNull()
  }, 30_000)

  it('unknown methods, changes after close, closes of unknown documents, then a reopen', async () => {
    await expect(session.connection.sendRequest('coquille/nothing', {})).rejects.toThrow(/Unhandled method/)
    session.connection.sendNotification('coquille/nothing', {a: 1})
    session.connection.sendNotification('$/unknown', [])
    const uri = uriOf('b.md')
    session.connection.sendNotification('textDocument/didClose', {textDocument: {uri}})
    session.connection.sendNotification('textDocument/didChange', {textDocument: {uri, version: 5}, contentChanges: [{text: 'le le'}]})
    session.connection.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId: 'markdown', version: 1, text: 'Il a vu le le chat.\n'}})
    expect(await session.diagnostics(uri, 1)).toHaveLength(1)
    session.connection.sendNotification('textDocument/didClose', {textDocument: {uri}})
    session.connection.sendNotification('textDocument/didClose', {textDocument: {uri}})
    session.connection.sendNotification('textDocument/didChange', {textDocument: {uri, version: 2}, contentChanges: [{range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, text: 'de de '}]})
    // Formatting a closed document: nothing to do, but an answer.
    expect(await session.connection.sendRequest('textDocument/formatting', {textDocument: {uri}, options: {tabSize: 2, insertSpaces: true}})).toEqual([])
    session.connection.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId: 'markdown', version: 3, text: 'Il vient de de Lyon et a vu le le chat.\n'}})
    expect((await session.diagnostics(uri, 3)).map((diagnostic) => diagnostic.code)).toEqual(['repeated-words', 'repeated-words'])
    await answers(uri, 'Il vient de de Lyon et a vu le chat.\n')
  })

  it('a 5 MB paste, then 1,000 edits in a burst: diagnostics of the last version, bounded memory', async () => {
    const uri = uriOf('c.txt')
    session.connection.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId: 'plaintext', version: 1, text: 'Titre\n\n'}})
    await session.diagnostics(uri, 1)
    const before = memory(session.child)

    // The paste: 5 MB inserted at the end of the document, as an incremental change.
    const paragraph = 'Le ministre a signé l’accord avec le Japon, selon l’agence, mardi soir à Paris.\n'
    const paste = paragraph.repeat(Math.ceil((5 * 1024 * 1024) / paragraph.length)) + 'Il a vu le le chat.\n'
    session.connection.sendNotification('textDocument/didChange', {textDocument: {uri, version: 2}, contentChanges: [{range: {start: {line: 2, character: 0}, end: {line: 2, character: 0}}, text: paste}]})
    const afterPaste = await session.diagnostics(uri, 2)
    expect(afterPaste.filter((diagnostic) => diagnostic.code === 'repeated-words').map((diagnostic) => diagnostic.range.start.line)).toEqual([2 + paste.split('\n').length - 2])
    const pasted = memory(session.child)

    // Select all and type over it: 1,000 edits as fast as they can be sent.
    const lines = 2 + paste.split('\n').length - 1
    session.connection.sendNotification('textDocument/didChange', {textDocument: {uri, version: 3}, contentChanges: [{range: {start: {line: 0, character: 0}, end: {line: lines, character: 0}}, text: ''}]})
    const typed = 'Titre\n\nIl a vu le le chat et de de la fenêtre. '.padEnd(1000, 'x')
    for (let index = 0; index < typed.length; index++) {
      session.connection.sendNotification('textDocument/didChange', {
        textDocument: {uri, version: 4 + index},
        contentChanges: [{range: {start: position(typed, index), end: position(typed, index)}, text: typed[index]}],
      })
    }
    const last = 3 + typed.length
    const diagnostics = await session.diagnostics(uri, last)
    expect(diagnostics.filter((diagnostic) => diagnostic.code === 'repeated-words').map((diagnostic) => diagnostic.range)).toEqual([
      {start: {line: 2, character: 10}, end: {line: 2, character: 13}},
      {start: {line: 2, character: 24}, end: {line: 2, character: 27}},
    ])
    await answers(uri, typed.replace('le le', 'le').replace('de de', 'de'))
    const after = memory(session.child)
    // Linting 5 MB holds about 2 million tokens at ~300 bytes each (measured: a peak of
    // 580 MB from 85 MB at rest); the burst of small edits adds nothing lasting.
    expect(pasted.peak).toBeLessThan(1000)
    expect(after.rss - pasted.rss).toBeLessThan(100)
    expect(after.peak - pasted.peak).toBeLessThan(100)
    expect(before.rss).toBeLessThan(300)
  }, 60_000)
})

/** Line and character of `offset` in `text`. */
function position(text: string, offset: number): {line: number; character: number} {
  const before = text.slice(0, offset)
  const line = before.split('\n').length - 1
  return {line, character: offset - (before.lastIndexOf('\n') + 1)}
}

describe('framing guard (in process)', () => {
  it('passes every well-formed message on, whatever garbage comes between and however stdin is cut', async () => {
    const body = fc.json().map((json) => JSON.stringify({jsonrpc: '2.0', method: 'x', params: JSON.parse(json) as unknown}))
    // Garbage without ':' cannot pass for a header (a full fake header would eat bytes, as it should).
    const garbage = fc.oneof(fc.constant(''), fc.string({unit: fc.constantFrom('a', 'Z', ' ', '\r', '\n', '{', '}', '-', '0', 'é', '\0'), maxLength: 40}))
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(garbage, body), {minLength: 1, maxLength: 8}), fc.array(fc.integer({min: 1, max: 50}), {minLength: 1, maxLength: 20}), async (messages, cuts) => {
        const bytes = Buffer.concat(messages.map(([junk, json]) => Buffer.from(`${junk}Content-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}`)))
        const input = new PassThrough()
        const skipped: number[] = []
        const output = guardFraming(input, (count) => skipped.push(count))
        const received: Buffer[] = []
        output.on('data', (chunk: Buffer) => received.push(chunk))
        const ended = new Promise((resolve) => output.on('end', resolve))
        let at = 0
        for (let cut = 0; at < bytes.length; cut++) {
          const length = cuts[cut % cuts.length]!
          input.write(bytes.subarray(at, at + length))
          at += length
        }
        input.end()
        await ended
        const expected = messages.map(([, json]) => `Content-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}`).join('')
        expect(Buffer.concat(received).toString()).toBe(expected)
        expect(skipped.reduce((sum, count) => sum + count, 0)).toBe(messages.reduce((sum, [junk]) => sum + Buffer.byteLength(junk), 0))
      }),
      {numRuns: 200},
    )
  })
})
