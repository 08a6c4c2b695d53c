package web

import "allow/audit" // test files are not checked

var _ = audit.Log
