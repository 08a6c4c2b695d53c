// Package bookmarks keeps bookmarks and their labels, its queries built
// with go-sqlbuilder.
package bookmarks

import (
	"context"
	"database/sql"

	"github.com/huandu/go-sqlbuilder"
)

// Bookmark is a row of bookmarks.
type Bookmark struct {
	ID    int64  `db:"id"`
	URL   string `db:"url"`
	Owner int64  `db:"owner_id"`
}

var bookmarkStruct = sqlbuilder.NewStruct(new(Bookmark)).For(sqlbuilder.PostgreSQL)

// Store reads and writes bookmarks.
type Store struct{ db *sql.DB }

// Labelled lists an owner's bookmarks with their labels; b, bl and l are
// aliases.
func (s *Store) Labelled(ctx context.Context, owner int64) (*sql.Rows, error) {
	sb := sqlbuilder.PostgreSQL.NewSelectBuilder()
	sb.Select("b.id", "b.url", "l.name")
	sb.From("bookmarks b")
	sb.JoinWithOption(sqlbuilder.LeftJoin, "bookmark_labels bl", "bl.bookmark_id = b.id")
	sb.Join("labels l", "l.id = bl.label_id")
	sb.Where(sb.Equal("b.owner_id", owner))
	query, args := sb.Build()
	return s.db.QueryContext(ctx, query, args...)
}

// Get returns one bookmark, selected by the struct's columns.
func (s *Store) Get(ctx context.Context, id int64) (*sql.Row, error) {
	sb := bookmarkStruct.SelectFrom("bookmarks")
	sb.Where(sb.Equal("id", id))
	query, args := sb.Build()
	return s.db.QueryRowContext(ctx, query, args...), nil
}

// Add adds a bookmark.
func (s *Store) Add(ctx context.Context, b Bookmark) error {
	query, args := bookmarkStruct.InsertInto("bookmarks", b).Build()
	_, err := s.db.ExecContext(ctx, query, args...)
	return err
}

// Label labels a bookmark.
func (s *Store) Label(ctx context.Context, bookmark, label int64) error {
	ib := sqlbuilder.PostgreSQL.NewInsertBuilder()
	ib.InsertInto("bookmark_labels").Cols("bookmark_id", "label_id").Values(bookmark, label)
	query, args := ib.Build()
	_, err := s.db.ExecContext(ctx, query, args...)
	return err
}

// Move changes a bookmark's URL.
func (s *Store) Move(ctx context.Context, id int64, url string) error {
	ub := sqlbuilder.NewUpdateBuilder()
	ub.Update("bookmarks").Set(ub.Assign("url", url)).Where(ub.Equal("id", id))
	query, args := ub.Build()
	_, err := s.db.ExecContext(ctx, query, args...)
	return err
}

// Unlabel removes every label of a bookmark.
func (s *Store) Unlabel(ctx context.Context, bookmark int64) error {
	db := sqlbuilder.NewDeleteBuilder()
	db.DeleteFrom("bookmark_labels").Where(db.Equal("bookmark_id", bookmark))
	query, args := db.Build()
	_, err := s.db.ExecContext(ctx, query, args...)
	return err
}
