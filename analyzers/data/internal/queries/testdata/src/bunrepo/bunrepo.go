// Package bunrepo uses github.com/uptrace/bun.
package bunrepo

import (
	"context"

	"github.com/uptrace/bun"
)

type Story struct { // want Story:"table stories"
	bun.BaseModel `bun:"table:stories,alias:s"`
	ID            int64             `bun:",pk,autoincrement"`
	Title         string            `bun:"title,notnull"`
	Meta          map[string]string `bun:"meta,type:jsonb"`
}

type Tag struct {
	ID   int64  `bun:"id,pk"`
	Name string `bun:"name"`
}

func List(ctx context.Context, db *bun.DB) error {
	var ss []Story
	return db.NewSelect().Model(&ss).Where("id > ?", 0).Scan(ctx)
}

func Add(ctx context.Context, db *bun.DB, t *Tag) error {
	_, err := db.NewInsert().Model(t).Exec(ctx)
	return err
}

func Setup(ctx context.Context, db *bun.DB) error {
	_, err := db.NewCreateTable().Model((*Tag)(nil)).IfNotExists().Exec(ctx)
	return err
}

func Raw(ctx context.Context, db *bun.DB) error {
	return db.NewRaw("SELECT id FROM stories WHERE title = ?", "x").Scan(ctx)
}
