#!/usr/bin/env node
// Starts a coquille language server (`node lsp-smoke.mjs path/to/coquille-language-server.js`)
// over stdio, opens a French document with a repeated word and waits for that diagnostic.
// Exit 0 when it comes within 60 s. Used by check-recipes.sh on the server packaged in the .vsix.
import {spawn} from 'node:child_process'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'

const server = spawn(process.execPath, [process.argv[2], '--stdio'], {stdio: ['pipe', 'pipe', 'inherit']})
const send = (message) => {
  const body = JSON.stringify({jsonrpc: '2.0', ...message})
  server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`)
}
const timer = setTimeout(() => {
  process.stderr.write('lsp-smoke: no diagnostic within 60 s\n')
  server.kill()
  process.exit(1)
}, 60_000)

let buffer = Buffer.alloc(0)
server.stdout.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk])
  for (;;) {
    const headerEnd = buffer.indexOf('\r\n\r\n')
    if (headerEnd < 0) return
    const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString())?.[1])
    if (buffer.length < headerEnd + 4 + length) return
    const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'))
    buffer = buffer.subarray(headerEnd + 4 + length)
    if (message.id === 1) {
      send({method: 'initialized', params: {}})
      send({method: 'textDocument/didOpen', params: {textDocument: {uri: pathToFileURL(join(tmpdir(), 'article.txt')).href, languageId: 'plaintext', version: 1, text: 'Un titre\n\nIl a vu le le chat.\n'}}})
    }
    if (message.method === 'textDocument/publishDiagnostics' && message.params.diagnostics.some((diagnostic) => diagnostic.code === 'repeated-words')) {
      process.stdout.write('lsp-smoke: repeated-words diagnostic received\n')
      clearTimeout(timer)
      server.kill()
      process.exit(0)
    }
  }
})
send({id: 1, method: 'initialize', params: {processId: process.pid, rootUri: null, capabilities: {}}})
