/** ParseFrench lives in the retext-french package (packages/retext-french); kept here for coquille's imports. */
export {
  ParseFrench,
  attachClosingQuotes,
  mergeAbbreviationStops,
  mergeFrenchNumbers,
  mergeFrenchPrefixExceptions,
  splitGluedFullStops,
  type PointMapper,
} from 'retext-french'
