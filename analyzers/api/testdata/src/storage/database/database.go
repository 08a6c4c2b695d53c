// Package database reads bookmarks. // want package:"tables storage/model.BookmarkDTO"
package database

import (
	"database/sql"

	"storage/model"
)

// Bookmark reads one bookmark.
func Bookmark(db *sql.DB, id int) (model.BookmarkDTO, error) {
	var b model.BookmarkDTO
	err := db.QueryRow("SELECT id, url FROM bookmarks WHERE id = $1", id).Scan(&b.ID, &b.URL)
	return b, err
}
