//oneway:accept-file test.door this file is the legacy API, frozen until v3

package c

// LegacyDoor is covered by the file-level directive.
func LegacyDoor() {}
