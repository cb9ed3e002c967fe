/**
 * Input checks before parsing: an article must be text. Binary files (NUL bytes) and
 * invalid UTF-8 get one clear fatal message (exit code 2), never a lint of garbage.
 * A UTF-8 byte order mark is removed from the value (and remembered, so writes keep it):
 * positions then count from the first visible character, as editors do.
 */
import {readFileSync} from 'node:fs'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'

export class InputError extends Error {
  override name = 'InputError'
}

/** Largest article read by default (bytes of UTF-16 text ≈ characters). */
export const defaultMaxFileSize = 50 * 1024 * 1024

/**
 * Check `file.value`; strip its BOM. Returns the text to parse, or undefined when the
 * file was refused (a fatal message was added).
 */
export function prepareInput(file: VFile, maxSize = defaultMaxFileSize): string | undefined {
  let text = typeof file.value === 'string' ? file.value : new TextDecoder().decode(file.value ?? new Uint8Array())
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1)
    file.value = text
    file.data.bom = true
  }
  const refuse = (reason: string): undefined => refuseInput(file, reason)
  if (text.length > maxSize) {
    return refuse(`Fichier trop gros (${(text.length / 1048576).toFixed(1)} Mo > ${(maxSize / 1048576).toFixed(0)} Mo) : non analysé (voir --max-file-size).`)
  }
  if (text.includes('\0')) return refuse('Fichier binaire (octets nuls) : ce n’est pas un article texte, non analysé.')
  if (text.includes('\uFFFD') && file.path && !isValidUtf8OnDisk(file.path)) {
    return refuse('Encodage invalide : le fichier n’est pas en UTF-8 (convertissez-le, par exemple avec iconv -f latin1 -t utf-8).')
  }
  return text
}

/** Refuse a file: one fatal message, no rule runs on it (exit code 2 in the CLI). */
export function refuseInput(file: VFile, reason: string): undefined {
  const message = file.message(reason, {cause: new InputError(reason)})
  message.fatal = true
  message.source = 'coquille'
  return undefined
}

function isValidUtf8OnDisk(path: string): boolean {
  try {
    new TextDecoder('utf-8', {fatal: true}).decode(readFileSync(path))
    return true
  } catch (error) {
    return !(error instanceof TypeError)
  }
}

export function isInputProblem(message: VFileMessage): boolean {
  return message.cause instanceof InputError || (message.cause as Error | undefined)?.name === 'InputError'
}

declare module 'vfile' {
  interface DataMap {
    /** The file started with a UTF-8 byte order mark (removed from `value`). */
    bom: boolean
  }
}
