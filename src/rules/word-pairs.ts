/**
 * Helpers shared by the rules that look at a word and the word after it (`elision`,
 * `determiner-agreement`): finding the next word across one plain space, the house
 * apostrophe of the article, and keeping the case of the word being replaced.
 */
import type {DocumentIndex, Token} from '../parse/document.js'

/** One space (or no-break space) inside a line: "le accord", not "le\naccord". */
const plainSpace = /^[ \u00a0\u202f]+$/

/**
 * The index of the word token right after the word at `at`, separated by plain spaces
 * in the same sentence; undefined when punctuation, a line break or a source token comes
 * between them.
 */
export function nextWordIndex(tokens: readonly Token[], at: number): number | undefined {
  const space = tokens[at + 1]
  const next = tokens[at + 2]
  if (!space || !next || space.kind !== 'whitespace' || next.kind !== 'word') return undefined
  if (!plainSpace.test(space.value) || next.sentence !== tokens[at]!.sentence) return undefined
  return at + 2
}

/** The index of the word token right before the word at `at`, across plain spaces; undefined otherwise. */
export function previousWordIndex(tokens: readonly Token[], at: number): number | undefined {
  const space = tokens[at - 1]
  const previous = tokens[at - 2]
  if (!space || !previous || space.kind !== 'whitespace' || previous.kind !== 'word') return undefined
  if (!plainSpace.test(space.value) || previous.sentence !== tokens[at]!.sentence) return undefined
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
      for (let at = 1; at < token.value.length - 1; at++) {
        const character = token.value[at]
        if (character === "'") straight++
        else if (character === '’') curly++
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

/** Whether the word holds a capital letter ("Ukraine", "iPhone", "ONU"). */
export function hasCapital(word: string): boolean {
  return upperCase.test(word)
}

/** Whether the word is an acronym in capitals ("ONU", "FMI", "EDF"). */
export function isAllCaps(word: string): boolean {
  return word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase()
}
