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
// its imports, the uses of the other component's service types (struct
// types with methods and a collaborator, see below; as field, parameter,
// result, composite literal, type assertion or embedded type) and the
// reads and writes of its exported variables. Test files, generated files
// and test-support packages (a path directory starting with "test", named
// mock, mocks, fake, fakes, e2e, fixture or fixtures, or ending with
// "test" or "tests" in a package that imports testing) are ignored: they
// build concrete fixtures by design, or are no decision of the authors.
//
// From those it reports, once per dependent package, depended-upon
// component and rule, at the first site and with the other sites as
// related positions:
//
//   - coupling.forbidden-dependency: an import the policy's allow rules do
//     not permit (only when the policy has allow rules);
//   - coupling.concrete-dependency: uses of the other component's service
//     types, counted by kind (struct types that appear in the signatures
//     of its exported interfaces are part of the contract and do not
//     count; calls of its functions are no concrete dependency);
//   - coupling.internal-reach: an import of a package outside the public
//     surface of a component the policy declares (its root packages and
//     packages named api, client, types or model, unless the policy names
//     them), except by package main, the composition root; components of
//     the default rule are directories, with no surface to reach around;
//   - coupling.shared-global: reads and writes of another component's
//     exported package-level variables that some package writes after
//     initialisation: an assignment, increment, store into a field or
//     element, or taking the address, by any package outside test files,
//     the variable's own package outside its init functions included. A
//     variable nobody writes, whatever its type (an *analysis.Analyzer, a
//     default client), is read like a constant; so are embed.FS
//     variables, sentinel errors, and values of basic type that package
//     main sets to build information (a constant or one of its own
//     variables, as -ldflags -X fills them). Calling a method through a
//     variable is a read. A go vet run sees one package and the
//     WrittenFact of the variable's own package, not the writes of the
//     others: it reports the reads of a basic-typed variable only where
//     that package or the variable's own package writes it, and every
//     read of a variable of another type.
//
// # Services and data
//
// A struct type is a service when it has methods and a collaborator: a
// field without an encoding tag (json, db, gorm, yaml, ...) that is or
// contains an interface other than error and any, a func, a channel,
// unsafe.Pointer or a type of package sync or sync/atomic, looking
// through pointers, slices, maps and struct types of any package (so
// *sql.DB, *gorm.DB and *http.Client are collaborators, time.Time is
// not). Every other struct type is data: rows, DTOs, configuration and
// events, with or without helper methods, are the shared vocabulary of a
// code base; no interface can stand for them, so using them is no
// concrete dependency, and they do not count in abstractness. So are
// struct types without fields (stateless), error types, and every type
// declared in generated code (protobuf messages, whose runtime state
// holds sync fields; sqlc, ent and xo models; mocks), which a helper
// analyzer marks with a GeneratedFact for the packages that import them.
//
// A package-level function is no concrete dependency, whatever its
// signature: no interface stands for a function, and what its caller
// keeps of a service (a field, a parameter) is counted where it is.
//
// The audit also knows the composition roots besides package main:
// packages imported only by package main and other composition roots
// that hold or build the services of two or more other components (a
// server package assembling the application, a routes package taking
// every handler). Their concrete dependencies and reach are wiring, not
// decisions; go vet, which cannot see who imports a package, reports
// them with partial evidence.
//
// A go vet run sees one package at a time, so these findings carry
// Evidence.Partial: their full weight (sites in every package, the fan-in
// of the depended-upon component) is only known to the audit, whose
// whole-program part re-decides them per component edge and adds
// coupling.cycle (components that depend on each other, sized by the
// references of the dependencies that close the cycle) and the
// per-component metrics Ca, Ce, instability, abstractness (interfaces
// over interfaces and services) and distance. A component that declares
// neither interfaces nor services (only data types, enums and functions)
// has no abstractness to measure and is never in the zone of pain.
//
// Flags: -components, -modules, -allow, -public, -public-names,
// -ignore-main, -ignore-main-reach, -ignore-errors (see Config).
package coupling
