// Package tagged declares a model by its struct tags only. // want package:"tables storage/tagged.Row"
package tagged

// Row is a row of events.
type Row struct {
	ID   int64  `db:"id"`
	Name string `db:"name"`
}
