// Package doc only mentions a model's method in a comment, as a
// serialiser's documentation may:
//
//	if v.TableName != nil {
//
// It declares no TableName method and imports no database library: no
// fact of the data rules can be in it, and it is not analysed for them.
package doc

import "strings"

// Words returns n words.
func Words(n int) string { return strings.Repeat("word ", n) }
