import {describe, expect, it} from 'vitest'
import {findTechnicalSpans} from '../../src/rules/technical.js'

/** The spans found, but the paths (`//host…`) that the path pattern adds beside each URL. */
const found = (source: string): string[] =>
  findTechnicalSpans(source)
    .map(([start, end]) => source.slice(start, end))
    .filter((span) => !span.startsWith('//'))

describe('findTechnicalSpans', () => {
  it('finds addresses and versions that start a word, in any case', () => {
    expect(found('Voir https://exemple.fr/a, puis WWW.exemple.org et la Version 2.1 du logiciel.')).toEqual([
      'https://exemple.fr/a',
      'WWW.exemple.org',
      'Version 2.1',
    ])
  })

  it('leaves the same letters inside a word, and finds the next match after them', () => {
    expect(found('La conversion 2 puis la version 3 ; xwww.faux puis www.vrai.fr ; ahttps://non et ftp://oui.fr')).toEqual([
      'version 3',
      'www.vrai.fr',
      'ftp://oui.fr',
    ])
  })

  it('counts ſ and the Kelvin sign as word characters, as \\b does with the flags iu', () => {
    expect(found('ſversion 2 et \u212Awww.a.fr')).toEqual([])
    expect(found('éversion 2')).toEqual(['version 2'])
  })
})
