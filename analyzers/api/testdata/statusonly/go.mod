module example.com/statusonly

go 1.22
