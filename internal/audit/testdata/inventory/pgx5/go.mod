module example.com/pgx5

go 1.24

require github.com/jackc/pgx/v5 v5.7.2

replace github.com/jackc/pgx/v5 => ./stubs/pgx
