module example.com/goqu

go 1.24

require github.com/doug-martin/goqu/v9 v9.19.0

replace github.com/doug-martin/goqu/v9 => ./stubs/goqu
