// Package model declares the types stored and served. // want package:"tables storage/model.BookmarkDTO storage/model.Tag"
package model

// BookmarkDTO is named a DTO, but the database package reads rows into
// it: it maps to a table, which is the stronger reason given.
type BookmarkDTO struct {
	ID  int    `db:"id" json:"id"`
	URL string `db:"url" json:"url"`
}

// Tag has db tags only.
type Tag struct {
	ID int `db:"id" json:"id"`
}
