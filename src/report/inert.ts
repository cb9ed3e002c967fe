/** Report text made inert: what an article or a file name holds cannot drive the terminal or the CI log. */
/**
 * Control characters (an escape sequence from an article or a file name would drive the
 * terminal), and the bidirectional overrides that reorder what is shown.
 */
export const unsafeCharacter = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u
const unsafeCharacters = new RegExp(unsafeCharacter.source, 'gu')

/** `text` with each unsafe character written as an escape (`\x1b`, `\n`, `\u202e`): inert in a terminal. */
export function inert(text: string): string {
  if (!unsafeCharacter.test(text)) return text
  return text.replace(unsafeCharacters, (char) => {
    const code = char.charCodeAt(0)
    if (char === '\n') return '\\n'
    if (char === '\r') return '\\r'
    if (char === '\t') return '\\t'
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`
  })
}
