module example.com/sqlwrap

go 1.24
