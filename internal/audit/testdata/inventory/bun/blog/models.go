// Package blog keeps the blog's posts and comments with bun.
package blog

import (
	"time"

	"github.com/uptrace/bun"
)

// Post names its table in its bun tag.
type Post struct {
	bun.BaseModel `bun:"table:blog_posts,alias:p"`

	ID        int64     `bun:"id,pk,autoincrement"`
	Title     string    `bun:"title,notnull"`
	Published time.Time `bun:"published_at"`
}

// Comment maps to comments by bun's naming convention.
type Comment struct {
	bun.BaseModel

	ID     int64  `bun:"id,pk,autoincrement"`
	PostID int64  `bun:"post_id"`
	Body   string `bun:"body"`
}

// Tag maps to tags.
type Tag struct {
	ID   int64  `bun:"id,pk"`
	Name string `bun:"name,unique"`
}
