// Package loans records who borrowed which book.
package loans

import (
	"time"

	"github.com/jmoiron/sqlx"
)

// Loan is a row of loans.
type Loan struct {
	BookID   int64     `db:"book_id"`
	MemberID int64     `db:"member_id"`
	Due      time.Time `db:"due"`
}

// Overdue lists the overdue loans with the members' names.
func Overdue(db *sqlx.DB, now time.Time) ([]Loan, error) {
	var ls []Loan
	err := db.Select(&ls, `SELECT l.book_id, l.member_id, l.due
		FROM loans l JOIN members m ON m.id = l.member_id
		WHERE l.due < ? AND l.returned_at IS NULL`, now)
	return ls, err
}

// Return marks a loan returned.
func Return(db *sqlx.DB, book int64) {
	db.MustExec("UPDATE loans SET returned_at = now() WHERE book_id = ? AND returned_at IS NULL", book)
}

// Lapsed deletes the members without a loan in years; recent is a CTE.
func Lapsed(db *sqlx.DB) error {
	rows, err := db.Queryx(`WITH recent AS (SELECT DISTINCT member_id FROM loans WHERE due > now() - interval '3 years')
		DELETE FROM members WHERE id NOT IN (SELECT member_id FROM recent) RETURNING id`)
	if err != nil {
		return err
	}
	return rows.Close()
}
