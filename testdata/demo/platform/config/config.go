package config

import (
	"errors"
	"flag"
	"os"
	"time"
)

// Config holds the runtime settings of the shop service.
type Config struct {
	// Addr is the HTTP listen address, e.g. ":8080".
	Addr string
	// DBDriver is the database/sql driver name the binary was built with.
	DBDriver string
	// DSN is the database connection string.
	DSN string
	// Currency is the ISO 4217 code new customers and orders are created in.
	Currency string
	// FeaturedCount is how many products the nightly job features on the home page.
	FeaturedCount int
	// ShutdownGrace bounds how long in-flight requests may run on shutdown.
	ShutdownGrace time.Duration
}

// Load parses args as command-line flags. Flags that are not given fall back
// to the matching SHOP_* environment variable, then to a built-in default.
func Load(args []string) (Config, error) {
	fs := flag.NewFlagSet("shop", flag.ContinueOnError)
	var c Config
	fs.StringVar(&c.Addr, "addr", env("SHOP_ADDR", ":8080"), "HTTP listen address")
	fs.StringVar(&c.DBDriver, "db-driver", env("SHOP_DB_DRIVER", "pgx"), "database/sql driver name")
	fs.StringVar(&c.DSN, "dsn", os.Getenv("SHOP_DSN"), "database connection string")
	fs.StringVar(&c.Currency, "currency", env("SHOP_CURRENCY", "EUR"), "ISO 4217 currency for new customers and orders")
	fs.IntVar(&c.FeaturedCount, "featured", 8, "number of products featured on the home page")
	fs.DurationVar(&c.ShutdownGrace, "shutdown-grace", 10*time.Second, "time allowed for in-flight requests on shutdown")
	if err := fs.Parse(args); err != nil {
		return Config{}, err
	}
	if c.DSN == "" {
		return Config{}, errors.New("config: no database DSN (set -dsn or SHOP_DSN)")
	}
	if len(c.Currency) != 3 {
		return Config{}, errors.New("config: currency must be a three-letter ISO 4217 code")
	}
	return c, nil
}

func env(key, def string) string {
	if v, ok := os.LookupEnv(key); ok && v != "" {
		return v
	}
	return def
}
