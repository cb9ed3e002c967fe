import {VFile} from 'vfile'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {coquilleParse, getDocumentIndex} from '../../src/parse/index.js'
import {
  equalIgnoringCase,
  hasCapital,
  houseApostrophe,
  isAllCaps,
  isLowerCaseWord,
  letterWordCase,
  lowerCased,
  nextWordIndex,
  opensSentence,
  previousWordIndex,
  withCaseOf,
} from '../../src/rules/word-pairs.js'

function indexOf(text: string) {
  const file = new VFile({value: text, path: 'a.txt'})
  const tree = unified().use(coquilleParse, {}).parse(file)
  return getDocumentIndex(file, tree)
}

function wordAt(text: string, word: string, occurrence = 0) {
  const index = indexOf(text)
  const positions = index.tokens.flatMap((token, at) => (token.kind === 'word' && token.value === word ? [at] : []))
  return {index, at: positions[occurrence]!}
}

describe('neighbouring words', () => {
  it('finds the next and previous word across one plain space only', () => {
    const {index, at} = wordAt('Titre\nIl a vu le accord, puis le\nchien.', 'le')
    expect(index.tokens[nextWordIndex(index.tokens, at)!]!.value).toBe('accord')
    expect(index.tokens[previousWordIndex(index.tokens, at)!]!.value).toBe('vu')
    const comma = index.tokens.findIndex((token) => token.value === 'accord')
    expect(nextWordIndex(index.tokens, comma)).toBeUndefined() // punctuation
    const second = wordAt('Titre\nIl a vu le accord, puis le\nchien.', 'le', 1)
    expect(nextWordIndex(second.index.tokens, second.at)).toBeUndefined() // line break: another block
  })

  it('knows the first word of a sentence', () => {
    const {index, at} = wordAt('Titre\n« Le projet avance. » Le vote suit.', 'Le')
    expect(opensSentence(index, at)).toBe(true)
    const inside = wordAt('Titre\nIl lit Le Monde.', 'Le')
    expect(opensSentence(inside.index, inside.at)).toBe(false)
  })
})

describe('house apostrophe', () => {
  it('is typographic unless straight apostrophes are in the majority', () => {
    expect(houseApostrophe(indexOf('Titre\nL’accord de l’État.'))).toBe('’')
    expect(houseApostrophe(indexOf("Titre\nL'accord de l'État et l’ONU."))).toBe("'")
    expect(houseApostrophe(indexOf('Titre\nSans apostrophe.'))).toBe('’')
  })
})

describe('case helpers', () => {
  it('keeps the case of the replaced word', () => {
    expect(withCaseOf('Le', 'la')).toBe('La')
    expect(withCaseOf('LE', 'la')).toBe('LA')
    expect(withCaseOf('le', 'la')).toBe('la')
    expect(withCaseOf('De', 'du')).toBe('Du')
  })

  it('tells capitals and acronyms', () => {
    expect(hasCapital('iPhone')).toBe(true)
    expect(hasCapital('accord')).toBe(false)
    expect(isAllCaps('ONU')).toBe(true)
    expect(isAllCaps('Onu')).toBe(false)
    expect(isAllCaps('A')).toBe(false)
  })
})

describe('char-code fast paths', () => {
  // Words that exercise each path: ASCII, Latin-1 (ß, µ, ª, ÷, ×), œ/Œ, the apostrophes,
  // titlecase (ǅ), dotted capital I (İ lower-cases to two characters), the Kelvin sign,
  // Greek, an astral letter, digits, hyphens and the empty word.
  const words = [
    '', 'a', 'A', 'le', 'Le', 'LE', 'accord', 'Accord', 'ACCORD', 'été', 'Été', 'ÉTÉ', 'straße', 'µs', 'ª', 'a÷b', 'a×b',
    'œuvre', 'Œuvre', 'cœur', 'l’accord', "l'accord", 'L’ONU', 'ǅemal', 'İstanbul', '\u212A', '\u212Aelvin', 'λόγος', 'Λόγος',
    '𝑥y', '𐐀x', 'COVID-19', 'États-Unis', 'a-t-il', '-', '--', '2e', 'XIXe', 'ÿ', 'Ÿ', 'þ', 'Þ', 'ı', 'ﬁ',
  ]

  it('hasCapital, isAllCaps and isLowerCaseWord answer as their expressions', () => {
    for (const word of words) {
      expect(hasCapital(word), word).toBe(/\p{Lu}/u.test(word))
      expect(isAllCaps(word), word).toBe(word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase())
      for (const min of [1, 2, 6]) expect(isLowerCaseWord(word, min), `${word} ${min}`).toBe(new RegExp(`^\\p{Ll}{${min},}$`, 'u').test(word))
    }
  })

  it('letterWordCase and lowerCased answer as the expressions and toLowerCase', () => {
    for (const word of words) {
      const letters = /^\p{L}+$/u.test(word)
      const shape = letterWordCase(word)
      expect(shape === 0, word).toBe(!letters)
      if (letters) expect(shape === 2, word).toBe(/\p{Lu}/u.test(word))
      if (shape === 1) expect(word.toLowerCase(), word).toBe(word)
      expect(lowerCased(word), word).toBe(word.toLowerCase())
    }
  })

  it('equalIgnoringCase compares as toLowerCase does', () => {
    for (const a of words) for (const b of words) expect(equalIgnoringCase(a, b), `${a} ${b}`).toBe(a.toLowerCase() === b.toLowerCase())
    expect(equalIgnoringCase('@', '`')).toBe(false)
    expect(equalIgnoringCase('K', 'k')).toBe(true)
    expect(equalIgnoringCase('\u212A', 'k')).toBe(true) // the Kelvin sign lower-cases to k
  })
})
