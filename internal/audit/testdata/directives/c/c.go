// Package c takes some doors on purpose.
package c

//oneway:accept test.door the door is load-bearing, see ADR 12
func Door() {}

//oneway:accept test.door
func OtherDoor() {}

//oneway:accept test.nosuch because
func ThirdDoor() {}

//oneway:accept test.door nothing here any more
var x = 1

func FourthDoor() {} //nolint:oneway // kept for old clients

var _ = x
