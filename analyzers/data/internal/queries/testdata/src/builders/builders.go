// Package builders uses the squirrel, goqu and go-sqlbuilder query builders.
package builders

import (
	"github.com/Masterminds/squirrel"
	"github.com/doug-martin/goqu/v9"
	"github.com/huandu/go-sqlbuilder"
)

const usersTable = "users"

func Squirrel() {
	squirrel.Select("id").From(usersTable + " u").Join("teams t ON t.id = u.team_id").Where(squirrel.Eq{"id": 1})
	squirrel.Insert("audit").Columns("msg").Values("x")
	squirrel.Update("users").Set("name", "x").Where("id = ?", 1)
	squirrel.Delete("sessions")
	squirrel.Select("COUNT(*)").
		Prefix("WITH RECURSIVE tree AS (SELECT id FROM spaces UNION SELECT s.id FROM spaces s JOIN tree t ON s.parent = t.id)", 1).
		From("tree t1").Join("tree t2 ON t2.id = t1.id")
}

func Goqu(db *goqu.Database) {
	goqu.From("products").Where()
	db.From(goqu.T("inventory"))
	goqu.Insert("stock_moves")
}

type bookmark struct{ ID int }

func SQLBuilder() {
	sb := sqlbuilder.PostgreSQL.NewSelectBuilder()
	sb.Select("b.id", "t.name")
	sb.From("bookmark b")
	sb.JoinWithOption(sqlbuilder.LeftJoin, "bookmark_tag bt", "bt.bookmark_id = b.id")
	sb.Join("tag t", "t.id = bt.tag_id")
	sb.Where(sb.Equal("b.id", 1))
	sqlbuilder.NewInsertBuilder().InsertInto("bookmark_tag").Cols("bookmark_id", "tag_id")
	sqlbuilder.NewUpdateBuilder().Update("bookmark")
	sqlbuilder.NewDeleteBuilder().DeleteFrom("bookmark_tag")
	sqlbuilder.NewStruct(bookmark{}).InsertInto("bookmark", bookmark{ID: 1})
}
