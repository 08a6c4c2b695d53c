package cg

// Name is plain Go beside cgo.
const Name = "cg"
