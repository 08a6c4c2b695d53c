// Package helpdesk keeps tickets in PostgreSQL, its queries built with
// squirrel.
package helpdesk

import (
	"context"
	"database/sql"

	sq "github.com/Masterminds/squirrel"
)

var psql = sq.StatementBuilder.PlaceholderFormat(sq.Dollar)

// Store reads and writes tickets.
type Store struct{ db *sql.DB }

// Open lists the open tickets with their agent and tags; t, a and tt
// are aliases.
func (s *Store) Open(ctx context.Context) (*sql.Rows, error) {
	query, args, err := psql.Select("t.id", "t.subject", "a.name").
		From("tickets t").
		Join("agents a ON a.id = t.agent_id").
		LeftJoin("ticket_tags tt ON tt.ticket_id = t.id").
		Where(sq.Eq{"t.status": "open"}).
		OrderBy("t.created_at").
		ToSql()
	if err != nil {
		return nil, err
	}
	return s.db.QueryContext(ctx, query, args...)
}

// Log records a ticket event.
func (s *Store) Log(ctx context.Context, ticket int64, event string) error {
	query, args, err := sq.Insert("ticket_events").Columns("ticket_id", "event").Values(ticket, event).ToSql()
	if err != nil {
		return err
	}
	_, err = s.db.ExecContext(ctx, query, args...)
	return err
}

// Close closes a ticket.
func (s *Store) Close(ctx context.Context, ticket int64) error {
	query, args, err := psql.Update("tickets").Set("status", "closed").Where(sq.Eq{"id": ticket}).ToSql()
	if err != nil {
		return err
	}
	_, err = s.db.ExecContext(ctx, query, args...)
	return err
}

// DropDraft deletes a draft reply.
func (s *Store) DropDraft(ctx context.Context, id int64) error {
	query, args, err := psql.Delete("ticket_drafts").Where(sq.Eq{"id": id}).ToSql()
	if err != nil {
		return err
	}
	_, err = s.db.ExecContext(ctx, query, args...)
	return err
}
