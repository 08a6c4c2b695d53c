// Package schema declares the entities of the ent client.
package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema/field"
)

type User struct{ ent.Schema }

func (User) Fields() []ent.Field {
	return []ent.Field{
		field.String("name"),
		field.JSON("scopes", []string{}).Optional(),
		field.JSON("settings", map[string]any{}),
		field.Bytes("avatar"),
	}
}

func (User) Annotations() []ent.Annotation {
	return []ent.Annotation{entsql.Annotation{Table: "accounts"}}
}
