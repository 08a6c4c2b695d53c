// Package api uses the store's exported wrapper from another package.
package api

import (
	"context"

	"repo/store"
)

func Logout(ctx context.Context, r *store.Repo, id int64) error {
	return r.Exec(ctx, "DELETE FROM sessions WHERE user_id = $1", id)
}

func Reset(ctx context.Context, r *store.Repo) error {
	return r.Exec(ctx, "UPDATE users SET login_count = 0")
}
