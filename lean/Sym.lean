module

public import Sym.Algebra.Matrix
public import Sym.Algebra.GL
public import Sym.Algebra.Perm
public import Sym.Algebra.Monomial
public import Sym.Translation
public import Sym.Norm.Schatten
public import Sym.Linear.Net
public import Sym.Activation.Residual
public import Sym.Activation.ReLU
public import Sym.Activation.Sigmoid
public import Sym.Examples
public import Sym.Autoencoder.Scaling
public import Sym.Norm.Frobenius
public import Sym.Norm.Entrywise
public import Sym.Autoencoder.Basic
public import Sym.Autoencoder.Regularized
public import Sym.Autoencoder.Transpose
public import Sym.Norm.EntrywiseConverse
public import Sym.Norm.Finite

/-!
# Symmetry groups of neural networks (umbrella)

Imports every module of the library: the algebra layer (`Sym.Algebra.*`), sections 3.1–3.2
(deep linear networks, activations, translations) and section 3.3 (autoencoders, norms).
-/
