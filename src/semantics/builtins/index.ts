/**
 * The default registry: every Lean constant with a numeric semantics. To add one, append a
 * `define({...})` to the file of its area (or a new file listed here).
 */
import { Registry } from "../registry.js";
import { activationEntries } from "./activation.js";
import { analysisEntries } from "./analysis.js";
import { conjectureEntries } from "./conjecture.js";
import { autoencoderEntries } from "./autoencoder.js";
import { normEntries } from "./norms.js";
import { regularizedEntries } from "./regularized.js";
import { schattenEntries } from "./schatten.js";
import { structureEntries } from "./structure.js";
import { translationEntries } from "./translation.js";
import { groupEntries } from "./groups.js";
import { isometryEntries } from "./isometry.js";
import { matrixEntries } from "./matrix.js";

/** A fresh registry with every built-in entry. */
export function createRegistry(): Registry {
  const r = new Registry();
  for (const e of [
    ...matrixEntries,
    ...groupEntries,
    ...analysisEntries,
    ...isometryEntries,
    ...normEntries,
    ...schattenEntries,
    ...activationEntries,
    ...autoencoderEntries,
    ...regularizedEntries,
    ...structureEntries,
    ...conjectureEntries,
    ...translationEntries,
  ]) r.register(e);
  return r;
}

/** The shared default registry (do not mutate; call {@link createRegistry} to extend). */
export const defaultRegistry: Registry = createRegistry();
