// Package protojson stands in for the protobuf module's JSON encoding:
// its Marshal calls its own MarshalOptions.Marshal, which writes JSON
// wherever it is called, so Marshal has a fact that no use of another
// package's object gives (see originPackage).
package protojson

// MarshalOptions configures the encoding.
type MarshalOptions struct{ Multiline bool }

// Marshal encodes m.
func (o MarshalOptions) Marshal(m any) ([]byte, error) { return []byte("{}"), nil }

// Marshal encodes m with the default options.
func Marshal(m any) ([]byte, error) { return MarshalOptions{}.Marshal(m) }
