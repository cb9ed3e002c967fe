import {describe, expect, it} from 'vitest'
import {getBoilerplate} from '../../src/lexicon/boilerplate.js'

describe('boilerplate line patterns', () => {
  const texts = [
    'PREV Un autre titre',
    'prev un autre titre',
    'Article suivant :',
    'À voir aussi :',
    'Lire aussi',
    'Read more:',
    'En savoir plus',
    'Suivez-nous sur les réseaux',
    'Partager sur Facebook',
    'Facebook Twitter LinkedIn',
    'facebook | twitter · e-mail',
    'Facebook et le reste du monde',
    'Commentaires (12)',
    'Publié le 3 mars 2021 à 10h05',
    'Tous droits réservés ©',
    'Tout accepter',
    'Publicité',
    'Cliquez ici pour lire la suite',
    'Un paragraphe ordinaire, qui parle du gouvernement.',
    '',
  ]

  it('finds the first pattern a block matches, as trying each in turn does, before and after joining the expressions', () => {
    const boilerplate = getBoilerplate()
    const expected = texts.map((text) => boilerplate.lines.find((line) => line.test(text))?.label)
    expect(texts.map((text) => boilerplate.lineMatching(text)?.label)).toEqual(expected)
    // A batch's worth of blocks: the expressions are joined from then on.
    for (let block = 0; block < 1_000; block++) boilerplate.lineMatching('Un paragraphe ordinaire.')
    expect(texts.map((text) => boilerplate.lineMatching(text)?.label)).toEqual(expected)
    expect(expected.filter((label) => label !== undefined).length).toBeGreaterThan(12)
  })
})
