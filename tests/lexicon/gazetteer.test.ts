/**
 * The gazetteer's data checked against an independent reference (the 193 member states of
 * the United Nations, written here from the UN's list, not from the data file) and against
 * the rules of French grammar that its article and prepositions must follow.
 */
import {describe, expect, it} from 'vitest'
import {
  contract,
  elides,
  gazetteerEntries,
  lookup,
  lookupAll,
  matchAt,
  type PlaceName,
} from '../../src/lexicon/gazetteer.js'

/** The 193 UN member states, as French news writes them (some by their official name). */
const unMembers = `Afghanistan, Afrique du Sud, Albanie, Algérie, Allemagne, Andorre, Angola, Antigua-et-Barbuda,
Arabie saoudite, Argentine, Arménie, Australie, Autriche, Azerbaïdjan, Bahamas, Bahreïn, Bangladesh, Barbade,
Bélarus, Belgique, Belize, Bénin, Bhoutan, Bolivie, Bosnie-Herzégovine, Botswana, Brésil, Brunei, Bulgarie,
Burkina Faso, Burundi, Cabo Verde, Cambodge, Cameroun, Canada, République centrafricaine, Chili, Chine, Chypre,
Colombie, Comores, Congo, Costa Rica, Côte d’Ivoire, Croatie, Cuba, Danemark, Djibouti, Dominique, Égypte,
Émirats arabes unis, Équateur, Érythrée, Espagne, Estonie, Eswatini, États-Unis, Éthiopie, Fidji, Finlande,
France, Gabon, Gambie, Géorgie, Ghana, Grèce, Grenade, Guatemala, Guinée, Guinée-Bissau, Guinée équatoriale,
Guyana, Haïti, Honduras, Hongrie, Îles Marshall, Îles Salomon, Inde, Indonésie, Iran, Iraq, Irlande, Islande,
Israël, Italie, Jamaïque, Japon, Jordanie, Kazakhstan, Kenya, Kirghizistan, Kiribati, Koweït, Laos, Lesotho,
Lettonie, Liban, Libéria, Libye, Liechtenstein, Lituanie, Luxembourg, Macédoine du Nord, Madagascar, Malaisie,
Malawi, Maldives, Mali, Malte, Maroc, Maurice, Mauritanie, Mexique, Micronésie, Monaco, Mongolie, Monténégro,
Mozambique, Myanmar, Namibie, Nauru, Népal, Nicaragua, Niger, Nigéria, Norvège, Nouvelle-Zélande, Oman, Ouganda,
Ouzbékistan, Pakistan, Palaos, Panama, Papouasie-Nouvelle-Guinée, Paraguay, Pays-Bas, Pérou, Philippines,
Pologne, Portugal, Qatar, République de Corée, République démocratique du Congo, République dominicaine,
République de Moldova, République populaire démocratique de Corée, Roumanie, Royaume-Uni, Fédération de Russie,
Rwanda, Saint-Kitts-et-Nevis, Saint-Marin, Saint-Vincent-et-les-Grenadines, Sainte-Lucie, Samoa,
Sao Tomé-et-Principe, Sénégal, Serbie, Seychelles, Sierra Leone, Singapour, Slovaquie, Slovénie, Somalie, Soudan,
Soudan du Sud, Sri Lanka, Suède, Suisse, Suriname, République arabe syrienne, Tadjikistan, République-Unie de Tanzanie,
Tchad, Tchéquie, Thaïlande, Timor-Leste, Togo, Tonga, Trinité-et-Tobago, Tunisie, Turkménistan, Türkiye, Tuvalu,
Ukraine, Uruguay, Vanuatu, Venezuela, Viet Nam, Yémen, Zambie, Zimbabwe, El Salvador`
  .split(',')
  .map((name) => name.trim())
/** Official names the data files under a shorter usual name (the UN list writes them this way). */
const officialToUsual: Record<string, string> = {
  'République populaire démocratique de Corée': 'Corée du Nord',
  'République de Moldova': 'Moldavie',
  'République arabe syrienne': 'Syrie',
  'République-Unie de Tanzanie': 'Tanzanie',
}

/** The member state an entry stands for (an entry, or the usual name a variant points to). */
function memberOf(entry: PlaceName): PlaceName | undefined {
  if (entry.un) return entry
  if (entry.variantOf) return lookupAll(entry.variantOf).find((candidate) => candidate.kind === 'country')
  return undefined
}

const entries = gazetteerEntries()
const count = (kind: PlaceName['kind']) => entries.filter((entry) => entry.kind === kind && !entry.variantOf).length

describe('coverage', () => {
  it('the reference list has 193 distinct names', () => {
    expect(new Set(unMembers).size).toBe(193)
  })

  it('every UN member state resolves, to 193 distinct member entries', () => {
    const resolved = new Set<PlaceName>()
    for (const name of unMembers) {
      const found = lookupAll(officialToUsual[name] ?? name).find((entry) => entry.kind === 'country')
      expect(found, name).toBeDefined()
      const member = memberOf(found!)
      expect(member?.un, name).toBe('member')
      resolved.add(member!)
    }
    expect(resolved.size).toBe(193)
    expect(entries.filter((entry) => entry.un === 'member')).toHaveLength(193)
  })

  it('the two observer states resolve', () => {
    expect(lookup('Saint-Siège')?.un).toBe('observer')
    expect(memberOf(lookup('Cité du Vatican')!)?.un).toBe('observer')
    expect(lookup('Palestine')?.un).toBe('observer')
    expect(entries.filter((entry) => entry.un === 'observer')).toHaveLength(2)
  })

  it('counts French régions, départements, US states and Canadian provinces', () => {
    // 13 metropolitan régions and 5 overseas ones; historical provinces and areas come on top.
    const regions = ['Auvergne-Rhône-Alpes', 'Bourgogne-Franche-Comté', 'Bretagne', 'Centre-Val de Loire', 'Corse', 'Grand Est',
      'Hauts-de-France', 'Île-de-France', 'Normandie', 'Nouvelle-Aquitaine', 'Occitanie', 'Pays de la Loire',
      'Provence-Alpes-Côte d’Azur', 'Guadeloupe', 'Martinique', 'Guyane', 'La Réunion', 'Mayotte']
    for (const name of regions) expect(lookupAll(name).some((entry) => entry.kind === 'region'), name).toBe(true)
    expect(count('department')).toBe(101)
    expect(count('us-state')).toBe(50)
    expect(count('province')).toBe(13)
  })

  it('news territories, cities with an article and organisations are there', () => {
    for (const name of ['Groenland', 'Porto Rico', 'Hong Kong', 'Taïwan', 'Gaza', 'Cisjordanie', 'Kosovo', 'Nouvelle-Calédonie',
      'Crimée', 'Donbass', 'Kurdistan', 'Sahel', 'Tibet', 'Sahara occidental', 'Haut-Karabakh']) {
      expect(lookup(name)?.kind, name).toBe('territory')
    }
    for (const name of ['Le Caire', 'La Haye', 'Le Havre', 'La Nouvelle-Orléans', 'Le Mans', 'La Rochelle', 'Le Cap', 'La Havane', 'La Mecque', 'La Paz']) {
      expect(lookup(name)?.kind, name).toBe('city')
    }
    expect(entries.filter((entry) => entry.kind === 'city' && entry.article === '').length).toBeGreaterThanOrEqual(370)
    expect(entries.filter((entry) => entry.kind === 'city' && entry.article !== '').length).toBeGreaterThanOrEqual(45)
    expect(entries.filter((entry) => entry.kind === 'organisation' || entry.kind === 'institution').length).toBeGreaterThanOrEqual(120)
  })

  it('the prefecture of each of the 101 départements is a city', () => {
    expect(new Set(prefectures).size).toBe(101)
    const missing = prefectures.filter((name) => !lookupAll(name).some((entry) => entry.kind === 'city'))
    expect(missing).toEqual([])
    // "à Laon", "à Évreux", but "à La Rochelle", "au Mans", "au Puy-en-Velay".
    const city = (name: string) => lookupAll(name).find((entry) => entry.kind === 'city')!
    const withArticle = prefectures.filter((name) => city(name).article !== '')
    expect(withArticle).toEqual(['La Rochelle', 'Le Puy-en-Velay', 'Le Mans', 'La Roche-sur-Yon'])
    expect(prefectures.filter((name) => !withArticle.includes(name) && city(name).in !== 'à')).toEqual([])
  })
})

/** The prefectures of the 101 départements, in the order of their INSEE codes (01…95, 971…976). */
const prefectures = `Bourg-en-Bresse, Laon, Moulins, Digne-les-Bains, Gap, Nice, Privas, Charleville-Mézières, Foix, Troyes,
Carcassonne, Rodez, Marseille, Caen, Aurillac, Angoulême, La Rochelle, Bourges, Tulle, Ajaccio, Bastia, Dijon,
Saint-Brieuc, Guéret, Périgueux, Besançon, Valence, Évreux, Chartres, Quimper, Nîmes, Toulouse, Auch, Bordeaux,
Montpellier, Rennes, Châteauroux, Tours, Grenoble, Lons-le-Saunier, Mont-de-Marsan, Blois, Saint-Étienne,
Le Puy-en-Velay, Nantes, Orléans, Cahors, Agen, Mende, Angers, Saint-Lô, Châlons-en-Champagne, Chaumont, Laval,
Nancy, Bar-le-Duc, Vannes, Metz, Nevers, Lille, Beauvais, Alençon, Arras, Clermont-Ferrand, Pau, Tarbes, Perpignan,
Strasbourg, Colmar, Lyon, Vesoul, Mâcon, Le Mans, Chambéry, Annecy, Paris, Rouen, Melun, Versailles, Niort, Amiens,
Albi, Montauban, Toulon, Avignon, La Roche-sur-Yon, Poitiers, Limoges, Épinal, Auxerre, Belfort, Évry-Courcouronnes,
Nanterre, Bobigny, Créteil, Cergy, Basse-Terre, Fort-de-France, Cayenne, Saint-Denis, Mamoudzou`
  .split(',')
  .map((name) => name.trim())

describe('entries taken from the gazetteer-alt compilation', () => {
  const forms = (name: string, kind: PlaceName['kind']) => {
    const entry = lookupAll(name).find((candidate) => candidate.kind === kind)
    return entry && [entry.article, entry.gender, entry.number, entry.in, entry.from]
  }

  it.each([
    ['Le Kremlin-Bicêtre', 'le', 'm', 's', 'au', 'du'],
    ['La Teste-de-Buch', 'la', 'f', 's', 'à La', 'de La'],
    ['La Garenne-Colombes', 'la', 'f', 's', 'à La', 'de La'],
    ['Le Tampon', 'le', 'm', 's', 'au', 'du'],
    ['Les Abymes', 'les', 'm', 'p', 'aux', 'des'],
    ['Les Herbiers', 'les', 'm', 'p', 'aux', 'des'],
    ['Biarritz', '', 'm', 's', 'à', 'de'],
    ['Arras', '', 'm', 's', 'à', 'd’'],
    ['Hiroshima', '', 'm', 's', 'à', 'd’'],
    ['Hébron', '', 'm', 's', 'à', 'd’'],
    ['Homs', '', 'm', 's', 'à', 'de'],
    ['Dar es Salaam', '', 'm', 's', 'à', 'de'],
    ['Hô Chi Minh-Ville', '', 'm', 's', 'à', 'de'],
  ])('city %s: %s (%s %s), %s, %s', (name, article, gender, number, into, from) => {
    expect(forms(name, 'city')).toEqual([article, gender, number, into, from])
  })

  it.each([
    ['FAO', 'la', 'f'], ['PAM', 'le', 'm'], ['PNUD', 'le', 'm'], ['Unrwa', 'l’', 'f'], ['OIT', 'l’', 'f'], ['OIM', 'l’', 'f'],
    ['CJUE', 'la', 'f'], ['Eurogroupe', 'l’', 'm'], ['Mercosur', 'le', 'm'], ['Bundesbank', 'la', 'f'], ['CICR', 'le', 'm'],
    ['Croix-Rouge', 'la', 'f'], ['CNES', 'le', 'm'], ['PCF', 'le', 'm'], ['MoDem', 'le', 'm'], ['Assemblée générale', 'l’', 'f'],
    ['MSF', '', 'f'], ['Greenpeace', '', 'f'], ['Tsahal', '', 'm'], ['FO', '', 'f'], ['LR', '', 'm'],
    ['Parlement', 'le', 'm'], ['Capitole', 'le', 'm'], ['Chambre des représentants', 'la', 'f'], ['Beauvau', '', 'm'],
  ])('organisation or institution %s: %s (%s)', (name, article, gender) => {
    const entry = lookup(name)!
    expect(entry.kind).toMatch(/^(organisation|institution)$/)
    expect([entry.article, entry.gender]).toEqual([article, gender])
  })

  it('"Les Républicains" carries its article; "à" before an organisation is its indirect object', () => {
    expect(matchAt(['Les', 'Républicains'], 0)).toMatchObject({length: 2, withArticle: true})
    expect(lookup('Les Républicains')).toMatchObject({number: 'p', article: 'les', from: 'des'})
    expect(lookup('FAO')!.in).toBe('à la')
  })

  it('territories and former régions', () => {
    expect(forms('Toscane', 'territory')).toEqual(['la', 'f', 's', 'en', 'de'])
    expect(forms('Kurdistan irakien', 'territory')).toEqual(['le', 'm', 's', 'au', 'du'])
    expect(forms('Tahiti', 'territory')).toEqual(['', 'f', 's', 'à', 'de'])
    expect(forms('Poitou-Charentes', 'region')).toEqual(['le', 'm', 's', 'en', 'du'])
    expect(forms('Corne de l’Afrique', 'region')).toEqual(['la', 'f', 's', 'dans la', 'de la'])
  })

  it('aliases of existing entries', () => {
    expect(lookup('République française')?.name).toBe('France')
    expect(lookup('Confédération helvétique')?.name).toBe('Suisse')
    expect(lookup('RPDC')?.name).toBe('Corée du Nord')
    expect(lookup('Falklands')?.name).toBe('Malouines')
    expect(lookup('Tigray')?.name).toBe('Tigré')
    expect(lookup('Beijing')?.name).toBe('Pékin')
    expect(lookup('Grand-Duché de Luxembourg')?.kind).toBe('country')
    expect(lookupAll('Grand-Duché de Luxembourg')).toHaveLength(1)
  })

  it('corrections and usage variants where the two compilations disagreed', () => {
    expect(lookup('Helsinki')).toMatchObject({from: 'd’', alsoFrom: ['de']})
    expect(lookup('Ouagadougou')).toMatchObject({from: 'de', alsoFrom: ['d’']})
    expect(lookup('Côte d’Azur')).toMatchObject({from: 'de la', alsoFrom: ['de']})
    expect(lookup('Palaos')!.alsoIn).toContain('à')
    expect(lookup('Rhode Island')!.alsoIn).toContain('à')
    expect(elides('Helsinki')).toBe(true)
    expect(elides('Ouagadougou')).toBe(false)
    // "le HCR" but "l’UNHCR": the acronym is read letter by letter.
    expect([lookup('HCR')!.article, lookup('UNHCR')!.article]).toEqual(['le', 'l’'])
    expect(lookup('UNHCR')!.variantOf).toBe('HCR')
  })

  it('leaves out names that are mostly something else', () => {
    // "midi" is noon and "Midi Libre" a newspaper ("à Midi Libre" is no place); "Opep+" is read as "Opep".
    expect(lookup('Midi')).toBeUndefined()
    expect(lookup('Opep+')).toBeUndefined()
    expect(lookup('Opep')?.article).toBe('l’')
  })
})

describe('organisations: article and gender by pronunciation', () => {
  it.each([
    ['ONU', 'l’', 'f'], ['OTAN', 'l’', 'f'], ['UE', 'l’', 'f'], ['FMI', 'le', 'm'], ['BCE', 'la', 'f'], ['OMS', 'l’', 'f'],
    ['Kremlin', 'le', 'm'], ['Maison-Blanche', 'la', 'f'], ['Élysée', 'l’', 'm'], ['Matignon', '', 'm'], ['Pentagone', 'le', 'm'],
    ['SNCF', 'la', 'f'], ['AFP', 'l’', 'f'], ['Medef', 'le', 'm'], ['CGT', 'la', 'f'], ['OIAC', 'l’', 'f'],
  ])('%s: %s (%s)', (name, article, gender) => {
    const entry = lookup(name)!
    expect(entry.article).toBe(article)
    expect(entry.gender).toBe(gender)
  })
})

/**
 * Names whose vowel or h initial does not decide elision the usual way: h aspiré (no
 * elision: "la Hongrie", "le Honduras", "de Hong Kong"), h muet or y that elides
 * ("l’Hérault", "l’Yonne", "d’Haïti", "l’Himalaya", "d’Hiroshima", "d’Hébron", "les
 * accords d’Helsinki") and "ou" read [w] ("l’accord de Ouagadougou").
 */
const elisionExceptions = new Set([
  'Haïti', 'Hérault', 'Yonne', 'Himalaya', 'Hanoï', 'L’Haÿ-les-Roses', 'Hiroshima', 'Hébron', 'Helsinki', 'Ouagadougou',
])

/**
 * Prepositions that French usage fixes against the general pattern (feminine or vowel →
 * "en"; masculine → "au"; plural → "aux"; no article → "à"). Each is real usage:
 */
const prepositionExceptions: Record<string, string> = {
  Barbade: 'à la Barbade (island)',
  Dominique: 'à la Dominique (island)',
  Grenade: 'à la Grenade (island)',
  Haïti: 'en Haïti',
  Israël: 'en Israël',
  'île Maurice': 'à l’île Maurice',
  'La Réunion': 'à La Réunion',
  'bande de Gaza': 'dans la bande de Gaza',
  Donbass: 'dans le Donbass',
  Golan: 'sur le Golan',
  Sinaï: 'dans le Sinaï',
  'Centre-Val de Loire': 'en Centre-Val de Loire (région named without article after « en »)',
  'Grand Est': 'dans le Grand Est',
  'Hauts-de-France': 'dans les Hauts-de-France',
  'Pays de la Loire': 'dans les Pays de la Loire',
  'Côte d’Azur': 'sur la Côte d’Azur',
  Cévennes: 'dans les Cévennes',
  Alpes: 'dans les Alpes',
  Pyrénées: 'dans les Pyrénées',
  'Massif central': 'dans le Massif central',
  Balkans: 'dans les Balkans',
  Caucase: 'dans le Caucase',
  Himalaya: 'dans l’Himalaya',
  Caraïbes: 'dans les Caraïbes',
  Caraïbe: 'dans la Caraïbe',
  'État de New York': 'dans l’État de New York',
  'État de Washington': 'dans l’État de Washington',
  'Île-du-Prince-Édouard': 'à l’Île-du-Prince-Édouard',
  'Territoires du Nord-Ouest': 'dans les Territoires du Nord-Ouest',
  'Territoires palestiniens': 'dans les Territoires palestiniens',
  'L’Haÿ-les-Roses': 'à L’Haÿ-les-Roses',
  Limousin: 'en Limousin (old provinces take « en »)',
  Languedoc: 'en Languedoc',
  Périgord: 'en Périgord',
  'Languedoc-Roussillon': 'en Languedoc-Roussillon (former régions, like old provinces)',
  'Poitou-Charentes': 'en Poitou-Charentes',
  'Nord-Pas-de-Calais': 'dans le Nord-Pas-de-Calais',
  'Midi-Pyrénées': 'en Midi-Pyrénées (former région named without article)',
  'Rhône-Alpes': 'en Rhône-Alpes',
  Golfe: 'dans le Golfe (the Persian Gulf and its states)',
  'Corne de l’Afrique': 'dans la Corne de l’Afrique',
  'Terres australes et antarctiques françaises': 'dans les Terres australes et antarctiques françaises',
}

const vowel = /^[aeiouâàäéèêëîïôöûüœ]/i

/** What grammar alone predicts for an entry, from its gender, number, initial and kind. */
function predicted(entry: PlaceName): {article: string; in: string[]; from: string[]} {
  const bare = entry.name.replace(/^(Le|La|Les) /, '').replace(/^L’/, '')
  const initialElides = vowel.test(bare) !== elisionExceptions.has(entry.name)
  const acronymElides = /^[A-Z][A-Z0-9]+$/.test(bare) ? /^[AEIOU]/.test(bare) : initialElides
  const elided = acronymElides
  if (entry.article === '') return {article: '', in: ['à'], from: [elided ? 'd’' : 'de']}
  const article = entry.number === 'p' ? 'les' : elided ? 'l’' : entry.gender === 'f' ? 'la' : 'le'
  const withArticle = (preposition: 'à' | 'de') => contract(preposition, article as 'le')
  switch (entry.kind) {
    case 'department':
      return {
        article,
        in: entry.gender === 'f' && entry.number === 's' ? ['en', `dans ${article}`] : [`dans ${article}`, 'en'],
        from: [withArticle('de')],
      }
    case 'organisation':
    case 'institution':
    case 'city':
      return {article, in: [withArticle('à')], from: [withArticle('de')]}
    default:
      return {
        article,
        in: [entry.number === 'p' ? 'aux' : entry.gender === 'f' || elided ? 'en' : 'au'],
        from: [entry.number === 'p' ? 'des' : elided ? 'd’' : entry.gender === 'f' ? 'de' : 'du'],
      }
  }
}

describe('grammar of every entry', () => {
  it('articles agree with gender, number and initial', () => {
    const wrong = entries.filter((entry) => entry.article !== predicted(entry).article).map((entry) => entry.name)
    expect(wrong).toEqual([])
  })

  it('"in" and "from" follow from the article, or are listed exceptions', () => {
    const wrong: string[] = []
    for (const entry of entries) {
      const expected = predicted(entry)
      const name = entry.name
      // Cities that carry their article keep it capitalised after à/de: "à La Haye".
      const cityForms = entry.kind === 'city' && /^(La|L’) /.test(name + ' ') ? [`à ${name.split(/ |(?<=’)/)[0]}`] : []
      if (!expected.in.includes(entry.in) && !cityForms.includes(entry.in) && !(name in prepositionExceptions)) wrong.push(`${name}: in ${entry.in}`)
      const fromForms = [...expected.from, ...(entry.kind === 'city' ? [`de ${name.split(/ |(?<=’)/)[0]}`] : [])]
      if (!fromForms.includes(entry.from) && !(name in prepositionExceptions)) wrong.push(`${name}: from ${entry.from}`)
    }
    expect(wrong).toEqual([])
  })

  it('countries follow the rules: en Russie, au Japon, aux États-Unis, à Cuba, en Iran', () => {
    const forms = (name: string) => {
      const entry = lookup(name)!
      return [entry.article, entry.in, entry.from]
    }
    expect(forms('Russie')).toEqual(['la', 'en', 'de'])
    expect(forms('Japon')).toEqual(['le', 'au', 'du'])
    expect(forms('États-Unis')).toEqual(['les', 'aux', 'des'])
    expect(forms('Iran')).toEqual(['l’', 'en', 'd’'])
    expect(forms('Afghanistan')).toEqual(['l’', 'en', 'd’'])
    expect(forms('Yémen')).toEqual(['le', 'au', 'du'])
    expect(forms('Mexique')).toEqual(['le', 'au', 'du'])
    expect(forms('Mozambique')).toEqual(['le', 'au', 'du'])
    expect(forms('Cambodge')).toEqual(['le', 'au', 'du'])
    expect(forms('Pays-Bas')).toEqual(['les', 'aux', 'des'])
    expect(forms('Hongrie')).toEqual(['la', 'en', 'de'])
    for (const island of ['Cuba', 'Madagascar', 'Chypre', 'Malte', 'Singapour', 'Bahreïn']) expect(forms(island).slice(0, 2)).toEqual(['', 'à'])
    expect(forms('Israël')).toEqual(['', 'en', 'd’'])
  })
})

describe('no duplicates', () => {
  it('a name (or alias) names one entry per kind', () => {
    const seen = new Map<string, string>()
    const duplicates: string[] = []
    for (const entry of entries) {
      for (const name of new Set([entry.name, ...entry.aliases])) {
        const key = `${entry.kind}:${name}`
        if (seen.has(key)) duplicates.push(key)
        seen.set(key, entry.name)
      }
    }
    expect(duplicates).toEqual([])
  })

  it('homonyms of different kinds agree on the article, unless listed here', () => {
    // A country or province and its capital city (no article), a département and a city.
    const knownHomonyms = new Set(['Québec', 'Luxembourg', 'Koweït', 'Koweit', 'Guatemala', 'Panama', 'Grenade', 'Salvador', 'Vienne', 'Mayenne'])
    const byName = new Map<string, Set<string>>()
    for (const entry of entries) {
      for (const name of [entry.name, ...entry.aliases]) {
        const articles = byName.get(name) ?? new Set()
        articles.add(entry.article)
        byName.set(name, articles)
      }
    }
    const conflicting = [...byName].filter(([name, articles]) => articles.size > 1 && !knownHomonyms.has(name)).map(([name]) => name)
    expect(conflicting).toEqual([])
  })

  it('variants point to an existing entry', () => {
    for (const entry of entries.filter((candidate) => candidate.variantOf)) expect(lookup(entry.variantOf!), entry.name).toBeDefined()
  })
})

describe('lookup and matchAt', () => {
  it('finds names, aliases and unaccented forms', () => {
    expect(lookup('Etats-Unis')?.name).toBe('États-Unis')
    expect(lookup('Egypte')?.name).toBe('Égypte')
    expect(lookup('Fédération de Russie')?.name).toBe('Russie')
    expect(lookup("Côte d'Ivoire")?.name).toBe('Côte d’Ivoire')
    expect(lookup('chine')).toBeUndefined()
    expect(lookup('Géorgie')?.kind).toBe('country')
    expect(lookupAll('Géorgie').map((entry) => entry.kind)).toEqual(['country', 'us-state'])
  })

  it('matches the longest multi-word name', () => {
    const words = ['la', 'Corée', 'du', 'Nord', 'et', 'la', 'Corée']
    expect(matchAt(words, 1)).toMatchObject({length: 3, withArticle: false})
    expect(matchAt(words, 1)!.entries[0]!.name).toBe('Corée du Nord')
    expect(matchAt(words, 6)).toBeUndefined()
    expect(matchAt(['République', 'démocratique', 'du', 'Congo'], 0)!.entries[0]!.name).toBe('République démocratique du Congo')
    expect(matchAt(['Côte', "d'Ivoire"], 0)!.length).toBe(2)
  })

  it('matches a name with its own article, and without it', () => {
    expect(matchAt(['à', 'La', 'Haye'], 1)).toMatchObject({length: 2, withArticle: true})
    expect(matchAt(['le', 'Caire'], 0)).toMatchObject({length: 2, withArticle: true})
    expect(matchAt(['au', 'Caire'], 1)).toMatchObject({length: 1, withArticle: false})
    expect(matchAt(['au', 'Caire'], 1)!.entries[0]!.name).toBe('Le Caire')
  })

  it('elides by pronunciation', () => {
    expect(['ONU', 'OTAN', 'UE', 'OMS', 'AFP', 'Iran', 'Hérault', 'Haïti'].filter((word) => !elides(word))).toEqual([])
    expect(['FMI', 'BCE', 'SNCF', 'HCR', 'Hongrie', 'Honduras', 'Japon', 'Hong Kong'].filter((word) => elides(word))).toEqual([])
    expect(elides('accord')).toBe(true)
  })

  it('contracts prepositions and articles', () => {
    expect([contract('à', 'le'), contract('à', 'les'), contract('à', 'la'), contract('à', 'l’'), contract('à', '')]).toEqual(['au', 'aux', 'à la', 'à l’', 'à'])
    expect([contract('de', 'le'), contract('de', 'les'), contract('de', 'la'), contract('de', 'l’')]).toEqual(['du', 'des', 'de la', 'de l’'])
  })
})
