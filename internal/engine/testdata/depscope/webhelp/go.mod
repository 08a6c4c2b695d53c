module example.com/webhelp

go 1.24
