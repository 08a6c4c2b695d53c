package queries

import "github.com/oneway-lint/oneway/analyzers/family"

// scope is where the package's facts can be: the code base's own
// packages, packages that use a database library or query builder,
// directly or not (a wrapper passes SQL on to one; generated sqlc, xo
// and ent code calls one), and packages that name a model's table with
// a TableName method, or import one that does (xorm's extends promote
// it).
func scope() family.FactScope {
	return family.FactScope{
		Imports: append(libraries(),
			"github.com/Masterminds/squirrel", "github.com/doug-martin/goqu", "github.com/huandu/go-sqlbuilder", entPath),
		Texts:       []string{"TableName("}, // a declaration or call of the method, not a word in a comment
		MainModules: true,
	}
}

// FactScope implements family.ScopedFact.
func (*WrapperFact) FactScope() family.FactScope { return scope() }

// FactScope implements family.ScopedFact.
func (*TableNameFact) FactScope() family.FactScope { return scope() }

// FactScope implements family.ScopedFact.
func (*QueryFact) FactScope() family.FactScope { return scope() }
