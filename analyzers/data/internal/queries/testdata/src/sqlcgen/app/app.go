// Package app uses the tables through sqlc's generated methods: its calls
// are the sites.
package app

import (
	"context"

	"sqlcgen"
)

func Remove(ctx context.Context, q *sqlcgen.Queries, id int64) error {
	if err := q.GetAuthor(ctx, id); err != nil {
		return err
	}
	return q.DeleteAuthor(ctx, id)
}
