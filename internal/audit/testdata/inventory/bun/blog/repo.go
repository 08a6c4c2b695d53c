package blog

import (
	"context"

	"github.com/uptrace/bun"
)

// Repo reads and writes the blog.
type Repo struct{ db *bun.DB }

// Recent lists the latest posts.
func (r *Repo) Recent(ctx context.Context) ([]Post, error) {
	var ps []Post
	err := r.db.NewSelect().Model(&ps).Order("published_at DESC").Limit(10).Scan(ctx)
	return ps, err
}

// Commented lists the posts with comments by an author; the join reads
// comments.
func (r *Repo) Commented(ctx context.Context, author string) ([]Post, error) {
	var ps []Post
	err := r.db.NewSelect().Model(&ps).
		Join("JOIN comments AS c ON c.post_id = p.id").
		Where("c.author = ?", author).
		Scan(ctx)
	return ps, err
}

// Comment adds a comment.
func (r *Repo) Comment(ctx context.Context, c *Comment) error {
	_, err := r.db.NewInsert().Model(c).Exec(ctx)
	return err
}

// Retitle changes a post's title.
func (r *Repo) Retitle(ctx context.Context, p *Post) error {
	_, err := r.db.NewUpdate().Model(p).Column("title").WherePK().Exec(ctx)
	return err
}

// Moderate deletes a post's comments.
func (r *Repo) Moderate(ctx context.Context, post int64) error {
	_, err := r.db.NewDelete().Model((*Comment)(nil)).Where("post_id = ?", post).Exec(ctx)
	return err
}

// Views counts a post's views in a table no model maps.
func (r *Repo) Views(ctx context.Context, post int64) (int, error) {
	var n int
	err := r.db.NewSelect().Table("post_views").ColumnExpr("count(*)").Where("post_id = ?", post).Scan(ctx, &n)
	return n, err
}

// Titles reads titles with raw SQL.
func (r *Repo) Titles(ctx context.Context) ([]string, error) {
	var ts []string
	err := r.db.NewRaw("SELECT title FROM blog_posts ORDER BY published_at DESC").Scan(ctx, &ts)
	return ts, err
}

// Setup creates the tags table as the blog starts: schema in code.
func (r *Repo) Setup(ctx context.Context) error {
	_, err := r.db.NewCreateTable().Model((*Tag)(nil)).IfNotExists().Exec(ctx)
	return err
}

// Purge deletes unused tags with plain SQL.
func (r *Repo) Purge(ctx context.Context) error {
	_, err := r.db.ExecContext(ctx, "DELETE FROM tags t WHERE NOT EXISTS (SELECT 1 FROM post_tags pt WHERE pt.tag_id = t.id)")
	return err
}
