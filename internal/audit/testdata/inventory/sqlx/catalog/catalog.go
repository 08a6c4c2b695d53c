// Package catalog keeps the library's books and authors.
package catalog

import (
	"context"

	"github.com/jmoiron/sqlx"
)

// Book is a row of books.
type Book struct {
	ID     int64  `db:"id"`
	Title  string `db:"title"`
	Author string `db:"author"`
}

// Catalog reads and writes the catalogue.
type Catalog struct{ db *sqlx.DB }

// New returns a catalogue.
func New(db *sqlx.DB) *Catalog { return &Catalog{db: db} }

// Book returns one book with its first author.
func (c *Catalog) Book(ctx context.Context, id int64) (Book, error) {
	var b Book
	err := c.db.GetContext(ctx, &b, `SELECT b.id, b.title, a.name AS author
		FROM books b
		JOIN book_authors ba ON ba.book_id = b.id
		JOIN authors a ON a.id = ba.author_id
		WHERE b.id = ? LIMIT 1`, id)
	return b, err
}

// Books returns the books with the given ids.
func (c *Catalog) Books(ids []int64) ([]Book, error) {
	q, args, err := sqlx.In("SELECT id, title FROM books WHERE id IN (?)", ids)
	if err != nil {
		return nil, err
	}
	q = c.db.Rebind(q)
	var bs []Book
	err = c.db.Select(&bs, q, args...)
	return bs, err
}

// Add adds a book.
func (c *Catalog) Add(ctx context.Context, b Book) error {
	_, err := c.db.NamedExecContext(ctx, `INSERT INTO books (id, title) VALUES (:id, :title)`, b)
	return err
}

// AddWithAuthor adds a book and its author in one transaction.
func (c *Catalog) AddWithAuthor(b Book, authorID int64) error {
	tx := c.db.MustBegin()
	tx.MustExec("INSERT INTO books (id, title) VALUES (?, ?)", b.ID, b.Title)
	if _, err := tx.NamedExec("INSERT INTO book_authors (book_id, author_id) VALUES (:book, :author)",
		map[string]any{"book": b.ID, "author": authorID}); err != nil {
		return err
	}
	return tx.Commit()
}

// ByAuthor lists the books of an author with a prepared named statement.
func (c *Catalog) ByAuthor(name string) ([]Book, error) {
	stmt, err := c.db.PrepareNamed(`SELECT b.id, b.title FROM books b
		WHERE EXISTS (SELECT 1 FROM book_authors ba JOIN authors a ON a.id = ba.author_id
			WHERE ba.book_id = b.id AND a.name = :name)`)
	if err != nil {
		return nil, err
	}
	var bs []Book
	err = stmt.Select(&bs, map[string]any{"name": name})
	return bs, err
}

// Count counts the books through the package-level helper.
func (c *Catalog) Count() (int, error) {
	var n int
	err := sqlx.Get(c.db, &n, "SELECT count(*) FROM books")
	return n, err
}
