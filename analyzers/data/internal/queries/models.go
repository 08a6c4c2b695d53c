package queries

import (
	"go/ast"
	"go/types"
	"reflect"
	"strings"

	"golang.org/x/tools/go/ast/inspector"
)

// models finds the struct types of the package that an ORM maps to a
// table: those with gorm, bun or xorm tags, embedding gorm.Model or
// bun.BaseModel, or with a TableName method.
func (a *finder) models(in *inspector.Inspector) []Model {
	var out []Model
	for cur := range in.Root().Preorder((*ast.TypeSpec)(nil)) {
		ts := cur.Node().(*ast.TypeSpec)
		st, ok := ts.Type.(*ast.StructType)
		if !ok {
			continue
		}
		obj, ok := a.pass.TypesInfo.Defs[ts.Name].(*types.TypeName)
		if !ok || obj.Parent() != a.pass.Pkg.Scope() {
			continue
		}
		if m, ok := a.entModel(obj); ok {
			m.Migration = a.migPkg
			out = append(out, m)
			continue
		}
		lib := modelORM(a.pass.TypesInfo, st)
		if _, named := a.tableNames()[obj]; lib == "" && named {
			lib = "gorm"
		}
		if lib == "" {
			continue
		}
		m := Model{Pos: ts.Pos(), Type: a.pass.Pkg.Path() + "." + obj.Name(), ORM: lib, Table: a.tableOfType(obj, lib), Migration: a.migPkg}
		m.Columns = a.columns(st, lib)
		out = append(out, m)
	}
	return out
}

// modelORM says which ORM maps a struct, from its tags and embedded fields.
func modelORM(info *types.Info, st *ast.StructType) string {
	for _, f := range st.Fields.List {
		if len(f.Names) == 0 {
			switch t := info.TypeOf(f.Type); {
			case t == nil:
			case isGORMModel(t):
				return "gorm"
			case isNamed(t, "github.com/uptrace/bun", "BaseModel"):
				return "bun"
			}
		}
		if f.Tag == nil {
			continue
		}
		tag := reflect.StructTag(strings.Trim(f.Tag.Value, "`"))
		for _, lib := range []string{"gorm", "bun", "xorm"} {
			if _, ok := tag.Lookup(lib); ok {
				return lib
			}
		}
	}
	return ""
}

func isNamed(t types.Type, path, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == path && n.Obj().Name() == name
}

// columns lists the mapped fields of a model struct.
func (a *finder) columns(st *ast.StructType, lib string) []ModelColumn {
	var cols []ModelColumn
	for _, f := range st.Fields.List {
		t := a.pass.TypesInfo.TypeOf(f.Type)
		if t == nil {
			continue
		}
		var tag reflect.StructTag
		if f.Tag != nil {
			tag = reflect.StructTag(strings.Trim(f.Tag.Value, "`"))
		}
		raw := tag.Get(lib)
		if raw == "-" || strings.HasPrefix(raw, "-:") || lib == "xorm" && strings.Contains(raw, "-") && strings.TrimSpace(raw) == "-" {
			continue
		}
		if len(f.Names) == 0 {
			if isGORMModel(t) {
				for _, n := range []string{"id", "created_at", "updated_at", "deleted_at"} {
					cols = append(cols, ModelColumn{Pos: f.Pos(), Field: "Model", Name: n, GoType: "gorm.Model"})
				}
			}
			continue // other embedded structs: bun.BaseModel, mixins
		}
		if relation(t, raw) {
			continue
		}
		for _, name := range f.Names {
			if !name.IsExported() {
				continue
			}
			c := ModelColumn{Pos: name.Pos(), Field: name.Name, Name: snake(name.Name), GoType: types.TypeString(t, types.RelativeTo(a.pass.Pkg)), Shape: shapeOf(t)}
			parseTag(&c, lib, raw)
			cols = append(cols, c)
		}
	}
	return cols
}

// relation reports whether a field is a relation to other models rather
// than a column: a struct or slice of structs other than the value types
// databases store, or a field tagged as a relation.
func relation(t types.Type, raw string) bool {
	if strings.Contains(raw, "foreignKey") || strings.Contains(raw, "many2many") || strings.Contains(raw, "rel:") ||
		strings.Contains(raw, "m2m:") || strings.Contains(raw, "references:") {
		return true
	}
	if s, ok := types.Unalias(t).(*types.Slice); ok {
		t = s.Elem()
		if b, ok := types.Unalias(t).(*types.Basic); ok && b.Kind() == types.Byte {
			return false
		}
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	if _, ok := n.Underlying().(*types.Struct); !ok {
		return false
	}
	if pkg := n.Obj().Pkg(); pkg != nil {
		switch pkg.Path() {
		case "time", "database/sql", "gorm.io/datatypes", "gorm.io/gorm", gormV1, "github.com/google/uuid", "github.com/shopspring/decimal":
			return false
		}
	}
	return true
}

// parseTag reads the column name, type and serialisation of a field tag.
func parseTag(c *ModelColumn, lib, raw string) {
	switch lib {
	case "gorm":
		for _, part := range strings.Split(raw, ";") {
			k, v, _ := strings.Cut(strings.TrimSpace(part), ":")
			switch strings.ToLower(k) {
			case "column":
				c.Name = v
			case "type":
				c.DBType = strings.ToLower(v)
			case "serializer":
				c.Serialized = true
			}
		}
	case "bun":
		parts := strings.Split(raw, ",")
		if parts[0] != "" && !strings.Contains(parts[0], ":") {
			c.Name = parts[0]
		}
		for _, part := range parts[1:] {
			k, v, _ := strings.Cut(part, ":")
			switch k {
			case "type":
				c.DBType = strings.ToLower(v)
			case "json_use_number", "msgpack":
				c.Serialized = true
			}
		}
	case "xorm":
		words := strings.Fields(raw)
		for i, w := range words {
			value := i > 0 && xormTakesValue(strings.ToLower(words[i-1])) // default 'x', comment y
			switch lw := strings.ToLower(w); {
			case value:
			case strings.HasPrefix(w, "'") && strings.HasSuffix(w, "'") && len(w) > 1:
				c.Name = strings.Trim(w, "'")
			case xormName(lw):
				c.Name = w // xorm:"json not null permissions": the word that is no keyword names the column
			case lw == "json" || lw == "jsonb" || lw == "blob" || lw == "text" || lw == "longtext" || strings.HasPrefix(lw, "varchar"):
				c.DBType = lw
				if lw == "json" || lw == "jsonb" {
					c.Serialized = true
				}
			}
		}
	}
}

// xormName reports whether a lower-case word of an xorm tag is the column
// name: no keyword, no type, no setting with an argument.
func xormName(w string) bool {
	if w == "" || strings.ContainsAny(w, "()'<>-") {
		return false
	}
	switch w {
	case "pk", "null", "not", "notnull", "autoincr", "unique", "index", "extends", "deleted", "created", "updated",
		"version", "default", "comment", "json", "jsonb", "cache", "nocache", "unsigned", "true", "false", "local", "utc":
		return false
	}
	return !sqlType(w)
}

// xormTakesValue reports whether an xorm tag keyword takes the next word
// as its value (default 0, comment x).
func xormTakesValue(w string) bool { return w == "default" || w == "comment" }

// sqlType reports whether a lower-case word names a column type (xorm's
// tags mix them with keywords).
func sqlType(w string) bool {
	switch w {
	case "bit", "tinyint", "smallint", "mediumint", "int", "integer", "bigint", "serial", "bigserial",
		"char", "varchar", "nchar", "nvarchar", "tinytext", "text", "ntext", "mediumtext", "longtext", "clob",
		"binary", "varbinary", "date", "datetime", "time", "timestamp", "timestampz", "year",
		"decimal", "numeric", "float", "real", "double", "money",
		"tinyblob", "blob", "mediumblob", "longblob", "bytea", "bool", "boolean", "uuid", "enum", "set", "array", "uniqueidentifier", "sysname":
		return true
	}
	return false
}
