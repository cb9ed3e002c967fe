/** The retext-french plugin lives in its own package (packages/retext-french); kept here for coquille's imports. */
export {retextFrench as default, createFrenchParser} from 'retext-french'
