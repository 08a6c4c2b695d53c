package coupling

import (
	"go/types"
	"reflect"
	"strings"
)

// A struct type of another component is a concrete dependency only when it
// has behaviour: it is a service (a store, a client, a manager) that an
// interface could stand for, not a value. Data types (rows, DTOs,
// configuration, events: the shared vocabulary of a code base) cannot be
// hidden behind an interface, and using them is not a one-way door.
//
// A struct type has behaviour when it has methods (declared or promoted,
// on the value or the pointer) and holds a collaborator: one of its fields
// without an encoding tag is, or contains, a handle. A struct without
// fields holds no state (a stateless handler, an error value): replacing
// it later costs nothing. A struct named as configuration or as the
// record of one call (a Config, Options, Params, Request or Response) is
// a record, whatever it carries: others fill it in and read it. Error types are values, whatever they hold;
// types declared in generated code (protobuf messages, whose runtime
// state holds sync fields; sqlc and ent models; mocks) are data or
// generated surface. Handles are
//
//   - interfaces other than error and the empty interface (io.Writer,
//     a Store interface) and context.Context (the scope of one call: a
//     struct that keeps one is a request or options),
//   - functions and channels, and unsafe.Pointer,
//   - types of package sync and sync/atomic (state shared between
//     goroutines: a cache, a registry, a pool),
//   - services, and struct types that contain a handle, looked into
//     through pointers, slices, arrays, maps and embedding, in any
//     package (*sql.DB, *gorm.DB and *http.Client hold one; time.Time
//     and big.Int do not). A slice, array or map of interface or
//     function values holds values (the items of a heap), not
//     collaborators: a record that keeps a score heap of items is
//     still a record.
//
// Fields with an encoding tag (json, db, gorm, yaml, ...) are part of the
// type's encoded representation: a model that keeps a compiled template
// beside its columns (`json:"-"`) is still a model. The test is on the
// type's shape, not on what its methods do: a model with helper methods
// (FullName, Validate, ToDTO) is data, a translator holding only maps is
// data too.

// encodingTags are the struct tag keys that mark a field as part of an
// encoded representation.
var encodingTags = [...]string{
	"json", "xml", "yaml", "toml", "hcl", "ini", "csv", "db", "gorm", "bun", "pg", "sql",
	"bson", "msgpack", "cbor", "avro", "protobuf", "mapstructure", "koanf", "env", "envconfig", "default",
}

// shapes classifies struct types; it caches per type and is not safe for
// concurrent use.
type shapes struct {
	generated func(types.Object) bool  // declared in generated code
	holds     map[*types.TypeName]bool // named struct type -> contains a handle
	isService map[*types.TypeName]bool // named type -> a struct type with behaviour (namedService)
}

func newShapes(generated func(types.Object) bool) *shapes {
	return &shapes{
		generated: generated,
		holds:     map[*types.TypeName]bool{},
		isService: map[*types.TypeName]bool{},
	}
}

// service reports whether tn names a struct type with behaviour.
func (s *shapes) service(tn *types.TypeName) bool {
	named, ok := types.Unalias(tn.Type()).(*types.Named)
	return ok && s.namedService(named)
}

func (s *shapes) namedService(named *types.Named) bool {
	named = named.Origin()
	if v, ok := s.isService[named.Obj()]; ok {
		return v
	}
	v := false
	if _, ok := named.Underlying().(*types.Struct); ok && !s.generated(named.Obj()) {
		ptr := types.NewPointer(named)
		v = types.NewMethodSet(ptr).Len() > 0 && !types.Implements(ptr, errorIface) && !record(named) && s.namedHolds(named)
	}
	s.isService[named.Obj()] = v
	return v
}

var errorIface = errorType.Underlying().(*types.Interface)

// namedHolds reports whether the named struct type contains a handle.
func (s *shapes) namedHolds(named *types.Named) bool {
	obj := named.Origin().Obj()
	if v, ok := s.holds[obj]; ok {
		return v
	}
	s.holds[obj] = false // a type that refers to itself holds what its other fields hold
	v := s.structHolds(named.Origin().Underlying().(*types.Struct))
	s.holds[obj] = v
	return v
}

func (s *shapes) structHolds(st *types.Struct) bool {
	for i := range st.NumFields() {
		if encoded(st.Tag(i)) {
			continue
		}
		if s.handle(st.Field(i).Type()) {
			return true
		}
	}
	return false
}

// encoded reports whether a struct tag has an encoding key.
func encoded(tag string) bool {
	if tag == "" {
		return false
	}
	st := reflect.StructTag(tag)
	for _, k := range encodingTags {
		if _, ok := st.Lookup(k); ok {
			return true
		}
	}
	return false
}

// handle reports whether a value of type t is, or contains, a handle.
func (s *shapes) handle(t types.Type) bool {
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		if pkg := t.Obj().Pkg(); pkg != nil && (pkg.Path() == "sync" || pkg.Path() == "sync/atomic") {
			return true
		}
		if pkg := t.Obj().Pkg(); pkg != nil && pkg.Path() == "context" && t.Obj().Name() == "Context" {
			return false // the scope of one call, kept with a request or options: no collaborator
		}
		if types.Identical(t, errorType) {
			return false
		}
		if _, ok := t.Underlying().(*types.Struct); ok {
			// A generated type (a protobuf message) is data wherever it
			// is held, whatever its runtime state holds.
			return !s.generated(t.Obj()) && s.namedHolds(t)
		}
		return s.handle(t.Underlying())
	case *types.Interface:
		return t.NumMethods() > 0
	case *types.Signature, *types.Chan:
		return true
	case *types.Basic:
		return t.Kind() == types.UnsafePointer
	case *types.Pointer:
		return s.handle(t.Elem())
	case *types.Slice:
		return s.element(t.Elem())
	case *types.Array:
		return s.element(t.Elem())
	case *types.Map:
		// Keys are identities (map[*Analyzer]Result is a lookup table of
		// results, not a handle on analyzers): only values can hold one.
		return s.element(t.Elem())
	case *types.Struct:
		return s.structHolds(t)
	}
	return false // type parameters: the type is generic over its values
}

// record reports whether a struct type is named as a record of settings
// or of one call (FooConfig, Options, Params, Request, ...): others fill
// it in and read it, whatever it carries (a logger, a callback, a
// context). Such a type is configuration or a message, not a service,
// though it has methods (Copy, Validate) and holds handles.
func record(named *types.Named) bool {
	name := named.Obj().Name()
	for _, suffix := range recordSuffixes {
		if strings.HasSuffix(name, suffix) {
			return true
		}
	}
	return false
}

// recordSuffixes are the endings of the names of records (see record).
var recordSuffixes = [...]string{
	"Config", "Configuration", "Options", "Opts", "Settings", "Params", "Parameters",
	"Args", "Arguments", "Request", "Response",
}

// element reports whether the elements of a slice, array or map are
// handles. A collection of interface or function values is a collection
// of values (the items of a heap, the entries of a registry of
// callbacks), not a collaborator; a collection of services, sync values or
// channels still holds what its elements hold.
func (s *shapes) element(t types.Type) bool {
	switch u := types.Unalias(t).Underlying().(type) {
	case *types.Interface, *types.Signature:
		return false
	case *types.Pointer:
		return s.element(u.Elem())
	}
	return s.handle(t)
}

var errorType = types.Universe.Lookup("error").Type()
