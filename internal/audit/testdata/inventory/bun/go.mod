module example.com/bun

go 1.24

require github.com/uptrace/bun v1.2.11

replace github.com/uptrace/bun => ./stubs/bun
