// Package accounts uses the accounts table through the ent client.
package accounts

import (
	"context"

	"entapp/ent"
)

func Open(ctx context.Context, c *ent.Client) error {
	return c.Schema.Create(ctx) // schema issued as the application starts
}

func Names(ctx context.Context, c *ent.Client) error {
	if _, err := c.User.Query().Where().All(ctx); err != nil {
		return err
	}
	if _, err := c.User.Get(ctx, 1); err != nil {
		return err
	}
	_, err := c.User.Create().SetName("x").Save(ctx)
	return err
}

// AddMigration registers a versioned step.
func AddMigration(up func(context.Context, *ent.Client) error) {}

func init() {
	AddMigration(func(ctx context.Context, c *ent.Client) error {
		return c.Schema.Create(ctx) // a versioned step's schema
	})
}
