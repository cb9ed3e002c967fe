/**
 * The typography rules beyond their documented examples: the presets on well-edited copy,
 * formats (HTML entities, Markdown code), the house vocabulary, the accents module, and
 * fixes that settle in one go with punctuation-spacing.
 */
import {describe, expect, it} from 'vitest'
import {fixText} from '../../src/pipeline/fix-text.js'
import {lint} from '../../src/index.js'
import {restoreCapitalAccents, restoreInitialAccent} from '../../src/lexicon/accents.js'
import {parseVocabulary} from '../../src/vocabulary.js'

const typographyRules = new Set([
  'french-spacing', 'number-format', 'ordinals', 'accented-capitals', 'apostrophe', 'ellipsis', 'dash', 'headline-case', 'honorifics',
])
const nbsp = '\u00A0'

function ruleMessages(text: string, preset: string, format: 'txt' | 'md' | 'html' = 'txt'): string[] {
  return lint(text, {format, config: {extends: preset}})
    .messages.filter((message) => typographyRules.has(message.ruleId ?? ''))
    .map((message) => `${message.ruleId}: ${message.actual} → ${(message.expected ?? []).join(' | ')}`)
}

/** Web copy as a careful newsroom writes it: ordinary spaces, straight apostrophes, "5%" glued. */
const webCopy = [
  'La Corée du Nord ratifie l\'accord de défense avec la Russie',
  '',
  'À Pyongyang, le texte a été signé lundi : « C\'est historique », a dit le ministre. Pourquoi ? Parce que l\'État le veut !',
  'Environ 11 000 soldats, soit 5% des effectifs, sont déployés à 1 200 km du front, au XXIe siècle, pour la 2e fois.',
  'M. Kim et Mme Choe ont rencontré le Dr Martin à 20:30... Les États-Unis - eux - n\'ont rien dit.',
].join('\n').replace(/11 000/, `11${nbsp}000`).replace(/1 200/, `1${nbsp}200`)

describe('presets', () => {
  it('recommended is quiet on well-edited web copy', () => {
    expect(ruleMessages(webCopy, 'recommended')).toEqual([])
  })

  it('strict flags the house-taste matters of the same copy', () => {
    const messages = ruleMessages(webCopy, 'strict')
    expect(messages).toContain(`french-spacing:   → ${nbsp}`)
    expect(messages).toContain('apostrophe: \' → ’')
    expect(messages).toContain(`number-format: % → ${nbsp}%`)
    expect(messages).toContain('ellipsis: ... → …')
    expect(messages).toContain('dash: - → –')
  })

  it('recommended flags what the seed article gets wrong', () => {
    const seed = 'ratification de l’accord\n\nA travers cet accord, environ 11 000 soldats sont «prêts».'
    expect(ruleMessages(seed, 'recommended')).toEqual([
      'headline-case: ratification → Ratification',
      'accented-capitals: A → À',
      `number-format: 11 000 → 11${nbsp}000`,
      `french-spacing: « → «${nbsp}`,
      `french-spacing: » → ${nbsp}»`,
    ])
  })
})

describe('fixes', () => {
  it('settle together with punctuation-spacing ("dit:non" gets both spaces)', () => {
    const {output} = fixText('Titre\n\nIl a dit:non. A travers 16.000 km, le 2ème jour.', {config: {extends: 'recommended'}})
    expect(output).toBe(`Titre\n\nIl a dit${nbsp}: non. À travers 16${nbsp}000 km, le 2e jour.`)
  })

  it('leave HTML entities to the author (a suggestion, not a blind edit)', () => {
    const messages = lint('<p>Il dit&nbsp;: oui ; puis&#160;: non.</p>', {format: 'html', config: {extends: 'none', rules: {'french-spacing': 'warn'}}}).messages
    expect(messages.map((message) => message.actual)).toEqual([' '])
  })

  it('never touch Markdown code', () => {
    const text = 'Un texte\u00A0: `a:b`, `10km` et `l\'Etat`.\n\n```\nQuoi? 11.000 A travers\n```\n'
    expect(ruleMessages(text, 'strict', 'md')).toEqual([])
  })
})

describe('accented-capitals and the house vocabulary', () => {
  it('leaves a name of the vocabulary as written', () => {
    const vocabulary = parseVocabulary('Ecoplus\nEtamine\n')
    expect(restoreInitialAccent('Etamine', vocabulary.words)).toEqual([])
    expect(restoreInitialAccent('Etamine').map((restoration) => restoration.form)).toEqual(['Étamine'])
  })
})

describe('accents', () => {
  it('restores the accent of an initial capital from the word list', () => {
    expect(restoreInitialAccent('Etat')).toEqual([{form: 'État', common: true}])
    expect(restoreInitialAccent('Egypte')).toEqual([{form: 'Égypte', common: false}])
    expect(restoreInitialAccent('Eric')).toEqual([])
    expect(restoreInitialAccent('Europe')).toEqual([])
  })

  it('restores accents of words in capitals, leaving acronyms alone', () => {
    expect(restoreCapitalAccents('ETATS-UNIS').map((restoration) => restoration.form)).toEqual(['ÉTATS-UNIS'])
    expect(restoreCapitalAccents('DEFENSE').map((restoration) => restoration.form)).toEqual(['DÉFENSE'])
    expect(restoreCapitalAccents('CEDEAO')).toEqual([])
    expect(restoreCapitalAccents('ONU')).toEqual([])
    expect(restoreCapitalAccents('FRANCE')).toEqual([])
  })
})
