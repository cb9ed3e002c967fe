import {VFile} from 'vfile'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {coquilleParse, getDocumentIndex} from '../../src/parse/index.js'
import {hasCapital, houseApostrophe, isAllCaps, nextWordIndex, opensSentence, previousWordIndex, withCaseOf} from '../../src/rules/word-pairs.js'

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
