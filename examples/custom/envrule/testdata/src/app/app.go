package app

import "os"

func Port() string {
	return os.Getenv("PORT") // want `environment variable PORT is read outside the config package`
}

func Home(getenv func(string) string) string {
	return getenv("HOME") // a function value handed in: not a read of the environment here
}
