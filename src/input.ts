/**
 * Input checks before parsing: an article must be text. Binary files (NUL bytes) and
 * invalid UTF-8 get one clear fatal message (exit code 2), never a lint of garbage.
 * A UTF-8 byte order mark is removed from the value (and remembered, so writes keep it):
 * positions then count from the first visible character, as editors do.
 */
import {readFileSync, statSync} from 'node:fs'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {builtin} from './lazy.js'

const v8 = builtin<typeof import('node:v8')>('node:v8')

export class InputError extends Error {
  override name = 'InputError'
}

/** Largest article read by default, in bytes (UTF-8): `--max-file-size`. */
export const defaultMaxFileSize = 50 * 1024 * 1024

/**
 * Heap an article needs while it is linted, per token (word, space or punctuation): the
 * tree, the document index and their positions, measured at 250 to 300 bytes on Node 20
 * (messages come on top, about 2 KB each). 50 MB of prose is about 20 million tokens, 6 GB:
 * more than Node's default heap, which would end the process with "JavaScript heap out of
 * memory" and a native trace. Such a file is refused with a reason instead.
 */
const heapBytesPerToken = 300

/**
 * Check `file.value`; strip its BOM. Returns the text to parse, or undefined when the
 * file was refused (a fatal message was added). A text longer than `sectionedAbove` is linted
 * in sections (see parse/sections.ts), whose memory does not grow with the file: no heap check.
 */
export function prepareInput(file: VFile, maxSize = defaultMaxFileSize, sectionedAbove = Infinity): string | undefined {
  const bytes = typeof file.value === 'string' ? undefined : (file.value ?? new Uint8Array())
  let text = bytes ? new TextDecoder().decode(bytes) : String(file.value)
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1)
    file.data.bom = true
  }
  // The decoded text replaces the bytes read (a huge file would otherwise be held twice).
  file.value = text
  const refuse = (reason: string): undefined => refuseInput(file, reason)
  // A UTF-16 unit is at least one UTF-8 byte: count bytes only near the limit.
  if (text.length > maxSize || (text.length * 3 > maxSize && Buffer.byteLength(text) > maxSize)) {
    return refuse(`Fichier trop gros (${formatSize(Buffer.byteLength(text))} > ${formatSize(maxSize)}) : non analysé (voir --max-file-size).`)
  }
  if (text.includes('\0') || text.includes('\uFFFD')) {
    // The bytes tell UTF-16 from binary, and a replacement character written in the text
    // from one made by decoding.
    const source = bytes ?? (file.path ? bytesOnDisk(file.path) : undefined)
    const problem = source ? encodingProblem(source) : text.includes('\0') ? binaryReason : undefined
    if (problem) return refuse(problem)
  }
  // Tokens are counted only for a text that could come near the limit (never an article).
  const available = text.length <= sectionedAbove && text.length * heapBytesPerToken > 16 * 1024 * 1024 ? availableHeap() : Infinity
  const needed = text.length * heapBytesPerToken > available ? countTokens(text) * heapBytesPerToken : 0
  if (needed > available) {
    return refuse(
      `Fichier trop gros pour la mémoire de Node (${formatSize(needed)} nécessaires, ${formatSize(available)} disponibles) : non analysé (découpez-le, ou donnez plus de mémoire à Node : NODE_OPTIONS=--max-old-space-size=…).`,
    )
  }
  return text
}

/** Heap left for one article: what V8 allows minus what is in use, with a margin. */
export function availableHeap(): number {
  const heap = v8().getHeapStatistics()
  return Math.max(0, (heap.heap_size_limit - heap.used_heap_size) * 0.8)
}

/** About the number of tokens parse-latin makes: runs of letters and digits, runs of white space, other characters one by one. */
export function countTokens(text: string): number {
  let tokens = 0
  let previous = -1 // 0 word, 1 space, 2 other
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at)
    const kind = code <= 0x20 || code === 0xa0 || code === 0x202f ? 1 : code >= 0x80 || (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) ? 0 : 2
    if (kind === 2 || kind !== previous) tokens++
    previous = kind
  }
  return tokens
}

/** "1.5 Mo", "50 Mo", "512 Ko", "10 octets": sizes in the French units the messages use. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${+(bytes / 1024 ** 3).toFixed(1)} Go`
  if (bytes >= 1024 * 1024) return `${+(bytes / 1024 ** 2).toFixed(1)} Mo`
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} Ko`
  return `${bytes} octets`
}

/** `--max-file-size` values: bytes, or a number with k, M or G (powers of 1024; "MB", "Mo" and "MiB" too). */
export function parseSize(value: string): number | undefined {
  const match = /^(\d+\.\d+|\d+)\s*([kmg]?)(ib|b|o|)$/i.exec(value.trim())
  if (!match) return undefined
  const unit = {'': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3}[match[2]!.toLowerCase() as '' | 'k' | 'm' | 'g']
  const bytes = Math.floor(Number(match[1]) * unit)
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : undefined
}

/** Refuse a file: one fatal message, no rule runs on it (exit code 2 in the CLI). */
export function refuseInput(file: VFile, reason: string): undefined {
  const message = file.message(reason, {cause: new InputError(reason)})
  message.fatal = true
  message.source = 'coquille'
  return undefined
}

/** Largest configuration or vocabulary file read, in bytes. */
export const maxSettingsFileSize = 16 * 1024 * 1024

/**
 * Read a configuration or vocabulary file: a regular file (a named pipe would block, a
 * device never end), of at most `maxSettingsFileSize`, in UTF-8. Throws an error whose
 * message is one line (the caller names the file).
 */
export function readSettingsFile(path: string): string {
  const stats = statSync(path)
  if (!stats.isFile()) {
    const kind = stats.isFIFO() ? 'un tube nommé' : stats.isSocket() ? 'une socket' : stats.isDirectory() ? 'un dossier' : stats.isCharacterDevice() || stats.isBlockDevice() ? 'un périphérique' : 'pas un fichier ordinaire'
    throw new InputError(`${kind}, non lu`)
  }
  if (stats.size > maxSettingsFileSize) throw new InputError(`trop gros (${formatSize(stats.size)} > ${formatSize(maxSettingsFileSize)}), non lu`)
  const bytes = readFileSync(path)
  const problem = encodingProblem(bytes)
  if (problem) throw new InputError(/UTF-16/.test(problem) ? 'pas en UTF-8 (UTF-16)' : bytes.includes(0) ? 'binaire, non lu' : 'pas en UTF-8')
  return new TextDecoder().decode(bytes)
}

function bytesOnDisk(path: string): Uint8Array | undefined {
  try {
    return readFileSync(path)
  } catch {
    return undefined
  }
}

const binaryReason = 'Fichier binaire (octets nuls) : ce n’est pas un article texte, non analysé.'

/**
 * Why these bytes are not a UTF-8 article (one line, in French), or undefined when they are.
 * UTF-16 is named as such (with or without its byte order mark), before "binary": its
 * ASCII letters come with a NUL byte each.
 */
export function encodingProblem(bytes: Uint8Array): string | undefined {
  const utf16 = utf16Order(bytes)
  if (utf16) {
    return `Encodage invalide : le fichier n’est pas en UTF-8 (${utf16}) ; convertissez-le, par exemple avec iconv -f ${utf16} -t utf-8.`
  }
  if (bytes.includes(0)) return binaryReason
  try {
    new TextDecoder('utf-8', {fatal: true}).decode(bytes)
    return undefined
  } catch {
    return 'Encodage invalide : le fichier n’est pas en UTF-8 (convertissez-le, par exemple avec iconv -f latin1 -t utf-8).'
  }
}

/** "UTF-16LE" or "UTF-16BE" when the bytes look like it: a byte order mark, or a NUL in every other byte of most of the start. */
function utf16Order(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe && !(bytes[2] === 0 && bytes[3] === 0)) return 'UTF-16LE'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16BE'
  const pairs = Math.min(256, bytes.length >> 1)
  if (pairs < 4) return undefined
  let evenNul = 0
  let oddNul = 0
  for (let at = 0; at < pairs * 2; at += 2) {
    if (bytes[at] === 0 && bytes[at + 1] !== 0) evenNul++
    if (bytes[at + 1] === 0 && bytes[at] !== 0) oddNul++
  }
  if (oddNul >= pairs * 0.6) return 'UTF-16LE'
  if (evenNul >= pairs * 0.6) return 'UTF-16BE'
  return undefined
}

export function isInputProblem(message: VFileMessage): boolean {
  return message.cause instanceof InputError || (message.cause as Error | undefined)?.name === 'InputError'
}
