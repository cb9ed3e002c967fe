import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {dataFolder, loadList} from '../../src/lexicon/lists.js'
import {
  contraction,
  determinerInfo,
  elisionInfo,
  isElisionOptional,
  isEpicene,
  isHAspire,
  nounInfo,
  startsWithVowelSound,
} from '../../src/lexicon/nouns.js'

describe('nounInfo', () => {
  it('gives gender and number of common nouns', () => {
    expect(nounInfo('ratification')).toMatchObject({gender: 'f', number: 's'})
    expect(nounInfo('accord')).toMatchObject({gender: 'm', number: 's'})
    expect(nounInfo('homme')).toMatchObject({gender: 'm', number: 's'})
    expect(nounInfo('amie')).toMatchObject({gender: 'f', number: 's'})
    expect(nounInfo('héros')).toMatchObject({gender: 'm', number: 'both'})
  })

  it('handles plurals and irregular plurals', () => {
    expect(nounInfo('ratifications')).toMatchObject({gender: 'f', number: 'p'})
    expect(nounInfo('chevaux')).toMatchObject({gender: 'm', number: 'p'})
    expect(nounInfo('travaux')).toMatchObject({gender: 'm', number: 'p'})
    expect(nounInfo('journaux')).toMatchObject({gender: 'm', number: 'p'})
    expect(nounInfo('prix')).toMatchObject({gender: 'm', number: 'both'})
  })

  it('accepts any case, typographic apostrophes and ligatures', () => {
    expect(nounInfo('Ratification')).toMatchObject({gender: 'f'})
    expect(nounInfo('RATIFICATION')).toBeUndefined() // an acronym is looked up as written
    expect(nounInfo('œuvres')).toEqual(nounInfo('oeuvres'))
    expect(nounInfo('cœur')).toMatchObject({gender: 'm'})
    expect(nounInfo('presqu’île')).toMatchObject({gender: 'f'})
  })

  it('looks acronyms up as written and ignores mixed-case tokens', () => {
    expect(nounInfo('ONU')).toMatchObject({gender: 'f'})
    expect(nounInfo('BAC')).toBeUndefined() // not "bac"
    expect(nounInfo('VIe')).toBeUndefined() // not "vie"
  })

  it('does not answer for capitalised proper nouns that are also common nouns', () => {
    expect(nounInfo('Suède')).toBeUndefined() // "la Suède", not "le suède"
    expect(nounInfo('suède')).toMatchObject({gender: 'm'})
    expect(nounInfo('Commission')).toMatchObject({gender: 'f'})
  })

  it('returns undefined for unknown words and words that are rarely nouns', () => {
    for (const word of ['blorgnite', 'rapidement', 'plus', 'moins', 'bien', 'deux', 'trois', 'mille', 'tout', 'même', 'le', 'son', 'personnellement', 'sous', 'mi', 'x']) {
      expect(nounInfo(word), word).toBeUndefined()
    }
  })

  it('says both for nouns of either gender', () => {
    for (const word of ['élève', 'enfant', 'journaliste', 'ministre', 'secrétaire', 'manche', 'tour', 'livre', 'mode', 'poste', 'voile', 'mémoire', 'critique', 'somme', 'vase', 'page', 'moule', 'physique', 'solde', 'office', 'aide', 'après-midi', 'pendule', 'espace', 'tours', 'ministres']) {
      expect(nounInfo(word)?.gender, word).toBe('both')
      expect(isEpicene(word), word).toBe(true)
    }
    expect(isEpicene('accord')).toBe(false)
    expect(isEpicene('blorgnite')).toBe(false)
    expect(nounInfo('covid')).toMatchObject({gender: 'both', number: 's'})
  })

  it('widens the gender of nouns that are also epicene adjectives', () => {
    expect(nounInfo('vaste')).toMatchObject({gender: 'both', alsoAdjective: true}) // "la vaste plaine"
    expect(nounInfo('grande')).toMatchObject({gender: 'f', alsoAdjective: true})
    expect(nounInfo('maison')).toMatchObject({gender: 'f', alsoAdjective: false}) // "tarte maison" is no reason
  })

  it('marks verb forms that may follow a clitic pronoun', () => {
    expect(nounInfo('porte')).toMatchObject({gender: 'f', alsoVerb: true}) // "il la porte"
    expect(nounInfo('sortir')).toMatchObject({alsoVerb: true})
    expect(nounInfo('marché')).toMatchObject({gender: 'm', alsoVerb: false}) // a participle cannot follow a clitic
    expect(nounInfo('ratification')).toMatchObject({alsoVerb: false})
  })
})

/**
 * Reference genders of common nouns of French news copy, written by hand from general
 * knowledge of French (independent of the Lefff). Epicene nouns are left out.
 */
const referenceGenders: Record<string, 'm' | 'f'> = {
  gouvernement: 'm', accord: 'm', projet: 'm', pays: 'm', marché: 'm', conflit: 'm', rapport: 'm',
  vote: 'm', scrutin: 'm', sommet: 'm', budget: 'm', déficit: 'm', impôt: 'm', salaire: 'm',
  chômage: 'm', emploi: 'm', syndicat: 'm', procès: 'm', tribunal: 'm', attentat: 'm',
  incendie: 'm', séisme: 'm', virus: 'm', vaccin: 'm', hôpital: 'm', confinement: 'm',
  masque: 'm', bilan: 'm', décès: 'm', policier: 'm', missile: 'm', navire: 'm', avion: 'm',
  aéroport: 'm', train: 'm', réseau: 'm', téléphone: 'm', logiciel: 'm', journal: 'm',
  reportage: 'm', électeur: 'm', parti: 'm', ministère: 'm', parlement: 'm', décret: 'm',
  amendement: 'm', référendum: 'm', débat: 'm', discours: 'm', entretien: 'm', témoignage: 'm',
  meurtre: 'm', crime: 'm', euro: 'm', dollar: 'm', taux: 'm', secteur: 'm', contrat: 'm',
  logement: 'm', quartier: 'm', village: 'm', territoire: 'm', climat: 'm', pétrole: 'm',
  chantier: 'm', hiver: 'm', siècle: 'm', match: 'm', championnat: 'm', stade: 'm', hôpitaux: 'm',
  journaux: 'm', réseaux: 'm', chevaux: 'm', anniversaire: 'm', incendies: 'm',
  ratification: 'f', réforme: 'f', loi: 'f', élection: 'f', campagne: 'f', crise: 'f', guerre: 'f',
  paix: 'f', frontière: 'f', manifestation: 'f', grève: 'f', police: 'f', justice: 'f',
  enquête: 'f', plainte: 'f', peine: 'f', prison: 'f', sécurité: 'f', santé: 'f', épidémie: 'f',
  pandémie: 'f', maladie: 'f', mesure: 'f', économie: 'f', croissance: 'f', entreprise: 'f',
  société: 'f', banque: 'f', dette: 'f', taxe: 'f', retraite: 'f', famille: 'f', femme: 'f',
  école: 'f', université: 'f', région: 'f', ville: 'f', commune: 'f', mairie: 'f', assemblée: 'f',
  majorité: 'f', opposition: 'f', coalition: 'f', négociation: 'f', déclaration: 'f',
  décision: 'f', conférence: 'f', information: 'f', vidéo: 'f', photo: 'f', image: 'f',
  chaîne: 'f', presse: 'f', télévision: 'f', voiture: 'f', route: 'f', autoroute: 'f',
  énergie: 'f', électricité: 'f', centrale: 'f', usine: 'f', industrie: 'f', sécheresse: 'f',
  inondation: 'f', tempête: 'f', chaleur: 'f', température: 'f', planète: 'f', espèce: 'f',
  forêt: 'f', semaine: 'f', année: 'f', saison: 'f', journée: 'f', nuit: 'f', équipe: 'f',
  victoire: 'f', défaite: 'f', médaille: 'f', réformes: 'f', élections: 'f', fin: 'f', part: 'f',
}

describe('agreement with a hand-written reference of news nouns', () => {
  const entries = Object.entries(referenceGenders)
  const agreeing = entries.filter(([word, gender]) => nounInfo(word)?.gender === gender)
  const contradicting = entries.filter(([word, gender]) => {
    const found = nounInfo(word)?.gender
    return found !== undefined && found !== 'both' && found !== gender
  })

  it('never contradicts the reference', () => {
    expect(contradicting).toEqual([])
  })

  it('agrees on at least 95% of the reference', () => {
    const rate = agreeing.length / entries.length
    console.log(`noun lexicon agrees with ${agreeing.length}/${entries.length} reference nouns (${(rate * 100).toFixed(1)}%); undecided: ${entries.filter(([word, gender]) => nounInfo(word)?.gender !== gender).map(([word]) => word).join(', ')}`)
    expect(entries.length).toBeGreaterThanOrEqual(100)
    expect(rate).toBeGreaterThanOrEqual(0.95)
  })
})

describe('initial sounds', () => {
  it('knows h aspiré, including inflected forms and compounds', () => {
    for (const word of ['héros', 'hibou', 'haine', 'hasard', 'hangar', 'Hongrie', 'Hollande', 'hockey', 'handicap', 'hall', 'harcèlement', 'hausse', 'haut', 'haute', 'honte', 'huit', 'hurler', 'hurlent', 'hiboux', 'haut-parleur', 'Haute-Savoie', 'hors-jeu', 'Hamas', 'hagard', 'Haye']) {
      expect(isHAspire(word), word).toBe(true)
      expect(startsWithVowelSound(word), word).toBe(false)
    }
  })

  it('treats mute h as a vowel', () => {
    for (const word of ['homme', 'hôpital', 'histoire', 'heure', 'hiver', 'héroïne', 'héroïque', 'harmonie', 'haltère', 'habitant', 'habitait', 'heureuse']) {
      expect(isHAspire(word), word).toBe(false)
      expect(startsWithVowelSound(word), word).toBe(true)
    }
  })

  it('knows vowels, y and the exceptions', () => {
    for (const word of ['accord', 'Ukraine', 'été', 'œuvre', 'îlot', 'ONU', 'UE', 'Yves', 'Yvelines', 'Yonne', 'York', 'un', 'une', 'ID', 'UE']) {
      expect(startsWithVowelSound(word), word).toBe(true)
    }
    for (const word of ['onze', 'oui', 'ouistiti', 'yacht', 'yaourt', 'uhlan', 'Yémen', 'yoga', 'FMI', 'SNCF', 'ratification', 'whisky', '8', '11', '1,5', 'IXe', 'Ier', 'A', 'E', 'one-shot', '']) {
      expect(startsWithVowelSound(word), word).toBe(false)
    }
  })

  it('knows words where elision is optional', () => {
    expect(isElisionOptional('hyène')).toBe(true)
    expect(isElisionOptional('Hitler')).toBe(true)
    expect(isElisionOptional('ouate')).toBe(true)
    expect(isElisionOptional('homme')).toBe(false)
    expect(isElisionOptional('héros')).toBe(false)
    expect(isElisionOptional('accord')).toBe(false)
    expect(isElisionOptional('1,5')).toBe(true)
    expect(isElisionOptional('100')).toBe(false)
    // h-words the lists do not know, and acronyms in H, are left alone
    for (const word of ['Hassan', 'Havas', 'Hérault', 'hoodie', 'HCQ', 'HCR']) {
      expect(isElisionOptional(word), word).toBe(true)
      expect(isHAspire(word), word).toBe(false)
    }
  })

  it('has every hand-written h aspiré lemma in the generated forms (rebuild after editing)', () => {
    const forms = loadList('h-aspire-forms.txt')
    const missing = [...loadList('h-aspire.txt')].filter((entry) => !entry.startsWith('!') && !forms.has(entry))
    expect(missing).toEqual([])
    expect(forms.has('héroïne')).toBe(false)
  })
})

describe('determiner and elision tables', () => {
  it('gives gender, number and before-vowel forms', () => {
    expect(determinerInfo('ce')).toMatchObject({gender: 'm', number: 's', beforeVowel: 'cet'})
    expect(determinerInfo('cet')).toMatchObject({gender: 'm', vowelFormOf: ['ce']})
    expect(determinerInfo('Cette')).toMatchObject({gender: 'f', number: 's'})
    expect(determinerInfo('ma')).toMatchObject({gender: 'f', beforeVowel: 'mon'})
    expect(determinerInfo('mon')).toMatchObject({gender: 'm', vowelFormOf: ['ma']})
    expect(determinerInfo('ses')).toMatchObject({gender: 'both', number: 'p'})
    expect(determinerInfo("l'")).toMatchObject({vowelFormOf: ['le', 'la']})
    expect(determinerInfo('de la')).toMatchObject({gender: 'f', beforeVowel: 'de l’'})
    expect(determinerInfo('beau')).toMatchObject({kind: 'adjective', beforeVowel: 'bel'})
    expect(determinerInfo('leurs')).toMatchObject({gender: 'both', number: 'p'})
    expect(determinerInfo('maison')).toBeUndefined()
  })

  it('gives elisions and contractions', () => {
    expect(elisionInfo('que')).toMatchObject({elided: 'qu’', before: 'vowel'})
    expect(elisionInfo('si')).toMatchObject({elided: 's’', before: 'il'})
    expect(elisionInfo('presque')).toMatchObject({before: ['île', 'îles']})
    expect(elisionInfo('ce')?.before).toContain('est')
    expect(elisionInfo('pour')).toBeUndefined()
    expect(contraction('de', 'le')).toBe('du')
    expect(contraction('à', 'le')).toBe('au')
    expect(contraction('à', 'les')).toBe('aux')
    expect(contraction('de', 'la')).toBeUndefined()
  })

  it('every data table line is well formed', () => {
    const lines = readFileSync(join(dataFolder, 'determiners.tsv'), 'utf8').split('\n').filter((line) => line && !line.startsWith('#'))
    for (const line of lines) expect(line.split('\t'), line).toHaveLength(6)
  })
})
