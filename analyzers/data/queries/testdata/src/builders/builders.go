// Package builders uses the squirrel and goqu query builders.
package builders

import (
	"github.com/Masterminds/squirrel"
	"github.com/doug-martin/goqu/v9"
)

const usersTable = "users"

func Squirrel() {
	squirrel.Select("id").From(usersTable + " u").Join("teams t ON t.id = u.team_id").Where(squirrel.Eq{"id": 1})
	squirrel.Insert("audit").Columns("msg").Values("x")
	squirrel.Update("users").Set("name", "x").Where("id = ?", 1)
	squirrel.Delete("sessions")
}

func Goqu(db *goqu.Database) {
	goqu.From("products").Where()
	db.From(goqu.T("inventory"))
	goqu.Insert("stock_moves")
}
