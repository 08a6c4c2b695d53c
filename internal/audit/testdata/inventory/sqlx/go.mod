module example.com/sqlx

go 1.24

require github.com/jmoiron/sqlx v1.4.0

replace github.com/jmoiron/sqlx => ./stubs/sqlx
