// Package legacy imports the database package: the rows read into
// model.BookmarkDTO there are the reason given, not its db tags.
package legacy

import (
	"database/sql"
	"encoding/json"
	"net/http"

	"storage/database"
)

func bookmark(db *sql.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		b, _ := database.Bookmark(db, 1)
		_ = json.NewEncoder(w).Encode(b) // want `component storage encodes model.BookmarkDTO, a database model \(rows scanned into its fields\), directly as JSON responses at 1 site`
	}
}
