module example.com/sqlbuilder

go 1.24

require github.com/huandu/go-sqlbuilder v1.33.1

replace github.com/huandu/go-sqlbuilder => ./stubs/sqlbuilder
