module example.com/webclient

go 1.24
