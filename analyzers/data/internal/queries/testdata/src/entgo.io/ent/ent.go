// Package ent is a stub of entgo.io/ent.
package ent

type Schema struct{}

type Field interface{ Descriptor() }

type Annotation interface{ Name() string }
