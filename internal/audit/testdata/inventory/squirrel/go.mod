module example.com/squirrel

go 1.24

require github.com/Masterminds/squirrel v1.5.4

replace github.com/Masterminds/squirrel => ./stubs/squirrel
