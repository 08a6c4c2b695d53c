module example.com/doc

go 1.24
