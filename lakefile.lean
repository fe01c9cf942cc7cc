import Lake
open Lake DSL

/-! The Lean library of the project, for users with a native toolchain (`lake build`).
The embedded toolchain builds the same sources with `npm run prove`. -/

package sym where
  leanOptions := #[⟨`autoImplicit, false⟩]

@[default_target]
lean_lib Sym where
  srcDir := "lean"
