// Package sqlxrepo uses github.com/jmoiron/sqlx.
package sqlxrepo

import (
	"context"

	"github.com/jmoiron/sqlx"
)

type User struct {
	ID    int64  `db:"id"`
	Email string `db:"email"`
}

type Repo struct{ db *sqlx.DB }

func (r *Repo) Get(ctx context.Context, id int64) (User, error) {
	var u User
	err := r.db.GetContext(ctx, &u, "SELECT id, email FROM users WHERE id = ?", id)
	return u, err
}

func (r *Repo) ByIDs(ids []int64) ([]User, error) {
	var us []User
	q, args, err := sqlx.In("SELECT * FROM users WHERE id IN (?)", ids)
	if err != nil {
		return nil, err
	}
	q = r.db.Rebind(q)
	err = r.db.Select(&us, q, args...)
	return us, err
}

func (r *Repo) Create(u User) error {
	_, err := r.db.NamedExec(`INSERT INTO users (id, email) VALUES (:id, :email)`, u)
	return err
}

func (r *Repo) Wipe() {
	r.db.MustExec("DELETE FROM users")
	r.db.DB.Exec("VACUUM")
}

func (r *Repo) Package(u *User) error {
	return sqlx.Get(r.db, u, "SELECT email FROM users LIMIT 1")
}
