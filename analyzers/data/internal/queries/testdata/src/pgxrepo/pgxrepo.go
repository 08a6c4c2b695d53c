// Package pgxrepo uses pgx v5 connections, pools, transactions and batches.
package pgxrepo

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

type Repo struct {
	pool *pgxpool.Pool
	conn *pgx.Conn
}

func (r *Repo) Count(ctx context.Context) error {
	var n int
	return r.pool.QueryRow(ctx, "SELECT count(*) FROM events").Scan(&n)
}

func (r *Repo) Move(ctx context.Context) error {
	tx, err := r.pool.Begin(ctx)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, "INSERT INTO archive SELECT * FROM events WHERE at < now()"); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

func (r *Repo) Batch(ctx context.Context) {
	b := &pgx.Batch{}
	b.Queue("UPDATE counters SET n = n + 1 WHERE id = $1", 1)
	_, _ = r.conn.Prepare(ctx, "get_event", "SELECT payload FROM events WHERE id = $1")
}
