// Package bunjoin joins tables to bun queries: Join("JOIN comments …")
// reads comments.
package bunjoin

import (
	"context"

	"github.com/uptrace/bun"
)

type Post struct { // want Post:"table blog_posts"
	bun.BaseModel `bun:"table:blog_posts,alias:p"`
	ID            int64 `bun:"id,pk"`
}

func Commented(ctx context.Context, db *bun.DB) {
	var ps []Post
	db.NewSelect().Model(&ps).Join("JOIN comments AS c ON c.post_id = p.id").Scan(ctx) // blog_posts and comments
	db.NewSelect().Model(&ps).
		Join("LEFT JOIN authors AS a ON a.id = p.author_id").
		Join("JOIN post_tags pt ON pt.post_id = p.id").
		Scan(ctx) // blog_posts, authors and post_tags
	db.NewSelect().Model(&ps).Join("JOIN ? AS c ON c.post_id = p.id", bun.Ident("comments")).Scan(ctx) // blog_posts only: the table is an argument
}
