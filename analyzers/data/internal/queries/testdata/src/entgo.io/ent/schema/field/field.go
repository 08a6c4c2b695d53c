// Package field is a stub of entgo.io/ent/schema/field.
package field

type Builder struct{}

func (b *Builder) Descriptor()           {}
func (b *Builder) Optional() *Builder    { return b }
func String(name string) *Builder        { return nil }
func Text(name string) *Builder          { return nil }
func Int(name string) *Builder           { return nil }
func Bytes(name string) *Builder         { return nil }
func JSON(name string, typ any) *Builder { return nil }
