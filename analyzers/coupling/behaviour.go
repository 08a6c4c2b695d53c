package coupling

import (
	"go/types"
	"reflect"
)

// A struct type of another component is a concrete dependency only when it
// has behaviour: it is a service (a store, a client, a manager) that an
// interface could stand for, not a value. Data types (rows, DTOs,
// configuration, events: the shared vocabulary of a code base) cannot be
// hidden behind an interface, and using them is not a one-way door.
//
// A struct type has behaviour when it has methods (declared or promoted,
// on the value or the pointer) and either has no fields at all (a
// stateless service) or holds a collaborator: one of its fields without an
// encoding tag is, or contains, a handle. Handles are
//
//   - interfaces other than error and the empty interface (io.Writer,
//     a Store interface, context.Context),
//   - functions and channels, and unsafe.Pointer,
//   - types of package sync and sync/atomic (state shared between
//     goroutines: a cache, a registry, a pool),
//   - services, and struct types that contain a handle, looked into
//     through pointers, slices, arrays, maps and embedding, in any
//     package (*sql.DB, *gorm.DB and *http.Client hold one; time.Time
//     and big.Int do not).
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
	holds     map[*types.TypeName]bool // named struct type -> contains a handle
	carries   map[*types.TypeName]bool // named type -> is or carries a service (see carries)
	services  map[*types.Func]bool     // package-level function -> its signature involves a service
	isService map[*types.TypeName]bool // named type -> a struct type with behaviour (namedService)
}

func newShapes() *shapes {
	return &shapes{
		holds:     map[*types.TypeName]bool{},
		carries:   map[*types.TypeName]bool{},
		services:  map[*types.Func]bool{},
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
	if st, ok := named.Underlying().(*types.Struct); ok && types.NewMethodSet(types.NewPointer(named)).Len() > 0 {
		v = (st.NumFields() == 0 && doesWork(named)) || s.namedHolds(named)
	}
	s.isService[named.Obj()] = v
	return v
}

// markerMethods are methods that tag or print a type rather than do work:
// a fieldless struct with only these (an analysis fact, an error value)
// is data, not a stateless service.
var markerMethods = map[string]bool{"AFact": true, "String": true, "GoString": true, "Error": true, "Format": true, "Is": true}

// doesWork reports whether a type has a method that is not a marker.
func doesWork(named *types.Named) bool {
	ms := types.NewMethodSet(types.NewPointer(named))
	for i := range ms.Len() {
		if !markerMethods[ms.At(i).Obj().Name()] {
			return true
		}
	}
	return false
}

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
		if types.Identical(t, errorType) {
			return false
		}
		if _, ok := t.Underlying().(*types.Struct); ok {
			return s.namedHolds(t) || s.namedService(t) // a field of a stateless service is a collaborator
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
		return s.handle(t.Elem())
	case *types.Array:
		return s.handle(t.Elem())
	case *types.Map:
		// Keys are identities (map[*Analyzer]Result is a lookup table of
		// results, not a handle on analyzers): only values can hold one.
		return s.handle(t.Elem())
	case *types.Struct:
		return s.structHolds(t)
	}
	return false // type parameters: the type is generic over its values
}

var errorType = types.Universe.Lookup("error").Type()

// A package-level function of another component is a concrete dependency
// only when an interface could stand for what it does: when its signature
// involves a service, of any package. A function that takes or returns a
// *sql.DB, a *sql.Tx, an *http.ServeMux, a *gin.Context or another
// component's *Store works on a collaborator; calling it ties the caller to
// that implementation, and a constructor that returns a service (NewStore)
// is where the implementation is chosen. A function whose parameters and
// results are only data types, basic types, named non-struct types,
// interfaces (context.Context, io.Reader, the component's own interfaces)
// and functions computes over values: flattening a slice, converting a
// struct, parsing bytes, hashing a token. No interface can replace a
// function over data, so calling it is not a one-way door.

// serviceFunc reports whether the signature of the package-level function
// fn has a parameter or result that is, or carries, a service.
func (s *shapes) serviceFunc(fn *types.Func) bool {
	if v, ok := s.services[fn]; ok {
		return v
	}
	sig := fn.Signature()
	v := false
	for _, tuple := range [...]*types.Tuple{sig.Params(), sig.Results()} {
		for i := range tuple.Len() {
			v = v || s.carriesService(tuple.At(i).Type())
		}
	}
	s.services[fn] = v
	return v
}

// carriesService reports whether a value of type t is a service, or holds
// one: looking through pointers, slices, arrays, maps, channels, the
// underlying types of named non-struct types, type arguments and the
// fields without an encoding tag of data struct types, but not into
// interfaces (their methods are the abstraction) and functions (a
// callback is not a dependency on its parameters' implementation).
func (s *shapes) carriesService(t types.Type) bool {
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		obj := t.Origin().Obj()
		v, ok := s.carries[obj]
		if !ok {
			s.carries[obj] = false // a type that refers to itself carries what its other parts carry
			v = s.namedService(t)
			if !v {
				if st, isStruct := t.Origin().Underlying().(*types.Struct); isStruct {
					v = s.structCarries(st)
				} else {
					v = s.carriesService(t.Origin().Underlying())
				}
			}
			s.carries[obj] = v
		}
		if v {
			return true
		}
		for i := range t.TypeArgs().Len() {
			if s.carriesService(t.TypeArgs().At(i)) {
				return true
			}
		}
		return false
	case *types.Pointer:
		return s.carriesService(t.Elem())
	case *types.Slice:
		return s.carriesService(t.Elem())
	case *types.Array:
		return s.carriesService(t.Elem())
	case *types.Chan:
		return s.carriesService(t.Elem())
	case *types.Map:
		return s.carriesService(t.Key()) || s.carriesService(t.Elem())
	case *types.Struct:
		return s.structCarries(t)
	}
	return false // basic types, interfaces, functions, type parameters
}

func (s *shapes) structCarries(st *types.Struct) bool {
	for i := range st.NumFields() {
		if !encoded(st.Tag(i)) && s.carriesService(st.Field(i).Type()) {
			return true
		}
	}
	return false
}
