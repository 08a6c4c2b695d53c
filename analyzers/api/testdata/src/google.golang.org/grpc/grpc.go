// Package grpc is a stub of google.golang.org/grpc.
package grpc

type MethodDesc struct{ MethodName string }

type ServiceDesc struct {
	ServiceName string
	Methods     []MethodDesc
	Metadata    any
}
