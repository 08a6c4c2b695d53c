// Package rowtags defines a type over another package's tagged struct: // want package:"tables storage/rowtags.Event"
// its fields' tags are not in its own files.
package rowtags

import "storage/tagged"

// Event is a row of events.
type Event tagged.Row
