import {describe, expect, it} from 'vitest'
import {isKnownVowelWord, isNounInfinitive, vowelWordInfo} from '../../src/lexicon/lefff-words.js'

describe('vowelWordInfo', () => {
  it('knows verb forms beginning with a vowel or h', () => {
    for (const word of ['ai', 'a', 'est', 'ont', 'avons', 'était', 'habite', 'habitait', 'hais', 'importe', 'invité', 'aller']) {
      expect(vowelWordInfo(word)?.verb, word).toBe(true)
    }
  })

  it('knows closed-class words and adjectives', () => {
    for (const word of ['il', 'ils', 'elle', 'on', 'en', 'y', 'à', 'ici', 'ainsi', 'alors', 'aucun', 'avec']) {
      expect(vowelWordInfo(word)?.closedClass, word).toBe(true)
    }
    expect(vowelWordInfo('importantes')?.adjective).toBe(true)
    expect(vowelWordInfo('il')?.verb).toBe(false)
  })

  it('answers only for lower-case words beginning with a vowel or h that the Lefff knows', () => {
    for (const word of ['Il', 'acabó', 'amo', 'parle', 'x', 'e', '']) {
      expect(vowelWordInfo(word), word).toBeUndefined()
    }
  })
})

describe('isKnownVowelWord', () => {
  it('accepts French nouns, verbs and function words, not foreign words', () => {
    for (const word of ['accord', 'école', 'ai', 'il', 'habitude', 'œuvre']) expect(isKnownVowelWord(word), word).toBe(true)
    for (const word of ['acabó', 'amo', 'abbiamo', 'either']) expect(isKnownVowelWord(word), word).toBe(false)
  })
})

describe('isNounInfinitive', () => {
  it('knows nouns that are also infinitives or present participles', () => {
    for (const word of ['pouvoir', 'devoir', 'dîner', 'rire', 'avoir', 'conseiller', 'commerçant', 'devant']) {
      expect(isNounInfinitive(word), word).toBe(true)
    }
  })

  it('leaves out nouns that are only finite verb forms or no verb at all', () => {
    for (const word of ['mesure', 'président', 'porte', 'affaire', 'accord', 'ratification']) {
      expect(isNounInfinitive(word), word).toBe(false)
    }
  })
})
