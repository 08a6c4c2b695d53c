// Package feed publishes podcast episodes through the sqlc queries; it
// writes no SQL itself.
package feed

import (
	"context"
	"database/sql"
	"time"

	"example.com/sqlc/internal/db"
)

// Service publishes episodes.
type Service struct {
	conn *sql.DB
	q    *db.Queries
}

// New returns a service.
func New(conn *sql.DB) *Service { return &Service{conn: conn, q: db.New(conn)} }

// Publish adds an episode to a podcast, in one transaction.
func (s *Service) Publish(ctx context.Context, slug, title string) (db.Episode, error) {
	tx, err := s.conn.BeginTx(ctx, nil)
	if err != nil {
		return db.Episode{}, err
	}
	defer func() { _ = tx.Rollback() }()
	q := s.q.WithTx(tx)
	p, err := q.GetPodcast(ctx, slug)
	if err != nil {
		return db.Episode{}, err
	}
	e, err := q.CreateEpisode(ctx, db.CreateEpisodeParams{PodcastID: p.ID, Title: title, PublishedAt: time.Now()})
	if err != nil {
		return db.Episode{}, err
	}
	return e, tx.Commit()
}
