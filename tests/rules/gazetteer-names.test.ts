/**
 * `proper-noun-article` and `place-preposition` on names the gazetteer took from the
 * gazetteer-alt compilation: the errors they must catch, and the good French (usage
 * variants, names that are also ordinary words) they must leave alone.
 */
import {describe, expect, it} from 'vitest'
import {lint} from '../../src/index.js'

const config = {extends: 'none', rules: {'proper-noun-article': 'error', 'place-preposition': 'error'}} as const

function messagesOf(sentence: string): string[] {
  const {messages} = lint(`Titre\n${sentence}\n`, {format: 'txt', config})
  return messages.map((message) => `${message.ruleId} "${message.actual}" → ${(message.expected ?? []).join(' | ')}`)
}

describe('new cities, organisations and territories', () => {
  it.each([
    ['Le car arrive à Le Tampon ce soir.', 'place-preposition "à Le" → au'],
    ['Ils ont déménagé à Les Abymes.', 'place-preposition "à Les" → aux'],
    ['Elle habite à Le Kremlin-Bicêtre.', 'place-preposition "à Le" → au'],
    ['Il a passé ses vacances en Biarritz.', 'place-preposition "en" → à'],
    ['La préfecture est en Laon.', 'place-preposition "en" → à'],
    ['Il part en Tahiti demain.', 'place-preposition "en" → à'],
    ['Ses vacances à Toscane sont finies.', 'place-preposition "à" → en | à la'],
    ['Le FAO alerte sur la faim.', 'proper-noun-article "Le" → La'],
    ['La Unrwa manque de fonds.', 'proper-noun-article "La " → L’'],
    ['Le UNHCR compte les réfugiés.', 'proper-noun-article "Le " → L’'],
    ['Le Croix-Rouge intervient.', 'proper-noun-article "Le" → La'],
    ['La directrice de le PAM a parlé.', 'proper-noun-article "de le" → du'],
    ['Le projet de la Mercosur avance.', 'proper-noun-article "de la" → du'],
    ['La Kurdistan irakien vote.', 'proper-noun-article "La" → Le'],
  ])('%s', (sentence, expected) => {
    expect(messagesOf(sentence)).toEqual([expected])
  })

  it.each([
    'Il vit au Kremlin-Bicêtre, au Tampon, aux Abymes et à La Teste-de-Buch.',
    'Elle vit à Biarritz, à Laon, à Gap, à Foix et à Basse-Terre ; il vit en Basse-Terre.',
    'Il est né à Palaos, elle à Rhode Island ; ils vivent aux Palaos.',
    'Les accords d’Helsinki et l’accord de Ouagadougou.',
    'Il a gagné la Flèche wallonne et vit à La Flèche.',
    'Il a répondu à Midi libre à midi.',
    'La FAO, le PAM, l’Unrwa, l’UNHCR, le HCR et la Croix-Rouge alertent.',
    'Les Républicains et le MoDem votent ; la présidente LR aussi, comme les LR.',
    'Le Parlement, le Capitole, la Chambre des représentants et l’Assemblée générale.',
    'Il a écrit à la CJUE, au Mercosur et à l’Eurogroupe.',
    'Il vit en Toscane, au Kurdistan irakien, dans le Golfe et dans la Corne de l’Afrique.',
    'Le Porto de son enfance a gagné à Porto.',
  ])('no message: %s', (sentence) => {
    expect(messagesOf(sentence)).toEqual([])
  })
})
