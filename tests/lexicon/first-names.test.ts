import {describe, expect, it} from 'vitest'
import {firstNameGender, isPersonNounOfEitherGender} from '../../src/lexicon/first-names.js'

describe('first names and person nouns of either gender', () => {
  it('gives the gender of first names of one sex only', () => {
    expect(firstNameGender('Pierre')).toBe('m')
    expect(firstNameGender('Anne')).toBe('f')
    // Given to both sexes: no answer.
    expect(firstNameGender('Camille')).toBeUndefined()
    expect(firstNameGender('Dominique')).toBeUndefined()
    expect(firstNameGender('Alix')).toBeUndefined()
    expect(firstNameGender('pierre')).toBeUndefined()
  })

  it('knows the person nouns of the epicene list and of epicene endings', () => {
    expect(isPersonNounOfEitherGender('ministre')).toBe(true)
    expect(isPersonNounOfEitherGender('juge')).toBe(true)
    expect(isPersonNounOfEitherGender('politologue')).toBe(true)
    expect(isPersonNounOfEitherGender('journaliste')).toBe(true)
    // Homographs of the list's second section are no persons.
    expect(isPersonNounOfEitherGender('tour')).toBe(false)
    expect(isPersonNounOfEitherGender('manche')).toBe(false)
  })
})
