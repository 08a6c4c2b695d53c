package enums

// Handwritten is declared in a file no generator wrote: no fact.
type Handwritten struct{ Color Color }

// Handy is a variable of that file.
var Handy = Handwritten{Color: blue}
