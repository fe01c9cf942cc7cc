/**
 * Public API of the generators (fast-check 4 arbitraries; all shrink).
 */
export { scalarArb, positiveScalarArb, nonzeroScalarArb, integerScalarArb, type ScalarOptions } from "./scalar.js";
export { sizeArb, widthsArb, DEFAULT_MIN_SIZE, DEFAULT_MAX_SIZE, MIN_DIMENSION, type SizeOptions } from "./size.js";
export { matrixArb, vectorArb, paramsArb, reshape } from "./matrix.js";
export {
  permArb,
  permutationMatrix,
  permutationMatrixArb,
  positiveDiagonalArb,
  positiveMonomialArb,
  signDiagonalArb,
  signedPermutationArb,
} from "./permutation.js";
export { invertibleArb, layerGroupArb, type InvertibleOptions } from "./invertible.js";
export { orthogonalArb, rotationArb, skewArb, cayley } from "./orthogonal.js";
export { activationArb, activations } from "./activation.js";
export {
  nearBoundaryArb,
  perturbedPermutationArb,
  scaledPermutationArb,
  negatedMonomialArb,
  positiveScalarMatrixArb,
  landmarkArb,
  perturbedOrthogonalArb,
} from "./boundary.js";
export {
  searchWitness,
  groupCandidates,
  permutations,
  GROUP_CANDIDATE_KINDS,
  vectorCandidates,
  matrixCandidates,
  paramsCandidates,
  scalarCandidates,
  take,
  vectorCandidateList,
  matrixCandidateList,
  structuredVectorCount,
  structuredMatrixCount,
  DEFAULT_WITNESS_BUDGET,
  type WitnessResult,
} from "./witness.js";
export { typeArb, type TypeArbOptions } from "./from-type.js";
export { resolveDim, resolveWidths, UnresolvedDimensionError, type Dims } from "./dims.js";
export {
  HypothesisGenerators,
  defaultHypothesisGenerators,
  hypothesisArb,
  residualMemberArb,
  layerGroupHypothesisArb,
  type HypothesisGenerator,
} from "./hypotheses.js";
export { layerWidthsArb } from "./size.js";
export {
  witnessHints,
  twoLayerFactorization,
  factorThroughWidths,
  rescaledParameters,
  rotationRepresentationFn,
  shearRepresentationFn,
} from "./witness-hints.js";
