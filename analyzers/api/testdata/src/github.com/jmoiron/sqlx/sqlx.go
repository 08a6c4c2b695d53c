// Package sqlx is a stub of github.com/jmoiron/sqlx.
package sqlx

import "context"

type DB struct{}

func (*DB) SelectContext(ctx context.Context, dest any, query string, args ...any) error { return nil }
