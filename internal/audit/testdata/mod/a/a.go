// Package a has two doors.
package a

// Door is a one-way door.
func Door() {}

// BackDoor is another one.
func BackDoor() {}
