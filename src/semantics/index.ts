/**
 * Public API of the numeric semantics. Generated properties import from here only.
 */
export type { Field, Mode } from "./field.js";
export { DivisionByZeroError, NonFiniteError, SemanticsTypeError, UnsupportedInModeError } from "./field.js";
export { exactField, rational, serializeRational, type Rational } from "./exact.js";
export { DEFAULT_TOLERANCE, floatField, closeEnough } from "./float.js";
export {
  type Value,
  type Matrix,
  type Vector,
  type FnValue,
  type ListValue,
  matrix,
  vector,
  tabulate,
  tabulateVector,
  list,
  fn,
  withKey,
  entry,
  isMatrix,
  isVector,
  isFn,
  isList,
  describe,
} from "./value.js";
export { type Context, exactContext, floatContext, contextFor, valueEq, serializeValue, toScalar } from "./context.js";
export * as Mat from "./matrix.js";
export * as Vec from "./vector.js";
export { inverse, tryInverse, determinant, rank, isInvertible, matPowInt, inverseTranspose } from "./inverse.js";
export { kron, vec, unvec } from "./kron.js";
export { singularValues, type Svd } from "./svd.js";
export * as Norms from "./norms.js";
export * as Act from "./activation.js";
export type { Activation } from "./activation.js";
export * as Net from "./net.js";
export * as Groups from "./groups.js";
export * as Rotation from "./rotation.js";
export { relu, sigmoid, tanh, rationalSigmoid, identityActivation, leakyRelu } from "./activation.js";
export * as Autoencoder from "./autoencoder.js";
export { jacobian, jacobianFD, type DualMap, type Lift } from "./jacobian.js";
export { Dual, dualField } from "./dual.js";
export { nestPairs, unnestMatrices } from "./net.js";
export * as Ops from "./ops.js";
export { scalar, applyValue, partialKey, binaryOperators, unaryOperators } from "./ops.js";
export { type TypeSpec, type Dim, T as Types, showType } from "./types.js";
export { Registry, type SemanticEntry, type Impl, type ParamSpec, arity, signature, unknownConstantMessage } from "./registry.js";
export { createRegistry, defaultRegistry } from "./builtins/index.js";
export { activationValue } from "./builtins/define.js";
