// Package coupling defines the coupling family of oneway: dependencies
// between components that make a component hard to replace, split out or
// change on its own.
//
// # Analyzer coupling
//
// coupling: report dependencies between components that get expensive to reverse
//
// The analyzer places every package in a component (the policy's
// components, or one per top-level directory of each main module) and
// records each dependency of a package on a package of another component:
// its imports, the uses of the other component's struct types (as field,
// parameter, result, composite literal, type assertion or embedded type),
// the calls of its package-level functions and the reads and writes of its
// exported variables. Test files are ignored.
//
// From those it reports, once per dependent package, depended-upon
// component and rule, at the first site and with the other sites as
// related positions:
//
//   - coupling.forbidden-dependency: an import the policy's allow rules do
//     not permit (only when the policy has allow rules);
//   - coupling.concrete-dependency: uses of the other component's concrete
//     types and package-level functions, counted by kind (struct types
//     that appear in the signatures of its exported interfaces are part of
//     the contract and do not count);
//   - coupling.internal-reach: an import of a package outside the other
//     component's public surface (its root packages and packages named
//     api, client, types or model, unless the policy names them);
//   - coupling.shared-global: reads and writes of another component's
//     exported package-level variables.
//
// A go vet run sees one package at a time, so these findings carry
// Evidence.Partial: their full weight (sites in every package, the fan-in
// of the depended-upon component) is only known to the audit, whose
// whole-program part re-decides them per component edge and adds
// coupling.cycle (components that depend on each other) and the
// per-component metrics Ca, Ce, instability, abstractness and distance.
//
// Flags: -components, -modules, -allow, -public, -public-names,
// -ignore-main, -ignore-errors (see Config).
package coupling
