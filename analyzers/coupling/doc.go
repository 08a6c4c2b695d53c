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
// result, composite literal, type assertion or embedded type), the calls
// of its package-level functions and the reads and writes of its exported
// variables. Test files and test-support packages (a path directory
// starting with "test", or named mock, mocks, fake or fakes) are ignored:
// they build concrete fixtures by design.
//
// From those it reports, once per dependent package, depended-upon
// component and rule, at the first site and with the other sites as
// related positions:
//
//   - coupling.forbidden-dependency: an import the policy's allow rules do
//     not permit (only when the policy has allow rules);
//   - coupling.concrete-dependency: uses of the other component's service
//     types and package-level functions, counted by kind (struct types
//     that appear in the signatures of its exported interfaces are part of
//     the contract and do not count; a function counts only when its
//     signature involves a service, see below);
//   - coupling.internal-reach: an import of a package outside the other
//     component's public surface (its root packages and packages named
//     api, client, types or model, unless the policy names them), except
//     by package main, the composition root;
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
// A struct type is a service when it has methods and either no fields or
// a collaborator: a field without an encoding tag (json, db, gorm, yaml,
// ...) that is or contains an interface other than error and any, a func,
// a channel, unsafe.Pointer or a type of package sync or sync/atomic,
// looking through pointers, slices, maps and struct types of any package
// (so *sql.DB, *gorm.DB and *http.Client are collaborators, time.Time is
// not). Every other struct type is data: rows, DTOs, configuration and
// events, with or without helper methods, are the shared vocabulary of a
// code base; no interface can stand for them, so using them is no
// concrete dependency, and they do not count in abstractness.
//
// A package-level function counts when its signature (a parameter or a
// result) involves a service of any package, looking through pointers,
// slices, arrays, maps, channels, named non-struct types, type arguments
// and the untagged fields of data types: it works on a collaborator
// (*sql.DB, *sql.Tx, *http.ServeMux, *gin.Context, another component's
// *Store), or it is a constructor that returns one (NewStore). A function
// whose signature involves only data types, basic and named non-struct
// types, interfaces (context.Context included) and functions (callbacks
// are not looked into) computes over values: no interface can replace
// it, so calling it, or using it as a value, is no concrete dependency.
//
// A go vet run sees one package at a time, so these findings carry
// Evidence.Partial: their full weight (sites in every package, the fan-in
// of the depended-upon component) is only known to the audit, whose
// whole-program part re-decides them per component edge and adds
// coupling.cycle (components that depend on each other) and the
// per-component metrics Ca, Ce, instability, abstractness (interfaces
// over interfaces and services) and distance. A component that declares
// neither interfaces nor services (only data types, enums and functions)
// has no abstractness to measure and is never in the zone of pain.
//
// Flags: -components, -modules, -allow, -public, -public-names,
// -ignore-main, -ignore-main-reach, -ignore-errors (see Config).
package coupling
