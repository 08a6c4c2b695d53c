module example.com/app

go 1.24

require (
	example.com/doc v0.0.0
	example.com/plain v0.0.0
	example.com/sdk v0.0.0
	example.com/sqlwrap v0.0.0
	example.com/store v0.0.0
	example.com/webclient v0.0.0
	example.com/webhelp v0.0.0
)

replace (
	example.com/doc => ../doc
	example.com/plain => ../plain
	example.com/sdk => ../sdk
	example.com/sqlwrap => ../sqlwrap
	example.com/store => ../store
	example.com/webclient => ../webclient
	example.com/webhelp => ../webhelp
)
