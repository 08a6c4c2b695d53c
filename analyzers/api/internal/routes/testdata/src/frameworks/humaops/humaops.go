// Package humaops registers Huma operations on an API or a group it is
// given: the routes appear where the API is made.
package humaops

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"
)

// User is a stored user.
type User struct{ ID, Name string }

// UserOutput answers with a user.
type UserOutput struct{ Body *User }

// ListOutput answers with a page of items.
type ListOutput[T any] struct{ Body []T }

// IDInput names a resource.
type IDInput struct{ ID string }

func getUser(ctx context.Context, in *IDInput) (*UserOutput, error) { return nil, nil }

func list[T any]() func(context.Context, *struct{}) (*ListOutput[T], error) {
	return func(context.Context, *struct{}) (*ListOutput[T], error) { return nil, nil }
}

// Register registers the user operations.
func Register(api huma.API) {
	huma.Register(api, huma.Operation{OperationID: "get-user", Method: http.MethodGet, Path: "/users/{id}"}, getUser)
	op := huma.Operation{Method: http.MethodDelete, Path: "/users/{id}"}
	huma.Register(api, op, getUser)
	huma.Register(api, secured(huma.Operation{Method: "PATCH", Path: "/users/{id}"}), getUser)
	huma.Get(api, "/users", list[User]())
	grp := huma.NewGroup(api, "/admin")
	huma.Post(grp, "/users", getUser)
}

// Groups registers on a group it is given.
func Groups(grp *huma.Group) {
	huma.Get(grp, "/health", getUser)
}

func secured(op huma.Operation) huma.Operation { return op }
