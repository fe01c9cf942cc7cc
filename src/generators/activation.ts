/**
 * Activations `σ : α → α`. Both modes: ReLU, identity, leaky ReLU (slope 1/2), absolute value,
 * the rational sigmoid `1/2 + x/(2(1 + |x|))` (`σ 0 ≠ 0`, sigmoid-like), `x + 1`, `2 x`.
 * Float mode adds the sigmoid and tanh.
 */
import fc from "fast-check";
import { activation, identityActivation, leakyRelu, rationalSigmoid, relu, sigmoid, tanh, type Activation } from "../semantics/activation.js";
import type { Field } from "../semantics/field.js";

/** The activations available in the mode of `F`, ReLU first (the shrink target). */
export function activations<T>(F: Field<T>): Activation<T>[] {
  const exact: Activation<T>[] = [
    relu(F),
    identityActivation<T>(),
    leakyRelu(F, F.fromRatio(1, 2)),
    activation("abs", (x: T) => F.abs(x)),
    rationalSigmoid(F),
    activation("succ", (x: T) => F.add(x, F.one)),
    activation("double", (x: T) => F.mul(F.fromInt(2), x)),
  ];
  return F.mode === "float" ? [...exact, sigmoid(F), tanh(F)] : exact;
}

export function activationArb<T>(F: Field<T>): fc.Arbitrary<Activation<T>> {
  return fc.constantFrom(...activations(F));
}
