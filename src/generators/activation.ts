/**
 * Activations `σ : α → α`: the piecewise-linear ones in both modes (ReLU, identity, leaky ReLU
 * with slope 1/2, absolute value), sigmoid and tanh in float mode.
 */
import fc from "fast-check";
import { activation, identityActivation, leakyRelu, relu, sigmoid, tanh, type Activation } from "../semantics/activation.js";
import type { Field } from "../semantics/field.js";

/** The activations available in the mode of `F`, ReLU first (the shrink target). */
export function activations<T>(F: Field<T>): Activation<T>[] {
  const exact: Activation<T>[] = [
    relu(F),
    identityActivation<T>(),
    leakyRelu(F, F.fromRatio(1, 2)),
    activation("abs", (x: T) => F.abs(x)),
  ];
  return F.mode === "float" ? [...exact, sigmoid(F), tanh(F)] : exact;
}

export function activationArb<T>(F: Field<T>): fc.Arbitrary<Activation<T>> {
  return fc.constantFrom(...activations(F));
}
