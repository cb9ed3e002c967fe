/**
 * A filter between stdin and the JSON-RPC reader of the language server. vscode-jsonrpc
 * trusts the framing it reads: after a `Content-Length` that is not a number or is
 * negative, its header parser stays out of step with the stream for good (each later
 * message swallows the header of the next one) and the server never answers again; after
 * a huge one it buffers all later input, waiting for a body that never comes.
 *
 * Here every header block is checked before it is passed on: it must end within 8 KB and
 * carry a `Content-Length` of at most `maxMessageBytes`. Anything else is skipped up to the
 * next `Content-Length` header, with one line on stderr, and the next well-formed message
 * is answered. Bodies are passed on untouched: a body that is not JSON, or not a JSON-RPC
 * message, is the reader's to reject (it does, and goes on).
 */
import {PassThrough, type Readable} from 'node:stream'

/** Largest message accepted: a 50 MB article (the CLI's default limit) escaped as JSON. */
export const maxMessageBytes = 128 * 1024 * 1024
const maxHeaderBytes = 8192
const headerEnd = '\r\n\r\n'
const lengthField = 'content-length:'

export function guardFraming(input: NodeJS.ReadableStream, onSkip: (bytes: number, reason: string) => void): Readable {
  const output = new PassThrough()
  let chunks: Buffer[] = []
  let size = 0
  /** Header of the message whose body is awaited (its length in `bodyLength`). */
  let header: Buffer | undefined
  let bodyLength = 0

  const take = (count: number): Buffer => {
    const all = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)
    const taken = all.subarray(0, count)
    chunks = count < all.length ? [all.subarray(count)] : []
    size -= count
    return taken
  }
  /** The first bytes as text (latin1 maps each byte to one character). */
  const peek = (count: number): string => {
    const all = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)
    chunks = size > 0 ? [all] : []
    return all.toString('latin1', 0, Math.min(count, size))
  }
  /** Skipped bytes not yet reported: one line per run of garbage, when it ends. */
  let skipped = 0
  let skipReason = ''
  const report = (): void => {
    if (skipped > 0) onSkip(skipped, skipReason)
    skipped = 0
  }
  /** Drop bytes up to the next `Content-Length` after the first byte (keep a partial one at the end). */
  const resync = (reason: string): void => {
    const text = peek(size).toLowerCase()
    let next = text.indexOf(lengthField, 1)
    if (next === -1) {
      next = size
      for (let kept = Math.min(lengthField.length - 1, size - 1); kept > 0; kept--) {
        if (text.endsWith(lengthField.slice(0, kept))) {
          next = size - kept
          break
        }
      }
    }
    take(next)
    if (skipped === 0) skipReason = reason
    skipped += next
  }

  const drain = (): void => {
    for (;;) {
      if (header) {
        if (size < bodyLength) return
        output.write(Buffer.concat([header, take(bodyLength)]))
        header = undefined
        continue
      }
      if (size === 0) return
      const head = peek(maxHeaderBytes + headerEnd.length)
      const end = head.indexOf(headerEnd)
      if (end === -1) {
        // Wait for the end of the header, unless what came so far cannot be one.
        const firstLine = head.indexOf('\r\n')
        const problem = size > maxHeaderBytes ? 'no end of header' : firstLine === -1 ? (/^[\w-]*(?::|$)/.test(head) ? undefined : 'not a header') : typeof contentLength(head.slice(0, firstLine), false) === 'string' ? 'not a header' : undefined
        if (!problem) return
        resync(problem)
        continue
      }
      const length = contentLength(head.slice(0, end))
      if (typeof length === 'string') {
        resync(length)
        continue
      }
      report()
      header = take(end + headerEnd.length)
      bodyLength = length
    }
  }

  input.on('data', (chunk: Buffer | string) => {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
    chunks.push(bytes)
    size += bytes.length
    drain()
  })
  input.on('end', () => {
    report()
    output.end()
  })
  input.on('error', (error) => output.destroy(error))
  return output
}

/**
 * The body length a header block announces, or why the block is not a JSON-RPC header
 * (with `complete` false, only whether its lines are header lines).
 */
function contentLength(block: string, complete = true): number | string {
  let length: number | string = 'no Content-Length'
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':')
    if (colon <= 0 || !/^[\w-]+$/.test(line.slice(0, colon))) return 'not a header'
    if (line.slice(0, colon + 1).toLowerCase() !== lengthField) continue
    const value = line.slice(colon + 1).trim()
    if (!/^\d{1,10}$/.test(value)) return `Content-Length ${JSON.stringify(value.slice(0, 20))} is not a length`
    length = Number(value)
    if (length > maxMessageBytes) return `Content-Length ${value} over ${maxMessageBytes}`
  }
  return complete ? length : 0
}
