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

  it('finds the first pattern a block matches, as trying each in turn does', () => {
    const boilerplate = getBoilerplate()
    for (const text of texts) expect(boilerplate.lineMatching(text)?.label, text).toBe(boilerplate.lines.find((line) => line.test(text))?.label)
    expect(texts.filter((text) => boilerplate.lineMatching(text) !== undefined).length).toBeGreaterThan(12)
  })
})
