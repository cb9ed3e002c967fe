/**
 * Helpers shared by the rules that look at a word and the word after it (`elision`,
 * `determiner-agreement`): finding the next word across one plain space, the house
 * apostrophe of the article, and keeping the case of the word being replaced.
 */
import type {DocumentIndex, Token} from '../parse/document.js'
import {loadList} from '../lexicon/lists.js'

/** One space (or no-break space) inside a line: "le accord", not "le\naccord". Scanned by char code: it runs for every word pair. */
function isPlainSpace(text: string): boolean {
  const length = text.length
  if (length === 0) return false
  for (let at = 0; at < length; at++) {
    const code = text.charCodeAt(at)
    if (code !== 0x20 && code !== 0xa0 && code !== 0x202f) return false
  }
  return true
}

/**
 * The index of the word token right after the word at `at`, separated by plain spaces
 * in the same sentence; undefined when punctuation, a line break or a source token comes
 * between them.
 */
export function nextWordIndex(tokens: readonly Token[], at: number): number | undefined {
  const space = tokens[at + 1]
  const next = tokens[at + 2]
  if (!space || !next || space.kind !== 'whitespace' || next.kind !== 'word') return undefined
  if (!isPlainSpace(space.value) || next.sentence !== tokens[at]!.sentence) return undefined
  return at + 2
}

/** The index of the word token right before the word at `at`, across plain spaces; undefined otherwise. */
export function previousWordIndex(tokens: readonly Token[], at: number): number | undefined {
  const space = tokens[at - 1]
  const previous = tokens[at - 2]
  if (!space || !previous || space.kind !== 'whitespace' || previous.kind !== 'word') return undefined
  if (!isPlainSpace(space.value) || previous.sentence !== tokens[at]!.sentence) return undefined
  return at - 2
}

/** Whether the word at `at` opens its sentence (a capital there says nothing about a name). */
export function opensSentence(index: DocumentIndex, at: number): boolean {
  const token = index.tokens[at]!
  const sentence = index.sentences[token.sentence]
  if (!sentence) return false
  for (let before = sentence.firstToken; before < at; before++) {
    const kind = index.tokens[before]!.kind
    if (kind === 'word' || kind === 'source') return false
  }
  return true
}

const apostropheStyles = new WeakMap<DocumentIndex, string>()

/**
 * The apostrophe the article uses: the typographic ’ unless straight apostrophes between
 * letters are in the majority ("l'accord"), so that a fix matches its neighbours.
 */
export function houseApostrophe(index: DocumentIndex): string {
  let style = apostropheStyles.get(index)
  if (style === undefined) {
    let straight = 0
    let curly = 0
    for (const token of index.tokens) {
      if (token.kind !== 'word') continue
      const value = token.value
      for (let at = 1; at < value.length - 1; at++) {
        const code = value.charCodeAt(at)
        if (code === 0x27) straight++
        else if (code === 0x2019) curly++
      }
    }
    style = straight > curly ? "'" : '’'
    apostropheStyles.set(index, style)
  }
  return style
}

/** `replacement` written with the case of `model`: "Le" → "La", "LE" → "LA", "le" → "la". */
export function withCaseOf(model: string, replacement: string): string {
  if (model.length > 1 && model === model.toUpperCase() && model !== model.toLowerCase()) return replacement.toUpperCase()
  if (model[0] !== undefined && model[0] !== model[0].toLowerCase()) return replacement[0]!.toUpperCase() + replacement.slice(1)
  return replacement
}

const upperCase = /\p{Lu}/u

/**
 * Whether the word holds a capital letter ("Ukraine", "iPhone", "ONU"). Latin-1 letters
 * and the apostrophe are told by their code (the rules ask it of most words); any other
 * character falls back to the Unicode class.
 */
export function hasCapital(word: string): boolean {
  const length = word.length
  for (let at = 0; at < length; at++) {
    const code = word.charCodeAt(at)
    if (code < 0x41) continue
    if (code <= 0x5a) return true
    if (code < 0xc0) continue
    if (code <= 0xde) {
      if (code !== 0xd7) return true
      continue
    }
    if (code <= 0xff || code === 0x2019 || code === 0x153) continue
    return upperCase.test(word)
  }
  return false
}

/**
 * Whether the word is an acronym in capitals ("ONU", "FMI", "EDF"). A word of ASCII
 * characters is read by char code; any other goes through the case mappings.
 */
export function isAllCaps(word: string): boolean {
  const length = word.length
  if (length <= 1) return false
  let capitals = false
  for (let at = 0; at < length; at++) {
    const code = word.charCodeAt(at)
    if (code >= 0x80) return word === word.toUpperCase() && word !== word.toLowerCase()
    if (code >= 0x61 && code <= 0x7a) return false
    if (code >= 0x41 && code <= 0x5a) capitals = true
  }
  return capitals
}

const lowerCaseWords = new Map<number, RegExp>()

/**
 * Whether the word is lower-case letters only, at least `minLength` of them: /^\p{Ll}{n,}$/u
 * without the regular expression for ASCII and Latin-1 letters (and œ); other characters
 * fall back to it.
 */
export function isLowerCaseWord(word: string, minLength = 1): boolean {
  const length = word.length
  if (length < minLength) return false
  for (let at = 0; at < length; at++) {
    const code = word.charCodeAt(at)
    if (code >= 0x61 && code <= 0x7a) continue
    if (code < 0x80) return false
    if ((code >= 0xdf && code <= 0xff && code !== 0xf7) || code === 0x153) continue
    let pattern = lowerCaseWords.get(minLength)
    if (pattern === undefined) {
      pattern = new RegExp(`^\\p{Ll}{${minLength},}$`, 'u')
      lowerCaseWords.set(minLength, pattern)
    }
    return pattern.test(word)
  }
  return true
}

const letterWord = /^[\p{L}]+$/u

/**
 * What a word is made of, in one scan: 0 when it holds anything but letters
 * (/^\p{L}+$/u fails: "l’accord", "COVID-19"), 2 for letters with a capital (`hasCapital`),
 * 1 for lower-case ASCII and Latin-1 letters and œ (toLowerCase leaves the word as it
 * is), 3 for other letters without a capital. ASCII and Latin-1 letters (and œ, Œ) are
 * told by their code; any other character falls back to the Unicode classes.
 */
export function letterWordCase(word: string): 0 | 1 | 2 | 3 {
  const length = word.length
  if (length === 0) return 0
  let capital = false
  for (let at = 0; at < length; at++) {
    const code = word.charCodeAt(at)
    if (code >= 0x61 && code <= 0x7a) continue
    if (code >= 0x41 && code <= 0x5a) {
      capital = true
      continue
    }
    if (code < 0x80 || code === 0x2019) return 0
    if (code >= 0xdf && code <= 0xff && code !== 0xf7) continue
    if (code >= 0xc0 && code <= 0xde && code !== 0xd7) {
      capital = true
      continue
    }
    if (code === 0x153) continue
    if (code === 0x152) {
      capital = true
      continue
    }
    return letterWord.test(word) ? (upperCase.test(word) ? 2 : 3) : 0
  }
  return capital ? 2 : 1
}

/**
 * `a.toLowerCase() === b.toLowerCase()` without lower-casing: ASCII letters are folded by
 * their code; a pair of characters with one outside ASCII goes through toLowerCase.
 */
export function equalIgnoringCase(a: string, b: string): boolean {
  if (a.length !== b.length) return a.toLowerCase() === b.toLowerCase()
  for (let at = 0; at < a.length; at++) {
    const codeA = a.charCodeAt(at)
    const codeB = b.charCodeAt(at)
    if (codeA === codeB) continue
    if (codeA >= 0x80 || codeB >= 0x80) return a.toLowerCase() === b.toLowerCase()
    const folded = codeA | 0x20
    if (folded !== (codeB | 0x20) || folded < 0x61 || folded > 0x7a) return false
  }
  return true
}

/**
 * `word.toLowerCase()`, without the call when the word has no capital to lower: most words
 * of an article are lower-case already, and in a text with a character beyond Latin-1 (’,
 * «) they are two-byte strings, which toLowerCase hands to ICU. Only lower-case ASCII and
 * Latin-1 letters, ASCII signs, ’ and œ are passed over; anything else goes to toLowerCase.
 */
export function lowerCased(word: string): string {
  for (let at = 0; at < word.length; at++) {
    const code = word.charCodeAt(at)
    if (code < 0x41 || (code > 0x5a && code < 0xc0 && code !== 0xb5)) continue
    if ((code >= 0xdf && code <= 0xff && code !== 0xf7) || code === 0x2019 || code === 0x153) continue
    return word.toLowerCase()
  }
  return word
}

/**
 * Flags by char code of the lower-case ASCII letters that begin no word with a vowel sound
 * (startsWithVowelSound): not a, e, i, o, u, y, h, nor the first letter of a word of
 * y-elided.txt (read from the list, which startsWithVowelSound asks first).
 */
let consonantLetters: Uint8Array | undefined

/**
 * Whether the word begins with an ASCII consonant letter, in either case, so that
 * startsWithVowelSound(word) is false (a char code instead of a memo lookup): a capital
 * consonant is no vowel sound either, as a single letter, an acronym or a word.
 */
export function beginsWithConsonant(word: string): boolean {
  if (consonantLetters === undefined) {
    const letters = new Uint8Array(128)
    for (let code = 0x61; code <= 0x7a; code++) letters[code] = 1
    for (const vowel of 'aeiouyh') letters[vowel.charCodeAt(0)] = 0
    for (const entry of loadList('y-elided.txt')) {
      const first = entry.toLowerCase().charCodeAt(0)
      if (first < 128) letters[first] = 0
    }
    consonantLetters = letters
  }
  const first = word.charCodeAt(0)
  // Below 128, `| 0x20` lands on a lower-case letter for the ASCII letters only.
  return first < 128 && consonantLetters[first | 0x20] === 1
}
