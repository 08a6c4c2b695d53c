// Package notes loads notes with sqlx and serves them as they are. // want package:"tables storage/notes.Note"
package notes

import (
	"context"
	"encoding/json"
	"net/http"

	"github.com/jmoiron/sqlx"
)

// Note has no tags: sqlx maps its fields by name.
type Note struct{ ID int }

func list(db *sqlx.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var ns []Note
		_ = db.SelectContext(context.Background(), &ns, "SELECT id FROM notes")
		_ = json.NewEncoder(w).Encode(ns) // want `component storage encodes notes.Note, a database model \(loaded by sqlx.SelectContext\), directly as JSON responses at 1 site`
	}
}
