// Package entsql is a stub of entgo.io/ent/dialect/entsql.
package entsql

type Annotation struct{ Table string }

func (Annotation) Name() string { return "EntSQL" }
